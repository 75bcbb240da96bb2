/**
 * What the armed group can know: its own cells and threats, what its informants saw of
 * passing convoys, and what is public (who holds which rural town, which garrisons are
 * there, the known risk of roads). Not the depot, not the plan, not convoys it never saw,
 * not patrols away from its cells. The AI decides from this view only.
 */
import type { Immutable } from 'immer';
import { HOURS_PER_DAY } from '../sim/balance';
import { otherEnd, type LevelContext } from '../sim/context';
import { garrisonStrength, patrolStrength } from '../sim/selectors';
import { roadHabit, type RoadHabit } from './habits';
import type { Cell, CorridorId, GameState, RoadId, Sighting, Threat, TownId } from '../sim/state';

export interface BlockadeView {
  seed: number;
  hour: number;
  /** Public trust in the government: everyone in Bamako can feel it. */
  trust: number;
  difficulty: GameState['difficulty'];
  cells: readonly Cell[];
  threats: readonly Threat[];
  sightings: readonly Sighting[];
  blockaded: readonly CorridorId[];
  /** Rural towns still held by the government, with their visible garrison. */
  heldTowns: { id: TownId; garrison: number }[];
  /** Patrol strength on roads that touch a cell's town (seen by the cell); other roads unknown. */
  patrols: Map<RoadId, number>;
  /** What its informants' sightings show of the habits on a road (worked out once per road and turn). */
  habit(road: string): RoadHabit;
}

/** Days the group remembers what its informants saw: how fast it learns, by difficulty. */
export const MEMORY_DAYS = { easy: 4, normal: 7, hard: 10 } as const;

export function observeForBlockade(ctx: LevelContext, state: Immutable<GameState>): BlockadeView {
  const patrols = new Map<RoadId, number>();
  for (const cell of state.cells) {
    for (const road of ctx.roadsAt.get(cell.town) ?? []) patrols.set(road.id, patrolStrength(state, road.id));
  }
  const since = state.hour - MEMORY_DAYS[state.difficulty] * HOURS_PER_DAY;
  const sightings = state.sightings.filter((s) => s.hour >= since);
  const habits = new Map<string, RoadHabit>();
  return {
    seed: state.seed,
    hour: state.hour,
    trust: state.city.trust,
    difficulty: state.difficulty,
    cells: state.cells,
    threats: state.threats,
    sightings,
    blockaded: state.blockaded,
    heldTowns: state.towns.filter((t) => t.control === 'held').map((t) => ({ id: t.id, garrison: garrisonStrength(state, t.id) })),
    patrols,
    habit(road) {
      let habit = habits.get(road);
      if (!habit) habits.set(road, (habit = roadHabit(sightings, road)));
      return habit;
    },
  };
}

export function neighbours(ctx: LevelContext, town: string): TownId[] {
  return (ctx.roadsAt.get(town) ?? []).map((r) => otherEnd(r, town));
}
