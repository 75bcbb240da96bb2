/**
 * What the armed group can know: its own cells and threats, what its informants saw of
 * passing convoys, and what is public (who holds which rural town, which garrisons are
 * there, the known risk of roads, which crossings are open and how many trucks are parked
 * at them). Not the depot, not the plan, not convoys it never saw, not patrols away from
 * its cells. The AI decides from this view only.
 */
import type { Immutable } from 'immer';
import { HOURS_PER_DAY } from '../sim/balance';
import type { LevelContext } from '../sim/context';
import { townDefence, travelHours } from '../sim/rules/blockade';
import { patrolStrength } from '../sim/selectors';
import type { Cell, CorridorId, EntryId, GameState, RoadId, Sighting, Threat, TownId } from '../sim/state';
import { roadHabit, type RoadHabit } from './habits';
import { usualTrafficByRoad, type Traffic } from './traffic';

export interface BlockadeView {
  seed: number;
  hour: number;
  /** Public trust in the government: everyone in Bamako can feel it. */
  trust: number;
  difficulty: GameState['difficulty'];
  cells: readonly Immutable<Cell>[];
  threats: readonly Immutable<Threat>[];
  sightings: readonly Immutable<Sighting>[];
  blockaded: readonly CorridorId[];
  /** Rural towns still held by the government, with their visible garrison and how much their own people defend them. */
  heldTowns: { id: TownId; garrison: number; own: number; need: number }[];
  /** Rural towns the group holds. */
  fallenTowns: ReadonlySet<string>;
  /** Crossings that are open, and the trucks parked at each. */
  borders: { entry: EntryId; town: TownId; waiting: number; open: boolean }[];
  /** Patrol strength on roads that touch a cell's town (seen by the cell); other roads unknown. */
  patrols: Map<RoadId, number>;
  /** What its informants' sightings show of the habits on a road (worked out once per road and turn). */
  habit(road: string): RoadHabit;
  /** Where convoys usually run (its guess before it has seen anything). */
  traffic(road: string): Traffic;
  /** Hours a cell takes to cover `km` now. */
  travelHours(km: number): number;
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
  const byRoad = new Map<string, Immutable<Sighting>[]>();
  for (const s of sightings) {
    const list = byRoad.get(s.road);
    if (list) list.push(s);
    else byRoad.set(s.road, [s]);
  }
  const habits = new Map<string, RoadHabit>();
  const borders = state.entries.map((e) => ({ entry: e.id, town: ctx.entries.get(e.id)!.town, waiting: e.offered, open: e.open }));
  return {
    seed: state.seed,
    hour: state.hour,
    trust: state.city.trust,
    difficulty: state.difficulty,
    cells: state.cells,
    threats: state.threats,
    sightings,
    blockaded: state.blockaded,
    heldTowns: state.towns
      .filter((t) => t.control === 'held')
      .map((t) => ({ id: t.id, ...townDefence(state, ctx, t.id), need: ctx.towns.get(t.id)?.garrisonNeed ?? 0 })),
    fallenTowns: new Set(state.towns.filter((t) => t.control === 'fallen').map((t) => t.id)),
    borders,
    traffic: usualTrafficByRoad(ctx, { borders }),
    patrols,
    travelHours: (km) => travelHours(state, km),
    habit(road) {
      let habit = habits.get(road);
      if (!habit) habits.set(road, (habit = roadHabit(byRoad.get(road) ?? [], road, state.hour)));
      return habit;
    },
  };
}

/** Towns one move away from `town`, by road or bush track (never the capital). */
export function neighbours(ctx: LevelContext, town: string): TownId[] {
  return (ctx.cellLinks.get(town) ?? []).map((l) => l.to);
}
