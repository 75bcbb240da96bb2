/**
 * Scripted players for headless runs: `idle` does nothing, `baseline` is a sensible
 * coordinator, `random` throws legal and illegal commands at the rules.
 */
import type { Immutable } from 'immer';
import { POLICIES, SECTORS } from '../levels/constants';
import { MAX_CONVOY_TANKERS } from '../sim/balance';
import type { LevelContext } from '../sim/context';
import { derivedRng } from '../sim/rng';
import { sectorMap } from '../sim/sectors';
import { daysOfCover, currentDay, hourOfDay, policy, unitReady } from '../sim/selectors';
import { expert } from './expert';
import type { ConvoyId, EntryId, GameState, PlayerAction, RoadId, TownId, UnitId } from '../sim/state';

export type PlayerPolicy = (ctx: LevelContext, state: Immutable<GameState>) => PlayerAction[];
export const PLAYER_POLICIES = ['idle', 'baseline', 'random', 'expert'] as const;
export type PlayerPolicyName = (typeof PLAYER_POLICIES)[number];

export const idle: PlayerPolicy = () => [];

const ESSENTIAL = new Set(['hospitals', 'water', 'security']);
const MORNING = 6;

/** Ration so that the stock lasts: essential services first, the rest by days of cover. */
function rationPlan(ctx: LevelContext, state: Immutable<GameState>): PlayerAction {
  const cover = daysOfCover(ctx, state);
  const share = Math.max(0.35, Math.min(1, cover / 4));
  return {
    type: 'plan/set',
    plan: sectorMap((s) => {
      const demand = ctx.level.sectors[s].demandL;
      return Math.round(ESSENTIAL.has(s) ? demand : s === 'schools' ? demand * share * 0.8 : demand * share);
    }),
  };
}

function routeRisk(ctx: LevelContext, state: Immutable<GameState>, route: readonly RoadId[]): number {
  let risk = 0;
  for (const id of route) {
    const road = ctx.roads.get(id);
    if (!road) continue;
    risk += road.km / 10 + road.risk;
    for (const report of state.intel) if (report.road === id) risk += report.confidence;
    for (const report of state.intel) if (report.town && (report.town === road.from || report.town === road.to)) risk += report.confidence / 2;
  }
  return risk;
}

function lastRouteFrom(state: Immutable<GameState>, entry: string): string | undefined {
  for (const list of [state.convoys, state.pastConvoys]) {
    for (let i = list.length - 1; i >= 0; i--) {
      const c = list[i]!;
      if (c.entry === entry) return c.route.join('>');
    }
  }
  return undefined;
}

/** A sensible coordinator: rations, escorts the biggest convoys, varies routes and hours, keeps garrisons. */
export const baseline: PlayerPolicy = (ctx, state) => {
  if (hourOfDay(state.hour) !== MORNING) return [];
  const day = currentDay(state);
  const actions: PlayerAction[] = [rationPlan(ctx, state)];
  const available = new Set(ctx.level.policies);
  const want = (id: (typeof POLICIES)[number], when: boolean): void => {
    if (when && available.has(id) && policy(state, id).status === 'off') actions.push({ type: 'policy/enact', policy: id });
  };
  want('commsCampaign', true);
  want('alternateCorridor', true);
  want('purchaseCap', daysOfCover(ctx, state) < 2);
  want('hazardPay', state.entries.some((e) => e.open && e.morale < 50) && state.city.budgetM > 4000);

  const free = state.units
    .filter((u) => (u.task.kind === 'idle' || u.task.kind === 'patrol') && unitReady(state, u))
    .sort((a, b) => b.strength - a.strength);
  // Retake fallen towns with units strong enough to hold them: rural security matters too.
  const fallen = new Set<string>(state.towns.filter((t) => t.control === 'fallen').map((t) => t.id));
  for (const town of state.towns) {
    const need = ctx.towns.get(town.id)?.garrisonNeed ?? 0;
    const held = state.units.some((u) => u.task.kind === 'garrison' && u.task.town === town.id);
    const retaking = state.units.filter((u) => u.task.kind === 'garrison' && fallen.has(u.task.town)).length;
    if (town.control !== 'fallen' || held || retaking >= 2) continue;
    const index = free.findIndex((u) => u.strength > need);
    if (index < 0) continue;
    const [unit] = free.splice(index, 1);
    actions.push({ type: 'unit/order', unit: unit!.id, task: { kind: 'garrison', town: town.id } });
    break;
  }
  const entries = [...state.entries].filter((e) => e.open && e.offered >= 4).sort((a, b) => b.offered - a.offered);
  entries.forEach((entry, i) => {
    const routes = ctx.routes.get(entry.id) ?? [];
    if (routes.length === 0) return;
    const last = lastRouteFrom(state, entry.id);
    const ranked = routes
      .map((route) => ({ route, risk: routeRisk(ctx, state, route) + (route.join('>') === last ? 40 : 0) }))
      .sort((a, b) => a.risk - b.risk);
    const escort = free.shift();
    actions.push({
      type: 'convoy/form',
      entry: entry.id as EntryId,
      tankers: Math.min(entry.offered, MAX_CONVOY_TANKERS),
      route: ranked[0]!.route,
      // Leave at a different hour each day so departures cannot be predicted.
      departAt: state.hour + ((day * 5 + i * 3) % 9),
      escort: escort ? [escort.id] : [],
    });
  });
  return actions;
};

/** Random commands, legal and not, for property tests and fuzzing the rules. */
export const random: PlayerPolicy = (ctx, state) => {
  const rng = derivedRng(state.seed, state.hour, 7);
  if (rng.int(0, 3) !== 0) return [];
  const unitIds = ctx.level.units.map((u) => u.id as UnitId);
  const roads = ctx.level.roads.map((r) => r.id as RoadId);
  const entries = ctx.level.entryPoints.map((e) => e.id as EntryId);
  const convoy = (rng.int(0, Math.max(1, state.nextId)) as ConvoyId);
  const actions: PlayerAction[] = [];
  switch (rng.int(0, 9)) {
    case 0:
      actions.push({ type: 'plan/set', plan: sectorMap(() => rng.int(0, 600_000)) });
      break;
    case 1:
    case 2: {
      const entry = rng.pick(entries);
      const routes = ctx.routes.get(entry) ?? [];
      const route = routes.length > 0 && rng.int(0, 3) > 0 ? rng.pick(routes) : [rng.pick(roads)];
      actions.push({
        type: 'convoy/form',
        entry,
        tankers: rng.int(0, 40),
        route,
        departAt: state.hour + rng.int(-2, 30),
        escort: rng.int(0, 2) === 0 ? [] : [rng.pick(unitIds)],
      });
      break;
    }
    case 3:
      actions.push({ type: rng.pick(['convoy/halt', 'convoy/resume', 'convoy/turnBack'] as const), convoy });
      break;
    case 4:
      actions.push({ type: 'convoy/reroute', convoy, route: [rng.pick(roads), rng.pick(roads)] });
      break;
    case 5: {
      const kind = rng.int(0, 2);
      const task =
        kind === 0
          ? { kind: 'idle' as const }
          : kind === 1
            ? { kind: 'patrol' as const, road: rng.pick(roads) }
            : { kind: 'garrison' as const, town: rng.pick(ctx.level.towns).id as TownId };
      actions.push({ type: 'unit/order', unit: rng.pick(unitIds), task });
      break;
    }
    case 6:
    case 7:
      actions.push({ type: rng.int(0, 2) === 0 ? 'policy/revoke' : 'policy/enact', policy: rng.pick(POLICIES) });
      break;
    default:
      actions.push({ type: 'plan/set', plan: sectorMap((s) => (SECTORS.indexOf(s) % 2 === 0 ? ctx.level.sectors[s].demandL : rng.int(0, 100_000))) });
  }
  return actions;
};

export const PLAYERS: Record<PlayerPolicyName, PlayerPolicy> = { idle, baseline, random, expert };
