/**
 * The baseline coordinator, and the variations of it that the exploit players make
 * (exploits.ts): a sensible coordinator of the kind 2025 had. It rations by days of cover
 * (essential services first), escorts its biggest convoys, varies routes and hours, keeps
 * the garrisons it starts with and retakes fallen towns. It sees only what a player sees.
 */
import { POLICIES } from '../levels/constants';
import { MAX_CONVOY_TANKERS } from '../sim/balance';
import type { LevelContext } from '../sim/context';
import { isEssential, sectorMap } from '../sim/sectors';
import { currentDay, daysOfCover, hourOfDay, policy, unitReady } from '../sim/selectors';
import type { EntryId, PlayerAction, RoadId } from '../sim/state';
import type { Coordinator, PlayerView } from './coordinator';

export const MORNING = 6;

/** How a coordinator rations: by days of cover, essential services first; or never. */
export function rationPlan(view: PlayerView, ctx: LevelContext, how: 'cover' | 'never'): PlayerAction {
  const share = how === 'never' ? 1 : Math.max(0.35, Math.min(1, daysOfCover(ctx, view) / 4));
  return {
    type: 'plan/set',
    plan: sectorMap((s) => {
      const demand = ctx.level.sectors[s].demandL;
      return Math.round(isEssential(s) || how === 'never' ? demand : s === 'schools' ? demand * share * 0.8 : demand * share);
    }),
  };
}

/** Known risk of a route: its length, its roads' known risk and the intel on them. */
export function routeRisk(ctx: LevelContext, view: PlayerView, route: readonly RoadId[]): number {
  let risk = 0;
  for (const id of route) {
    const road = ctx.roads.get(id);
    if (!road) continue;
    risk += road.km / 10 + road.risk;
    for (const report of view.intel) if (report.road === id) risk += report.confidence;
    for (const report of view.intel) if (report.town && (report.town === road.from || report.town === road.to)) risk += report.confidence / 2;
  }
  return risk;
}

function lastRouteFrom(view: PlayerView, entry: string): string | undefined {
  for (const list of [view.convoys, view.pastConvoys]) {
    for (let i = list.length - 1; i >= 0; i--) {
      const c = list[i]!;
      if (c.entry === entry) return c.route.join('>');
    }
  }
  return undefined;
}

/** Units free for a new task now, strongest first. */
export function freeUnits(view: PlayerView): PlayerView['units'][number][] {
  return view.units.filter((u) => (u.task.kind === 'idle' || u.task.kind === 'patrol') && unitReady(view, u)).sort((a, b) => b.strength - a.strength);
}

export function enact(view: PlayerView, ctx: LevelContext, actions: PlayerAction[], id: (typeof POLICIES)[number], when: boolean): void {
  if (when && ctx.level.policies.includes(id) && policy(view, id).status === 'off') actions.push({ type: 'policy/enact', policy: id });
}

/** The variations the exploit players make on the baseline. */
export interface BaselineStyle {
  ration: 'cover' | 'never';
  /** One free unit per convoy (the biggest first), every unit spread over the convoys, or none. */
  escorts: 'each' | 'all' | 'none';
  /** Keep the garrisons and retake fallen towns, pull every unit off them, or put every unit in one. */
  garrisons: 'keep' | 'none' | 'all';
  /** Vary routes and hours, or the same route at the same hour every day. */
  routes: 'varied' | 'fixed';
  /** Send from every crossing, or only from those of one corridor. */
  corridor?: string;
  policies: 'baseline' | 'commsOnly';
  closeSchools: boolean;
  /** Hazard pay when morale is low (the baseline's way), from day 1, or never. */
  hazardPay?: 'when-low' | 'always' | 'never';
  /** Ban fuel sales in rural areas from day 1, as the government did in 2025. */
  banRuralSales?: boolean;
}

const BASELINE: BaselineStyle = { ration: 'cover', escorts: 'each', garrisons: 'keep', routes: 'varied', policies: 'baseline', closeSchools: false };

export function styledBaseline(changes: Partial<BaselineStyle>): Coordinator {
  const style = { ...BASELINE, ...changes };
  return (view, ctx) => {
    if (hourOfDay(view.hour) !== MORNING) return [];
    const day = currentDay(view);
    const actions: PlayerAction[] = [rationPlan(view, ctx, style.ration)];
    if (style.policies === 'baseline') {
      enact(view, ctx, actions, 'commsCampaign', true);
      enact(view, ctx, actions, 'alternateCorridor', true);
      enact(view, ctx, actions, 'purchaseCap', daysOfCover(ctx, view) < 2);
    } else enact(view, ctx, actions, 'commsCampaign', true);
    const pay = style.hazardPay ?? (style.policies === 'baseline' ? 'when-low' : 'never');
    enact(view, ctx, actions, 'hazardPay', pay === 'always' || (pay === 'when-low' && view.entries.some((e) => e.open && e.morale < 50) && view.city.budgetM > 4000));
    enact(view, ctx, actions, 'closeSchools', style.closeSchools);
    enact(view, ctx, actions, 'banRuralSales', style.banRuralSales === true);

    const free = freeUnits(view);
    if (style.garrisons === 'none' && style.escorts === 'all') {
      // Pull every garrison onto the roads.
      for (const unit of view.units) {
        if (unit.task.kind === 'garrison' && unitReady(view, unit)) actions.push({ type: 'unit/order', unit: unit.id, task: { kind: 'idle' } });
      }
    }
    if (style.garrisons === 'keep') retakeOne(view, ctx, free, actions);
    if (style.garrisons === 'all') garrisonAll(view, ctx, free, actions);

    const entries = view.entries
      .filter((e) => e.open && e.offered >= 4 && (style.corridor === undefined || ctx.entries.get(e.id)?.corridor === style.corridor))
      .sort((a, b) => b.offered - a.offered);
    entries.forEach((entry, i) => {
      const routes = ctx.routes.get(entry.id) ?? [];
      if (routes.length === 0) return;
      let route = routes[0]!;
      if (style.routes === 'varied') {
        const last = lastRouteFrom(view, entry.id);
        route = routes
          .map((r) => ({ route: r, risk: routeRisk(ctx, view, r) + (r.join('>') === last ? 40 : 0) }))
          .sort((a, b) => a.risk - b.risk)[0]!.route;
      }
      const share = style.escorts === 'all' ? Math.ceil(free.length / (entries.length - i)) : style.escorts === 'each' ? 1 : 0;
      const escort = free.splice(0, share);
      actions.push({
        type: 'convoy/form',
        entry: entry.id as EntryId,
        tankers: Math.min(entry.offered, MAX_CONVOY_TANKERS),
        route,
        // Leave at a different hour each day so departures cannot be predicted (or at once, every day).
        departAt: view.hour + (style.routes === 'varied' ? (day * 7 + i * 5) % 18 : 0),
        escort: escort.map((u) => u.id),
      });
    });
    return actions;
  };
}

/** Every free unit to a rural town without a garrison, the most exposed (highest need) first. */
function garrisonAll(view: PlayerView, ctx: LevelContext, free: PlayerView['units'][number][], actions: PlayerAction[]): void {
  const bare = view.towns
    .filter((t) => !view.units.some((u) => u.task.kind === 'garrison' && u.task.town === t.id))
    .map((t) => ({ id: t.id, need: ctx.towns.get(t.id)?.garrisonNeed ?? 0 }))
    .sort((a, b) => b.need - a.need);
  for (const town of bare) {
    const unit = free.shift();
    if (!unit) return;
    actions.push({ type: 'unit/order', unit: unit.id, task: { kind: 'garrison', town: town.id } });
  }
}

/** Retake a fallen town with a unit strong enough to hold it: rural security matters too. */
function retakeOne(view: PlayerView, ctx: LevelContext, free: PlayerView['units'][number][], actions: PlayerAction[]): void {
  const fallen = new Set<string>(view.towns.filter((t) => t.control === 'fallen').map((t) => t.id));
  const retaking = view.units.filter((u) => u.task.kind === 'garrison' && fallen.has(u.task.town)).length;
  if (retaking >= 2) return;
  for (const town of view.towns) {
    const need = ctx.towns.get(town.id)?.garrisonNeed ?? 0;
    const held = view.units.some((u) => u.task.kind === 'garrison' && u.task.town === town.id);
    if (town.control !== 'fallen' || held) continue;
    const index = free.findIndex((u) => u.strength > need);
    if (index < 0) continue;
    const [unit] = free.splice(index, 1);
    actions.push({ type: 'unit/order', unit: unit!.id, task: { kind: 'garrison', town: town.id } });
    return;
  }
}

/** A sensible coordinator: rations, escorts the biggest convoys, varies routes and hours, keeps garrisons. */
export const baseline: Coordinator = styledBaseline({});

