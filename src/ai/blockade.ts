/**
 * The blockade AI: for each cell that is ready, list the moves it could make, score them by
 * the fuel they would deny and the pressure they would put on the city and the rural towns,
 * minus the risk from escorts and patrols it can see, and pick one with seeded noise.
 * Every move carries its reason: the factors behind the score.
 */
import { derivedRng } from '../sim/rng';
import type { LevelContext } from '../sim/context';
import type { AiAction, AiReason, Cell, GameState } from '../sim/state';
import { neighbours, observeForBlockade, type BlockadeView } from './observe';
import type { CorridorId, RoadId, TownId } from '../sim/state';

interface Candidate {
  score: number;
  action: AiAction;
}

/** How much each difficulty blurs the AI's judgement (score points of noise). */
const NOISE = { easy: 4, normal: 3, hard: 1 } as const;
/** How many of the convoys it saw the AI takes into account (perception). */
const PERCEPTION = { easy: 50, normal: 80, hard: 100 } as const;

const reason = (code: string, factors: Record<string, number>): AiReason => ({
  code,
  factors: Object.entries(factors).map(([name, value]) => ({ name, value: Math.round(value * 10) / 10 })),
});

function roadHabits(view: BlockadeView, road: string): { seen: number; tankers: number; escort: number } {
  let seen = 0;
  let tankers = 0;
  let escort = 0;
  for (const s of view.sightings) {
    if (s.road !== road || s.convoy % 100 >= PERCEPTION[view.difficulty]) continue;
    seen += 1;
    tankers += s.tankers;
    escort += s.escortStrength;
  }
  return seen === 0 ? { seen, tankers: 0, escort: 0 } : { seen, tankers: tankers / seen, escort: escort / seen };
}

function roadCandidates(ctx: LevelContext, view: BlockadeView, cell: Cell): Candidate[] {
  const out: Candidate[] = [];
  const near = ctx.roadsAt.get(cell.town) ?? [];
  const seenNear = near.reduce((sum, r) => sum + roadHabits(view, r.id).seen, 0);
  for (const road of near) {
    if (view.threats.some((t) => t.road === road.id)) continue;
    const habits = roadHabits(view, road.id);
    // Before it has seen anything, the group goes by how busy a road is known to be.
    const traffic = habits.seen > 0 ? habits.seen : road.risk / 50;
    const tankers = habits.seen > 0 ? habits.tankers : 12;
    const patrol = view.patrols.get(road.id) ?? 0;
    const edge = Math.max(0.05, (cell.strength * 10 + 10 - habits.escort * 10 - patrol * 6 - 10) / (cell.strength * 10 + 10));
    const denied = traffic * tankers * edge;
    out.push({
      score: denied * 0.5 - patrol * 3,
      action: {
        type: 'ai/ambush',
        cell: cell.id,
        road: road.id as RoadId,
        reason: reason('ambush-habit', { convoysSeen: habits.seen, convoysNear: seenNear, escortStrength: habits.escort, patrol, tankersExpected: tankers }),
      },
    });
    out.push({
      score: traffic * 2.5 - patrol * 4 + (road.terrain === 'laterite' ? 1 : 0),
      action: {
        type: 'ai/checkpoint',
        cell: cell.id,
        road: road.id as RoadId,
        reason: reason('checkpoint-traffic', { convoysSeen: habits.seen, patrol, laterite: road.terrain === 'laterite' ? 1 : 0 }),
      },
    });
  }
  return out;
}

function townCandidates(ctx: LevelContext, view: BlockadeView, cell: Cell): Candidate[] {
  const reach = new Set<string>([cell.town, ...neighbours(ctx, cell.town)]);
  const out: Candidate[] = [];
  for (const town of view.heldTowns) {
    if (!reach.has(town.id)) continue;
    const need = ctx.towns.get(town.id)?.garrisonNeed ?? 0;
    const edge = cell.strength - town.garrison - need;
    out.push({
      score: edge > 0 ? 4 + 2 * edge : -4 + edge,
      action: {
        type: 'ai/attackTown',
        cell: cell.id,
        town: town.id,
        reason: reason('town-exposed', { garrison: town.garrison, strength: cell.strength, need }),
      },
    });
  }
  return out;
}

function pressureCandidates(ctx: LevelContext, view: BlockadeView, cell: Cell): Candidate[] {
  const corridors = new Set<CorridorId>((ctx.roadsAt.get(cell.town) ?? []).map((r) => r.corridor));
  const out: Candidate[] = [];
  for (const corridor of corridors) {
    const seen = view.sightings.filter((s) => ctx.roads.get(s.road)?.corridor === corridor).length;
    out.push({
      score: 2 + seen * 0.6,
      action: { type: 'ai/intimidate', cell: cell.id, corridor, reason: reason('drivers', { convoysSeen: seen }) },
    });
    if (!view.blockaded.includes(corridor) && view.hour >= 24) {
      out.push({
        score: 5 + seen,
        action: { type: 'ai/declareBlockade', cell: cell.id, corridor, reason: reason('declare', { convoysSeen: seen }) },
      });
    }
  }
  return out;
}

function moveCandidates(ctx: LevelContext, view: BlockadeView, cell: Cell): Candidate[] {
  return neighbours(ctx, cell.town)
    .filter((town) => ctx.towns.get(town)?.kind !== 'capital' && !view.cells.some((c) => c.id !== cell.id && c.town === town))
    .map((town) => {
      const traffic = (ctx.roadsAt.get(town) ?? []).reduce((sum, r) => sum + roadHabits(view, r.id).seen + r.risk / 100, 0);
      const exposed = view.heldTowns.some((t) => t.id === town && t.garrison === 0) ? 2 : 0;
      return {
        score: traffic * 1.5 + exposed,
        action: { type: 'ai/move' as const, cell: cell.id, to: town as TownId, reason: reason('follow-traffic', { traffic, exposedTown: exposed }) },
      };
    });
}

/** The moves the armed group makes now. Pure: the same state always gives the same moves. */
export function decideBlockade(ctx: LevelContext, state: GameState): AiAction[] {
  if (state.status !== 'playing') return [];
  const view = observeForBlockade(ctx, state);
  const moves: AiAction[] = [];
  view.cells.forEach((cell, index) => {
    if (view.hour < cell.readyAt) return;
    const rng = derivedRng(view.seed, view.hour, index);
    const candidates = [
      ...roadCandidates(ctx, view, cell),
      ...townCandidates(ctx, view, cell),
      ...pressureCandidates(ctx, view, cell),
      ...moveCandidates(ctx, view, cell),
    ];
    let best: Candidate | undefined;
    let bestScore = -Infinity;
    for (const c of candidates) {
      const score = c.score + (rng.int(0, 100) * NOISE[view.difficulty]) / 100;
      if (score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    // Two cells never take the same road or the same blockade in one round.
    if (best && !moves.some((m) => sameTarget(m, best.action))) moves.push(best.action);
  });
  return moves;
}

function sameTarget(a: AiAction, b: AiAction): boolean {
  if (a.type !== b.type) return false;
  return targetOf(a) === targetOf(b);
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
