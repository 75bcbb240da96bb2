/**
 * The strategy lab: many headless games of one coordinator, and what they show. The
 * balance command, the lesson tests and anyone testing an idea (docs/coordinators.md)
 * measure the same things the same way.
 */
import type { LevelContext } from '../sim/context';
import { outcomeOf } from '../sim/selectors';
import type { Difficulty, GameState } from '../sim/state';
import type { Coordinator } from './coordinator';
import { playWith } from './match';

export interface GameStats {
  seed: number;
  outcome: 'held' | 'collapsed' | 'playing';
  collapseReason: GameState['collapseReason'];
  score: number;
  daysSurvived: number;
  /** Tankers that set out in convoys with and without an escort (trips that ended on the road or at the depot), and those lost. */
  escorted: { sent: number; lost: number };
  unescorted: { sent: number; lost: number };
  /** The city over the days in `window` (means), e.g. late October 2025. */
  city: { powerHours: number; blackPrice: number; queueHours: number } | null;
  townsFallen: number;
  /** Day the first rural town fell (null: none did). */
  firstFallDay: number | null;
  cells: number;
  cellStrength: number;
  livesLost: number;
  educationDaysLost: number;
  state: GameState;
}

export function gameStats(ctx: LevelContext, seed: number, state: GameState, window?: readonly [number, number]): GameStats {
  const outcome = outcomeOf(ctx, state);
  const escorted = { sent: 0, lost: 0 };
  const unescorted = { sent: 0, lost: 0 };
  for (const c of state.pastConvoys) {
    if (c.status === 'returned') continue;
    const bucket = c.escorts > 0 ? escorted : unescorted;
    bucket.sent += c.tankersAtStart;
    bucket.lost += c.tankersAtStart - c.tankers;
  }
  const days = window ? state.history.filter((h) => h.day >= window[0] && h.day <= window[1]) : [];
  const mean = (f: (h: GameState['history'][number]) => number) => days.reduce((sum, h) => sum + f(h), 0) / days.length;
  const falls = state.news.filter((n) => n.kind === 'town' && n.facts.fallen);
  return {
    seed,
    outcome: outcome.outcome,
    collapseReason: state.collapseReason,
    score: outcome.score,
    daysSurvived: outcome.daysSurvived,
    escorted,
    unescorted,
    city: days.length === 0 ? null : { powerHours: mean((h) => h.powerHours), blackPrice: mean((h) => h.blackPrice), queueHours: mean((h) => h.queueHours) },
    townsFallen: state.towns.filter((t) => t.control === 'fallen').length,
    firstFallDay: falls.length === 0 ? null : Math.floor(falls[0]!.hour / 24) + 1,
    cells: state.cells.length,
    cellStrength: state.cells.reduce((sum, c) => sum + c.strength, 0),
    livesLost: state.metrics.livesLost,
    educationDaysLost: state.metrics.educationDaysLost,
    state,
  };
}

/** Seeds 1..runs of one coordinator, without daily hashes (nothing here reads them). */
export function playSeeds(ctx: LevelContext, coordinator: Coordinator, difficulty: Difficulty, runs: number, window?: readonly [number, number]): GameStats[] {
  const out: GameStats[] = [];
  for (let seed = 1; seed <= runs; seed++) out.push(gameStats(ctx, seed, playWith(ctx, seed, difficulty, coordinator, false).state, window));
  return out;
}

export const heldRate = (games: readonly GameStats[]): number => games.filter((g) => g.outcome === 'held').length / Math.max(1, games.length);

/** Share (0–1) of the tankers sent that were lost, over many games. */
export function lossShare(games: readonly GameStats[], which: 'escorted' | 'unescorted' | 'all'): number {
  let sent = 0;
  let lost = 0;
  for (const g of games) {
    for (const bucket of which === 'all' ? [g.escorted, g.unescorted] : [g[which]]) {
      sent += bucket.sent;
      lost += bucket.lost;
    }
  }
  return sent === 0 ? 0 : lost / sent;
}

export const meanOf = (games: readonly GameStats[], f: (g: GameStats) => number): number =>
  games.length === 0 ? 0 : games.reduce((sum, g) => sum + f(g), 0) / games.length;
