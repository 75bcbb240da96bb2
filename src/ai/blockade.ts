/**
 * The blockade AI, a utility AI. For each cell that is ready it lists the moves it could
 * make, scores each by the fuel it would deny and the pressure it would put on the city and
 * the rural towns, minus the risk from the escorts and patrols it can see, weighs them by
 * the pacing director's phase, and picks one with seeded noise. It decides from
 * `observeForBlockade` only (fog of war), and every move carries its reason: the factors
 * behind the score.
 */
import type { Immutable } from 'immer';
import { CHECKPOINT_HOURS, HOURS_PER_DAY, THREAT_MAX_EXTRA_DELAY, THREAT_SETUP_HOURS } from '../sim/balance';
import type { LevelContext, RoadDef } from '../sim/context';
import { derivedRng } from '../sim/rng';
import type { AiAction, AiReason, Cell, CorridorId, GameState, RoadId, TownId } from '../sim/state';
import { phaseOf, phaseWeight, PHASES, REST_VALUE, type Choice, type Phase } from './director';
import { hoursUntil, type RoadHabit } from './habits';
import { MEMORY_DAYS, neighbours, observeForBlockade, type BlockadeView } from './observe';

interface Candidate {
  choice: Choice;
  /** Value before the phase weight. */
  value: number;
  action: AiAction | null;
}

/** How much each difficulty blurs the AI's judgement (score points of noise). */
const NOISE = { easy: 3, normal: 1.5, hard: 0.5 } as const;
/** Sightings it needs on a road before it trusts what they show. */
const TRUST_AFTER = { easy: 4, normal: 3, hard: 2 } as const;

const reason = (code: string, phase: Phase, factors: Record<string, number>): AiReason => ({
  code,
  factors: [
    ...Object.entries(factors).map(([name, value]) => ({ name, value: Math.round(value * 100) / 100 })),
    { name: 'phase', value: PHASES.indexOf(phase) },
  ],
});

/** Attack strength against defence, as a rough chance (0–1) that the attack wins. */
function winChance(attack: number, defence: number): number {
  return Math.max(0, Math.min(1, 0.5 + ((attack - defence) * 10) / 40));
}

/** What an ambush on this road is worth now: the passages it expects in its window, and its edge. */
function ambushValue(view: BlockadeView, cell: Cell, road: RoadDef, habit: RoadHabit) {
  const days = MEMORY_DAYS[view.difficulty];
  const trust = Math.min(1, habit.seen / TRUST_AFTER[view.difficulty]);
  // Before it has seen anything, the group goes by how busy a road is known to be.
  const prior = road.risk / 200;
  const passages = (habit.inWindow / days) * trust + prior * (1 - trust);
  const hitChance = Math.min(0.95, passages);
  const tankers = habit.seen > 0 ? habit.tankers : 12;
  const patrol = view.patrols.get(road.id) ?? 0;
  const edge = Math.max(0.05, Math.min(1, (cell.strength * 10 + 10 - habit.escort * 10 - patrol * 6 - 10) / (cell.strength * 10 + 10)));
  return { hitChance, tankers, patrol, edge, trust, denied: hitChance * tankers * edge };
}

function roadCandidates(ctx: LevelContext, view: BlockadeView, cell: Cell, phase: Phase): Candidate[] {
  const out: Candidate[] = [];
  const near = ctx.roadsAt.get(cell.town) ?? [];
  const habits = near.map((road) => view.habit(road.id));
  const seenNear = habits.reduce((sum, h) => sum + h.seen, 0);
  near.forEach((road, i) => {
    if (view.threats.some((t) => t.road === road.id)) return;
    const habit = habits[i]!;
    const v = ambushValue(view, cell, road, habit);
    const delay = Math.min(THREAT_SETUP_HOURS + THREAT_MAX_EXTRA_DELAY, hoursUntil(view.hour, habit.windowStart, THREAT_SETUP_HOURS));
    out.push({
      choice: 'ambush',
      value: v.denied - v.patrol * 2,
      action: {
        type: 'ai/ambush',
        cell: cell.id,
        road: road.id as RoadId,
        delay: habit.seen > 0 ? delay : THREAT_SETUP_HOURS,
        reason: reason('ambush-habit', phase, {
          convoysSeen: habit.seen,
          convoysNear: seenNear,
          inWindow: habit.inWindow,
          windowStart: habit.windowStart,
          escortStrength: habit.escort,
          patrol: v.patrol,
          tankersExpected: v.tankers,
        }),
      },
    });
    // A checkpoint stays for days: it taxes whatever passes and holds weak convoys.
    const perDay = (habit.seen / MEMORY_DAYS[view.difficulty]) * v.trust + (road.risk / 200) * (1 - v.trust);
    const beatsEscort = habit.escort < cell.strength ? 1 : 0.15;
    out.push({
      choice: 'checkpoint',
      value: perDay * (CHECKPOINT_HOURS / HOURS_PER_DAY) * (v.tankers * 0.1 + 0.5) * beatsEscort - v.patrol * 3,
      action: {
        type: 'ai/checkpoint',
        cell: cell.id,
        road: road.id as RoadId,
        reason: reason('checkpoint-traffic', phase, { convoysSeen: habit.seen, escortStrength: habit.escort, patrol: v.patrol }),
      },
    });
  });
  return out;
}

function townCandidates(ctx: LevelContext, view: BlockadeView, cell: Cell, phase: Phase): Candidate[] {
  const reach = new Set<string>([cell.town, ...neighbours(ctx, cell.town)]);
  return view.heldTowns
    .filter((town) => reach.has(town.id))
    .map((town) => {
      const need = ctx.towns.get(town.id)?.garrisonNeed ?? 0;
      const win = winChance(cell.strength, town.garrison + need);
      return {
        choice: 'attackTown' as const,
        // A town taken widens the group's reach and shakes trust; a failed attack costs it men.
        value: win * 8 - (1 - win) * 3,
        action: {
          type: 'ai/attackTown' as const,
          cell: cell.id,
          town: town.id,
          reason: reason('town-exposed', phase, { garrison: town.garrison, strength: cell.strength, need, winChance: win }),
        },
      };
    });
}

function pressureCandidates(ctx: LevelContext, view: BlockadeView, cell: Cell, phase: Phase): Candidate[] {
  const corridors = new Set<CorridorId>((ctx.roadsAt.get(cell.town) ?? []).map((r) => r.corridor));
  const out: Candidate[] = [];
  for (const corridor of corridors) {
    const seen = view.sightings.filter((s) => ctx.roads.get(s.road)?.corridor === corridor).length;
    out.push({
      choice: 'intimidate',
      value: 1.5 + Math.min(seen, 10) * 0.25,
      action: { type: 'ai/intimidate', cell: cell.id, corridor, reason: reason('drivers', phase, { convoysSeen: seen }) },
    });
    if (!view.blockaded.includes(corridor) && view.hour >= HOURS_PER_DAY) {
      out.push({
        choice: 'declareBlockade',
        value: 4 + seen * 0.5,
        action: { type: 'ai/declareBlockade', cell: cell.id, corridor, reason: reason('declare', phase, { convoysSeen: seen }) },
      });
    }
  }
  return out;
}

function moveCandidates(ctx: LevelContext, view: BlockadeView, cell: Cell, phase: Phase): Candidate[] {
  return neighbours(ctx, cell.town)
    .filter((town) => ctx.towns.get(town)?.kind !== 'capital' && !view.cells.some((c) => c.id !== cell.id && c.town === town))
    .map((town) => {
      // One step of look-ahead: what the cell could do from there.
      const roads = (ctx.roadsAt.get(town) ?? []).map((road) => ambushValue(view, cell, road, view.habit(road.id)).denied);
      const traffic = Math.max(0, ...roads);
      const exposed = view.heldTowns.some((t) => t.id === town && t.garrison === 0) ? 2 : 0;
      return {
        choice: 'move' as const,
        value: traffic * 0.45 + exposed,
        action: { type: 'ai/move' as const, cell: cell.id, to: town as TownId, reason: reason('follow-traffic', phase, { traffic, exposedTown: exposed }) },
      };
    });
}

/** The moves the armed group makes now. Pure: the same view always gives the same moves. */
export function decideBlockade(ctx: LevelContext, state: Immutable<GameState>): AiAction[] {
  if (state.status !== 'playing') return [];
  // Most turns no cell is ready (each rests after acting): nothing to look at then.
  if (!state.cells.some((cell) => state.hour >= cell.readyAt)) return [];
  const view = observeForBlockade(ctx, state);
  const phase = phaseOf(Math.floor(view.hour / HOURS_PER_DAY) + 1, view.trust);
  const moves: AiAction[] = [];
  view.cells.forEach((cell, index) => {
    if (view.hour < cell.readyAt) return;
    const rng = derivedRng(view.seed, view.hour, index);
    const candidates: Candidate[] = [
      { choice: 'rest', value: REST_VALUE[phase], action: null },
      ...roadCandidates(ctx, view, cell, phase),
      ...townCandidates(ctx, view, cell, phase),
      ...pressureCandidates(ctx, view, cell, phase),
      ...moveCandidates(ctx, view, cell, phase),
    ];
    let best: Candidate | undefined;
    let bestScore = -Infinity;
    for (const c of candidates) {
      const score = c.value * phaseWeight(phase, c.choice) + (rng.int(0, 100) * NOISE[view.difficulty]) / 100;
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    const action = best?.action;
    // Two cells never take the same road, town or corridor in one round.
    if (action && !moves.some((m) => m.type === action.type && targetOf(m) === targetOf(action))) moves.push(action);
  });
  return moves;
}

export function targetOf(a: AiAction): string {
  switch (a.type) {
    case 'ai/move':
      return a.to;
    case 'ai/ambush':
    case 'ai/checkpoint':
      return a.road;
    case 'ai/intimidate':
    case 'ai/declareBlockade':
      return a.corridor;
    case 'ai/attackTown':
      return a.town;
  }
}
