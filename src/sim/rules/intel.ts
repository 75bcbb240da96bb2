/**
 * Intelligence: the player sees the armed group only through reports with a confidence,
 * from patrols, garrisons and informants. Threats are telegraphed before they strike;
 * some reports are wrong.
 */
import {
  HOURS_PER_DAY,
  INTEL_BASE_CHANCE,
  INTEL_FALSE_CHANCE,
  INTEL_KEEP_DAYS,
  INTEL_PATROL_BONUS,
  TELEGRAPH_CHANCE,
  TELEGRAPH_LATE_HOURS,
  TELEGRAPH_WATCH_BONUS,
} from '../balance';
import type { LevelContext } from '../context';
import { chance, drawInt } from '../rng';
import { garrisonStrength, patrolStrength, policyActive } from '../selectors';
import type { GameState, Intel, RoadId, Threat } from '../state';
import { pushNews } from './common';

function report(state: GameState, item: Omit<Intel, 'id' | 'hour'>): void {
  state.intel.push({ id: state.nextId, hour: state.hour, ...item });
  state.nextId += 1;
}

/** Watchers near a road: patrols on it and garrisons at either end. */
function watchOn(ctx: LevelContext, state: GameState, road: RoadId): number {
  const def = ctx.roads.get(road);
  if (!def) return 0;
  return patrolStrength(state, road) + garrisonStrength(state, def.from) + garrisonStrength(state, def.to);
}

/**
 * When a cell sets up an ambush or a checkpoint, someone may see it coming. Watchers nearby
 * (patrols, garrisons) make a report likelier, surer and earlier; informants far from the
 * road report late, a few hours before the threat is active.
 */
export function telegraphThreat(ctx: LevelContext, state: GameState, threat: Threat): void {
  const watch = watchOn(ctx, state, threat.road);
  const curfew = policyActive(state, 'curfew') ? 10 : 0;
  if (!chance(state, TELEGRAPH_CHANCE + (watch > 0 ? TELEGRAPH_WATCH_BONUS : 0) + curfew)) return;
  const item: Intel = {
    id: state.nextId,
    hour: watch > 0 ? state.hour : Math.max(state.hour, threat.from - TELEGRAPH_LATE_HOURS),
    kind: threat.kind,
    road: threat.road,
    confidence: watch > 0 ? drawInt(state, 65, 90) : drawInt(state, 40, 70),
    source: patrolStrength(state, threat.road) > 0 ? 'patrol' : watch > 0 ? 'garrison' : 'informant',
  };
  state.nextId += 1;
  if (item.hour <= state.hour) state.intel.push(item);
  else state.intelQueue.push(item);
}

/** Hourly: reports whose time has come reach the coordinator. */
export function deliverIntel(state: GameState): void {
  if (state.intelQueue.length === 0 || !state.intelQueue.some((i) => i.hour <= state.hour)) return;
  for (const item of state.intelQueue) if (item.hour <= state.hour) state.intel.push(item);
  state.intelQueue = state.intelQueue.filter((i) => i.hour > state.hour);
}

/** Each morning: sightings of cells, false alarms, patrols clearing roads, old reports dropped. */
export function dailyIntel(ctx: LevelContext, state: GameState): void {
  // A cell is watched when a patrol is on a road out of its town, or a garrison holds its town or a town next to it.
  const patrolled = new Set<string>();
  const garrisoned = new Set<string>();
  for (const unit of state.units) {
    if (state.hour < unit.readyAt) continue;
    if (unit.task.kind === 'garrison') garrisoned.add(unit.task.town);
    if (unit.task.kind === 'patrol') patrolled.add(unit.task.road);
  }
  for (const cell of state.cells) {
    const watched =
      garrisoned.has(cell.town) ||
      (ctx.roadsAt.get(cell.town) ?? []).some((r) => patrolled.has(r.id) || garrisoned.has(r.from) || garrisoned.has(r.to));
    if (chance(state, INTEL_BASE_CHANCE + (watched ? INTEL_PATROL_BONUS : 0))) {
      report(state, { kind: 'cell', town: cell.town, confidence: drawInt(state, watched ? 60 : 35, watched ? 90 : 70), source: watched ? 'garrison' : 'informant' });
    }
  }
  if (chance(state, INTEL_FALSE_CHANCE) && ctx.level.roads.length > 0) {
    const road = ctx.level.roads[drawInt(state, 0, ctx.level.roads.length - 1)];
    if (road) report(state, { kind: 'ambush', road: road.id as RoadId, confidence: drawInt(state, 30, 60), source: 'informant' });
  }
  for (const threat of [...state.threats]) {
    const patrol = patrolStrength(state, threat.road);
    if (patrol > 0 && chance(state, 25 + 10 * patrol)) {
      state.threats = state.threats.filter((t) => t.id !== threat.id);
      pushNews(state, { kind: 'checkpoint', facts: { road: threat.road, cleared: 1, by: 'patrol' } });
    }
  }
  const oldest = state.hour - INTEL_KEEP_DAYS * HOURS_PER_DAY;
  if (state.intel.some((i) => i.hour < oldest)) state.intel = state.intel.filter((i) => i.hour >= oldest);
}
