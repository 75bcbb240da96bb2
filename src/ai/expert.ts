/**
 * The `expert` coordinator: shows that skill matters. It sees what a player sees (intel,
 * its own convoys and units, the city), never the cells or their threats, and plans ahead:
 * - it models what the blockade learns from its informants (its own recent routes and
 *   departure hours) and varies both to stay unpredictable;
 * - it looks one day ahead at the services a ration would give, and rations early;
 * - it reads intel: avoids reported roads, holds or reroutes convoys heading into them,
 *   patrols the most reported road, and garrisons towns where cells are reported.
 */
import type { Immutable } from 'immer';
import { SECTORS } from '../levels/constants';
import { HOURS_PER_DAY, MAX_CONVOY_TANKERS } from '../sim/balance';
import type { LevelContext } from '../sim/context';
import { derivedRng } from '../sim/rng';
import { nextServiceLevel, serviceTarget } from '../sim/rules/city';
import { isEssential, sectorMap } from '../sim/sectors';
import { daysOfCover, hourOfDay, policy, unitReady } from '../sim/selectors';
import type { Convoy, EntryId, Intel, PlayerAction, RoadId, SectorMap, TownId, Unit } from '../sim/state';
import type { Coordinator, PlayerView } from './coordinator';

const MORNING = 6;
/** Days of its own history the expert assumes the blockade remembers. */
const HABIT_DAYS = 6;

/** Reports still worth acting on: recent, and sure enough. */
function freshIntel(state: PlayerView, hours: number): Intel[] {
  return state.intel.filter((i) => state.hour - i.hour <= hours && i.confidence >= 40);
}

function allConvoys(state: PlayerView): { route: readonly RoadId[]; departAt: number }[] {
  return [...state.convoys, ...state.pastConvoys];
}

/** How exposed a route is: its length and known risk, fresh reports on it, and how often we used it lately. */
function routeRisk(ctx: LevelContext, state: PlayerView, route: readonly RoadId[]): number {
  const intel = freshIntel(state, 36);
  const since = state.hour - HABIT_DAYS * HOURS_PER_DAY;
  const used = allConvoys(state).filter((c) => c.departAt >= since);
  let risk = 0;
  for (const id of route) {
    const road = ctx.roads.get(id);
    if (!road) continue;
    risk += road.km / 10 + road.risk / 2;
    for (const report of intel) {
      if (report.road === id) risk += report.confidence * 1.5;
      if (report.kind === 'cell' && report.town && (report.town === road.from || report.town === road.to)) risk += report.confidence * 0.6;
    }
    risk += used.filter((c) => c.route.includes(id)).length * 6;
  }
  return risk;
}

/** The departure hour in the next half day that we used least lately, so the blockade cannot time us. */
function quietHour(state: PlayerView, salt: number): number {
  const since = state.hour - HABIT_DAYS * HOURS_PER_DAY;
  const counts = new Array<number>(HOURS_PER_DAY).fill(0);
  for (const c of allConvoys(state)) {
    if (c.departAt < since) continue;
    for (let d = -3; d <= 3; d++) counts[(hourOfDay(c.departAt) + d + HOURS_PER_DAY) % HOURS_PER_DAY]! += 4 - Math.abs(d);
  }
  const rng = derivedRng(state.seed, state.hour, salt);
  let best = hourOfDay(state.hour);
  let bestScore = Infinity;
  for (let wait = 0; wait < HOURS_PER_DAY / 2; wait++) {
    const h = (hourOfDay(state.hour) + wait) % HOURS_PER_DAY;
    const score = counts[h]! + rng.int(0, 2) + wait / 4;
    if (score < bestScore) {
      best = h;
      bestScore = score;
    }
  }
  return best;
}

/** One day ahead: the lowest service level tomorrow if each sector gets `plan`. */
function worstTomorrow(ctx: LevelContext, state: PlayerView, plan: SectorMap): number {
  let worst = 100;
  for (const s of SECTORS) {
    const demand = ctx.level.sectors[s].demandL;
    const supply = demand === 0 ? 100 : Math.floor((100 * Math.min(plan[s], demand)) / demand);
    const next = nextServiceLevel(state.services[s], serviceTarget(supply));
    if (s !== 'schools') worst = Math.min(worst, next);
  }
  return worst;
}

/** Ration as little as possible while keeping about three days of cover and no service below its threshold tomorrow. */
function plan(ctx: LevelContext, state: PlayerView): PlayerAction {
  const cover = daysOfCover(ctx, state);
  const shares = [1, 0.9, 0.8, 0.7, 0.62, 0.55, 0.45, 0.35, 0.25, 0.15];
  const make = (share: number): SectorMap =>
    sectorMap((s) => {
      const demand = ctx.level.sectors[s].demandL;
      return Math.round(isEssential(s) ? demand : demand * share);
    });
  // The share that keeps the stock for ~3.5 days, but never one that sinks a service tomorrow if a larger one would not.
  // Essential services are always served in full; when the stock runs low, the others give way.
  const wanted = Math.max(cover < 0.6 ? 0.15 : 0.45, Math.min(1, cover / 3.5));
  let chosen = shares.find((s) => s <= wanted) ?? 0.15;
  if (worstTomorrow(ctx, state, make(chosen)) < 60) chosen = shares.find((s) => s >= chosen && worstTomorrow(ctx, state, make(s)) >= 60 && s <= wanted + 0.2) ?? chosen;
  return { type: 'plan/set', plan: make(chosen) };
}

function freeUnits(state: PlayerView): Immutable<Unit>[] {
  return state.units.filter((u) => (u.task.kind === 'idle' || u.task.kind === 'patrol') && unitReady(state, u)).sort((a, b) => b.strength - a.strength);
}

/** Units the expert keeps in rural towns; the rest escort convoys. */
const GARRISONS = 3;

/**
 * How exposed a rural town looks from what a player knows: cells reported at it or next to
 * it, attacks reported on its roads, fallen towns next to it, and (in the first days) the
 * towns the briefing names as the group's haunts.
 */
function townThreat(ctx: LevelContext, state: PlayerView, town: string): number {
  const near = (a: string, b: string): boolean => (ctx.cellLinks.get(a) ?? []).some((l) => l.to === b);
  // Weak towns (small own defence) are the easiest prey.
  let threat = (4 - (ctx.towns.get(town)?.garrisonNeed ?? 0)) * 15;
  for (const item of state.news) {
    if (state.hour - item.hour > 72 || (item.kind !== 'attack' && item.kind !== 'checkpoint' && item.kind !== 'raid')) continue;
    const road = typeof item.facts.road === 'string' ? ctx.roads.get(item.facts.road) : undefined;
    if (road && (road.from === town || road.to === town)) threat += 40;
  }
  for (const report of freshIntel(state, 72)) {
    if (report.kind === 'cell' && report.town) {
      if (report.town === town) threat += report.confidence * 2;
      else if (near(report.town, town)) threat += report.confidence;
    }
    const road = report.road ? ctx.roads.get(report.road) : undefined;
    if (road && (road.from === town || road.to === town)) threat += report.confidence / 2;
  }
  for (const t of state.towns) if (t.control === 'fallen' && near(t.id, town)) threat += 60;
  if (state.hour < 10 * HOURS_PER_DAY) for (const start of ctx.level.blockade.startTowns) if (start === town || near(start, town)) threat += 40;
  return threat;
}

/**
 * Keep GARRISONS units in the most exposed rural towns (moving a garrison when another town
 * is clearly more at risk), and take back a fallen town when a unit is free for it.
 */
function protectTowns(ctx: LevelContext, state: PlayerView, free: Immutable<Unit>[], actions: PlayerAction[]): void {
  const need = (town: string): number => ctx.towns.get(town)?.garrisonNeed ?? 0;
  const ranked = state.towns
    .filter((t) => t.control === 'held')
    .map((t) => ({ id: t.id, threat: townThreat(ctx, state, t.id) }))
    .sort((a, b) => b.threat - a.threat);
  const garrisonOf = (town: string) => state.units.find((u) => u.task.kind === 'garrison' && u.task.town === town);
  const posted = state.units.filter((u) => u.task.kind === 'garrison');
  let count = posted.length;
  // When towns fall, more units go to the towns: a fallen town makes the group stronger.
  const wanted = Math.min(GARRISONS + 2, GARRISONS + state.towns.filter((t) => t.control === 'fallen').length);
  const ordered = new Set<string>();
  for (const town of ranked) {
    if (garrisonOf(town.id)) continue;
    const index = free.findIndex((u) => u.strength >= need(town.id));
    if (count < wanted && index >= 0) {
      const [unit] = free.splice(index, 1);
      actions.push({ type: 'unit/order', unit: unit!.id, task: { kind: 'garrison', town: town.id as TownId } });
      ordered.add(unit!.id);
      count += 1;
    }
  }
  // Take back a fallen town no cell has been reported at lately.
  const reported = new Set(freshIntel(state, 48).flatMap((i) => (i.kind === 'cell' && i.town ? [i.town] : [])));
  for (const town of state.towns) {
    if (town.control !== 'fallen' || garrisonOf(town.id) || reported.has(town.id) || count >= wanted + 1) continue;
    const index = free.findIndex((u) => u.strength > need(town.id));
    if (index < 0) continue;
    const [unit] = free.splice(index, 1);
    actions.push({ type: 'unit/order', unit: unit!.id, task: { kind: 'garrison', town: town.id as TownId } });
    count += 1;
  }
}

/** Keep one patrol on the road reported most often, where it clears threats and sees them coming. */
function patrolHotRoad(state: PlayerView, free: Immutable<Unit>[], actions: PlayerAction[]): void {
  const byRoad = new Map<string, number>();
  for (const report of freshIntel(state, 48)) if (report.road) byRoad.set(report.road, (byRoad.get(report.road) ?? 0) + report.confidence);
  const hot = [...byRoad.entries()].sort((a, b) => b[1] - a[1])[0];
  if (!hot || hot[1] < 60) return;
  if (state.units.some((u) => u.task.kind === 'patrol' && u.task.road === hot[0])) return;
  const unit = free.pop();
  if (unit) actions.push({ type: 'unit/order', unit: unit.id, task: { kind: 'patrol', road: hot[0] as RoadId } });
}

/** A convoy about to drive into a fresh report is held back; a held one goes on once the report is old. */
function steerConvoys(state: PlayerView, actions: PlayerAction[]): void {
  const reported = new Set(freshIntel(state, 18).filter((i) => i.kind !== 'cell' && i.confidence >= 50).map((i) => i.road));
  for (const convoy of state.convoys) {
    const next = nextRoad(convoy);
    const danger = next !== undefined && reported.has(next) && convoy.km === 0;
    if (danger && (convoy.status === 'moving' || convoy.status === 'waiting')) actions.push({ type: 'convoy/halt', convoy: convoy.id });
    if (!danger && convoy.status === 'halted') actions.push({ type: 'convoy/resume', convoy: convoy.id });
  }
}

function nextRoad(convoy: Immutable<Convoy>): RoadId | undefined {
  return convoy.route[convoy.leg];
}

export const expert: Coordinator = (state, ctx) => {
  const actions: PlayerAction[] = [];
  steerConvoys(state, actions);
  if (hourOfDay(state.hour) !== MORNING) return actions;

  actions.push(plan(ctx, state));
  const available = new Set(ctx.level.policies);
  const want = (id: (typeof ctx.level.policies)[number], when: boolean): void => {
    if (when && available.has(id) && policy(state, id).status === 'off') actions.push({ type: 'policy/enact', policy: id });
  };
  want('commsCampaign', true);
  want('alternateCorridor', true);
  want('alliedHelp', true);
  want('hazardPay', state.city.budgetM > 3000);
  want('purchaseCap', daysOfCover(ctx, state) < 3);

  const free = freeUnits(state);
  protectTowns(ctx, state, free, actions);
  patrolHotRoad(state, free, actions);

  const entries = state.entries.filter((e) => e.open && e.offered >= 3).sort((a, b) => b.offered - a.offered);
  entries.forEach((entry, i) => {
    const routes = ctx.routes.get(entry.id) ?? [];
    const best = routes.map((route) => ({ route, risk: routeRisk(ctx, state, route) })).sort((a, b) => a.risk - b.risk)[0];
    if (!best) return;
    const escort = free.splice(0, entry.offered >= 8 && free.length >= 2 + entries.length - i ? 2 : 1);
    const hour = quietHour(state, i);
    const wait = (hour - hourOfDay(state.hour) + HOURS_PER_DAY) % HOURS_PER_DAY;
    actions.push({
      type: 'convoy/form',
      entry: entry.id as EntryId,
      tankers: Math.min(entry.offered, MAX_CONVOY_TANKERS),
      route: best.route,
      departAt: state.hour + wait,
      escort: escort.map((u) => u.id),
    });
  });
  return actions;
};
