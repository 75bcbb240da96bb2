/**
 * Why the game turned out as it did, from its own record: public trust from start to end
 * as the sum of its nightly causes (DayRecord.trustWhy), each town lost with the forces on
 * both sides at that hour, and the collapse with its numbers. Every sentence built from
 * these facts is chosen by them, so the debrief never states what this game did not show.
 * Pure (no DOM): the log is folded again to see where the units were when a town fell.
 */
import type { Immutable } from 'immer';
import { formatDate, formatList, formatLitres, formatNumber, t, tn } from '../../app/i18n';
import type { LevelContext } from '../../sim/context';
import { Fold } from '../../sim/fold';
import { createInitialState } from '../../sim/init';
import { townDefence } from '../../sim/rules/blockade';
import { policyActive } from '../../sim/selectors';
import type { Action, GameState, TrustCause } from '../../sim/state';
import { townName, unitName } from '../hud/names';

/* ---------------------------------------------------------------- trust */

export interface TrustWaterfall {
  start: number;
  end: number;
  /** Each cause's summed change over the game and the nights it moved trust, largest effect first. */
  causes: { cause: TrustCause; total: number; nights: number }[];
  /** What the 0–100 bounds cut off (start + causes + bounded = end). */
  bounded: number;
}

export function trustWaterfall(ctx: LevelContext, state: Immutable<GameState>): TrustWaterfall {
  const start = createInitialState(ctx, state.seed, state.difficulty).city.trust;
  const byCause = new Map<TrustCause, { cause: TrustCause; total: number; nights: number }>();
  for (const day of state.history) {
    for (const change of day.trustWhy) {
      if (change.delta === 0) continue;
      const row = byCause.get(change.cause) ?? { cause: change.cause, total: 0, nights: 0 };
      row.total += change.delta;
      row.nights += 1;
      byCause.set(change.cause, row);
    }
  }
  const causes = [...byCause.values()].filter((c) => c.total !== 0 || c.nights > 0).sort((a, b) => Math.abs(b.total) - Math.abs(a.total) || a.cause.localeCompare(b.cause));
  const sum = causes.reduce((s, c) => s + c.total, 0);
  const end = state.city.trust;
  return { start, end, causes, bounded: end - start - sum };
}

/* ---------------------------------------------------------------- towns */

export interface TownLoss {
  town: string;
  hour: number;
  garrison: number;
  need: number;
  /** The town's own defenders as the rules counted them (fewer under the rural fuel ban). */
  own: number;
  cell: number;
  /** Units escorting or patrolling at that hour (on the roads, not in a town). */
  away: string[];
  ban: boolean;
}

/** Each fall of a rural town, with both sides' strength and where the units were at that hour. */
export function townLosses(ctx: LevelContext, state: Immutable<GameState>, log: readonly Action[]): TownLoss[] {
  if (!state.news.some((n) => n.kind === 'town' && n.facts.fallen)) return [];
  const game = Fold.start(ctx, state.seed, state.difficulty, { dailyHashes: false });
  const losses: TownLoss[] = [];
  for (const action of log) {
    if (action.type !== 'ai/attackTown') {
      game.apply(action);
      continue;
    }
    const before = game.state;
    const defence = townDefence(before, ctx, action.town);
    const cell = before.cells.find((c) => c.id === action.cell)?.strength ?? 0;
    const away = before.units.filter((u) => u.task.kind === 'escort' || u.task.kind === 'patrol').map((u) => u.id as string);
    const ban = policyActive(before, 'banRuralSales');
    const hour = before.hour;
    game.apply(action);
    const last = game.state.news[game.state.news.length - 1];
    if (last && last.kind === 'town' && last.hour === hour && last.facts.town === action.town && last.facts.fallen) {
      losses.push({ town: action.town, hour, garrison: defence.garrison, need: ctx.towns.get(action.town)?.garrisonNeed ?? 0, own: defence.own, cell, away, ban });
    }
  }
  return losses;
}

export function townLossText(ctx: LevelContext, loss: TownLoss): string {
  const parts = [
    t('debrief.why.town', {
      town: townName(ctx, loss.town),
      time: formatDate(ctx.level.startDate, loss.hour, true),
      garrison: loss.garrison,
      need: loss.need,
      own: loss.own,
      cell: loss.cell,
    }),
  ];
  if (loss.away.length > 0) parts.push(tn('debrief.why.townAway', loss.away.length, { units: formatList(loss.away.map((u) => unitName(ctx, u))) }));
  if (loss.ban) parts.push(t('debrief.why.townBan'));
  return parts.join(' ');
}

/* ---------------------------------------------------------------- collapse */

const signed = (n: number): string => `${n > 0 ? '+' : n < 0 ? '−' : ''}${formatNumber(Math.abs(n))}`;

export const causeName = (cause: TrustCause): string => t(`hud.trust.${cause}`);

/** The collapse named with its numbers, or null when the city did not collapse. */
export function collapseText(ctx: LevelContext, state: Immutable<GameState>): string[] | null {
  if (state.status !== 'collapsed') return null;
  const day = state.history.length > 0 ? state.history[state.history.length - 1]!.day : 1;
  if (state.collapseReason === 'trust') {
    const falls = trustWaterfall(ctx, state)
      .causes.filter((c) => c.total < 0)
      .slice(0, 3);
    const out = [t('debrief.why.collapseTrust', { day, causes: falls.map((c) => t('debrief.why.causeItem', { cause: causeName(c.cause).toLowerCase(), delta: signed(c.total) })).join(', ') })];
    const days = ctx.totalDemandL === 0 ? 0 : Math.round((10 * state.fuel.stockL) / ctx.totalDemandL) / 10;
    if (days >= 1) out.push(t('debrief.why.notFuel', { stock: formatLitres(state.fuel.stockL), days: tn('debrief.why.days', days, { days: formatNumber(days, 1) }) }));
    return out;
  }
  return [
    t('debrief.why.collapseFuel', {
      n: state.city.noFuelDays,
      day,
      stock: formatLitres(state.fuel.stockL),
      delivered: state.metrics.tankersDelivered,
      lost: state.metrics.tankersLost,
    }),
  ];
}

export { signed as signedNumber };
