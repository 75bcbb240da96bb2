/**
 * What the HUD shows, computed from the state and the level with the rules' own functions:
 * the plan preview, route facts, convoy positions, unit availability and the text of news,
 * intel and errors. Pure (no DOM), so it is unit-tested.
 */
import type { Immutable } from 'immer';
import { formatDate, formatList, formatLitres, isStringKey, pick, t, tCount, tn } from '../../app/i18n';
import { SECTORS, type Sector } from '../../levels/constants';
import { HOURS_PER_DAY, POLICY_RULES, SPEED_KMH } from '../../sim/balance';
import { routePath, type LevelContext } from '../../sim/context';
import { servicesAfter } from '../../sim/rules/city';
import { airliftL, demandToday, shareFuel } from '../../sim/rules/fuel';
import { isEssential, sectorMap } from '../../sim/sectors';
import { dayOf, unitReady } from '../../sim/selectors';
import { riskLevel, type RiskLevel } from '../../scenes/model';
import type { Convoy, GameState, Intel, NewsItem, RoadId, SectorMap, SimError, TownId, Unit } from '../../sim/state';
import { convoyName, corridorInSentence, numberedConvoy, entryName, policyName, roadName, townName } from './names';

/* ---------------------------------------------------------------- plan */

export const PRESETS = ['full', 'ration', 'essential'] as const;
export type PresetId = (typeof PRESETS)[number];

/**
 * Percent of today's demand per sector. "Ration" keeps non-essential services just above the
 * threshold where they start to fail (SERVICE_THRESHOLD, 60 %); "essential only" keeps power
 * at that threshold because hospitals and water pumps run on it.
 */
export function presetShares(id: PresetId): SectorMap {
  return sectorMap((s) => {
    if (id === 'full' || isEssential(s)) return 100;
    if (id === 'ration') return s === 'power' ? 70 : 65;
    return s === 'power' ? 60 : 0;
  });
}

/** Percent of today's demand that a plan in litres gives each sector (capped at 100). */
export function planShares(ctx: LevelContext, state: Immutable<GameState>, plan: SectorMap): SectorMap {
  const demand = demandToday(ctx, state);
  return sectorMap((s) => {
    const base = demand[s] > 0 ? demand[s] : ctx.level.sectors[s].demandL;
    return base === 0 ? 100 : Math.min(100, Math.round((100 * plan[s]) / base));
  });
}

/**
 * Litres per sector for a set of percentages. A sector that needs nothing today (schools
 * closed) keeps its share of its usual demand, so that it is supplied again when it reopens.
 */
export function sharesToPlan(ctx: LevelContext, state: Immutable<GameState>, shares: SectorMap): SectorMap {
  const demand = demandToday(ctx, state);
  return sectorMap((s) => {
    const base = demand[s] > 0 ? demand[s] : ctx.level.sectors[s].demandL;
    return Math.round((base * Math.max(0, Math.min(100, shares[s]))) / 100);
  });
}

export interface SectorPreview {
  sector: Sector;
  demand: number;
  planned: number;
  given: number;
  supplyPct: number;
  now: number;
  next: number;
}

export interface PlanPreview {
  sectors: SectorPreview[];
  totalPlanned: number;
  totalDemand: number;
  /** Litres the depot would release tonight (less than planned when the stock is short). */
  totalGiven: number;
  stockAfter: number;
  /** Days the stock lasts at this plan (no arrivals). */
  daysAtPlan: number;
  powerHoursNow: number;
  powerHoursNext: number;
  /** The depot cannot cover the plan tonight: every sector gets the same share of its request. */
  short: boolean;
}

/** Litres a plan draws from the depot in a day: what each sector asks for, up to its need today. */
function dailyDrawL(demand: Immutable<SectorMap>, plan: Immutable<SectorMap>): number {
  return SECTORS.reduce((sum, s) => sum + Math.min(plan[s], demand[s]), 0);
}

/** Litres a plan (by default the one in force) draws from the depot today. */
export function plannedDailyL(ctx: LevelContext, state: Immutable<GameState>, plan: Immutable<SectorMap> = state.plan): number {
  return dailyDrawL(demandToday(ctx, state), plan);
}

const daysOfStock = (stockL: number, dailyL: number): number => (dailyL === 0 ? Infinity : stockL / dailyL);

/**
 * How many days the depot lasts at a plan (by default the one in force): the stock over what the
 * plan draws a day, each service taking no more than it needs today. Rationing makes it longer.
 */
export function daysAtPlan(ctx: LevelContext, state: Immutable<GameState>, plan: Immutable<SectorMap> = state.plan): number {
  return daysOfStock(state.fuel.stockL, plannedDailyL(ctx, state, plan));
}

/** What tonight's release would do with this plan: the midnight rules themselves (fuel.ts, city.ts), on the state as it is. */
export function previewPlan(ctx: LevelContext, state: Immutable<GameState>, plan: SectorMap): PlanPreview {
  const demand = demandToday(ctx, state);
  const available = state.fuel.stockL + airliftL(state);
  const given = shareFuel(demand, plan, available);
  const after = servicesAfter(ctx, state, given);
  const totalAsked = dailyDrawL(demand, plan);
  const totalGiven = SECTORS.reduce((sum, s) => sum + given[s], 0);
  const sectors = SECTORS.map((s): SectorPreview => {
    const supplyPct = demand[s] === 0 ? 100 : Math.floor((100 * given[s]) / demand[s]);
    return { sector: s, demand: demand[s], planned: plan[s], given: given[s], supplyPct, now: state.services[s], next: after.services[s] };
  });
  return {
    sectors,
    totalPlanned: SECTORS.reduce((sum, s) => sum + plan[s], 0),
    totalDemand: SECTORS.reduce((sum, s) => sum + demand[s], 0),
    totalGiven,
    stockAfter: available - totalGiven,
    daysAtPlan: daysOfStock(state.fuel.stockL, totalAsked),
    powerHoursNow: state.city.powerHours,
    powerHoursNext: after.powerHours,
    short: totalAsked > available,
  };
}

export type Level3 = 'good' | 'strained' | 'failing';
/** Service bands shown with a word and a shape, never colour alone. */
export const serviceBand = (level: number): Level3 => (level >= 80 ? 'good' : level >= 60 ? 'strained' : 'failing');
export const coverBand = (days: number): Level3 => (days >= 3 ? 'good' : days >= 1.5 ? 'strained' : 'failing');
export const trustBand = (trust: number): Level3 => (trust >= 50 ? 'good' : trust >= 25 ? 'strained' : 'failing');

/* ---------------------------------------------------------------- routes */

export interface RouteInfo {
  roads: RoadId[];
  path: TownId[];
  km: number;
  /** Driving hours: each leg takes whole hours (a convoy stops at the start of every road). */
  hours: number;
  /** The public's known risk: the sum of the roads' risk. */
  knownRisk: number;
  /** The known risk of the route's worst road (0–100), and its band as the map draws it. */
  worstRisk: number;
  riskLevel: RiskLevel;
  /** How many of its roads are in each band of the map's legend. */
  roadsByLevel: Record<RiskLevel, number>;
  /** Current intel reports on the route's roads or towns. */
  intel: Immutable<Intel>[];
}

export function routeInfo(ctx: LevelContext, state: Immutable<GameState>, start: string, roads: readonly RoadId[]): RouteInfo {
  const path = routePath(ctx, start as TownId, roads) ?? [start as TownId];
  let km = 0;
  let hours = 0;
  let knownRisk = 0;
  let worstRisk = 0;
  const roadsByLevel: Record<RiskLevel, number> = { low: 0, medium: 0, high: 0 };
  for (const id of roads) {
    const road = ctx.roads.get(id);
    if (!road) continue;
    km += road.km;
    hours += Math.ceil(road.km / SPEED_KMH[road.terrain]);
    knownRisk += road.risk;
    worstRisk = Math.max(worstRisk, road.risk);
    roadsByLevel[riskLevel(road.risk)] += 1;
  }
  const towns = new Set<string>(path);
  const intel = state.intel.filter((i) => (i.road !== undefined && roads.includes(i.road)) || (i.town !== undefined && towns.has(i.town)));
  return { roads: [...roads], path, km, hours, knownRisk, worstRisk, riskLevel: riskLevel(worstRisk), roadsByLevel, intel };
}

/**
 * A route's known risk on the map's own scale: the band of its worst road (the colour the map
 * draws it in), that road's figure out of 100, and how many roads fall in each band.
 */
export function routeRiskText(info: RouteInfo): string {
  const bands = (['high', 'medium', 'low'] as const).filter((level) => info.roadsByLevel[level] > 0).map((level) => tCount(`hud.route.roads.${level}`, info.roadsByLevel[level]));
  return t('hud.route.risk', { level: t(`map.legend.${info.riskLevel}`), worst: info.worstRisk, roads: bands.join(', ') });
}

export const pathText = (ctx: LevelContext, path: readonly string[]): string => path.map((id) => townName(ctx, id)).join(' → ');

/** Where a live convoy is: the towns of its current leg and how far along it is. */
export function convoyPosition(ctx: LevelContext, convoy: Immutable<Convoy>): { from: string; to: string; km: number; legKm: number } {
  const road = ctx.roads.get(convoy.route[convoy.leg] ?? '');
  const a = convoy.path[convoy.leg] ?? convoy.path[0] ?? '';
  const b = convoy.path[convoy.leg + 1] ?? a;
  const back = convoy.status === 'returning';
  return { from: townName(ctx, back ? b : a), to: townName(ctx, back ? a : b), km: convoy.km, legKm: road?.km ?? 0 };
}

/** Hours left to the depot, if it drives on without stopping. */
export function convoyEta(ctx: LevelContext, state: Immutable<GameState>, convoy: Immutable<Convoy>): number {
  let hours = Math.max(0, convoy.departAt - state.hour, convoy.status === 'held' ? convoy.heldUntil - state.hour : 0);
  convoy.route.forEach((id, i) => {
    const road = ctx.roads.get(id);
    if (!road || i < convoy.leg) return;
    const left = i === convoy.leg ? road.km - convoy.km : road.km;
    hours += Math.ceil(left / SPEED_KMH[road.terrain]);
  });
  return hours;
}

/**
 * Other ways on from the convoy's next town, taken from the level's candidate routes of its
 * entry point (the rules keep the current leg and replace the rest).
 */
export function rerouteOptions(ctx: LevelContext, convoy: Immutable<Convoy>): RoadId[][] {
  const keep = convoy.leg === 0 && convoy.km === 0 ? 0 : convoy.leg + 1;
  const from = convoy.path[keep];
  if (from === undefined || keep >= convoy.route.length) return [];
  const current = convoy.route.slice(keep).join('>');
  const kept = new Set(convoy.path.slice(0, keep));
  const seen = new Set<string>([current]);
  const out: RoadId[][] = [];
  for (const route of ctx.routes.get(convoy.entry) ?? []) {
    const path = routePath(ctx, ctx.entries.get(convoy.entry)?.town ?? ('' as TownId), route);
    const at = path?.indexOf(from) ?? -1;
    if (!path || at < 0) continue;
    const tail = route.slice(at);
    const k = tail.join('>');
    if (seen.has(k) || path.slice(at).some((town) => kept.has(town))) continue;
    seen.add(k);
    out.push(tail);
  }
  return out;
}

/* ---------------------------------------------------------------- units */

/** Units the player may send with a convoy without leaving a town: idle or patrolling, and in place. */
export const freeForEscort = (state: Immutable<GameState>, unit: Immutable<Unit>): boolean =>
  (unit.task.kind === 'idle' || unit.task.kind === 'patrol') && unitReady(state, unit);

export function taskText(ctx: LevelContext, unit: Immutable<Unit>, state: Immutable<GameState>): string {
  switch (unit.task.kind) {
    case 'idle':
      return t('hud.task.idle');
    case 'escort':
      return t('hud.task.escort', { convoy: convoyName(state, unit.task.convoy) });
    case 'patrol':
      return t('hud.task.patrol', { road: roadName(ctx, unit.task.road) });
    case 'garrison':
      return t('hud.task.garrison', { town: townName(ctx, unit.task.town) });
  }
}

export function readinessText(ctx: LevelContext, state: Immutable<GameState>, unit: Immutable<Unit>): string {
  if (unitReady(state, unit)) return t('hud.unit.ready');
  return t('hud.unit.moving', { time: formatDate(ctx.level.startDate, unit.readyAt, true), hours: unit.readyAt - state.hour });
}

/* ---------------------------------------------------------------- news and intel */

export type NewsTag = 'event' | 'instructor' | 'situation' | 'blockade' | 'convoy' | 'city';

export interface NewsText {
  tag: NewsTag;
  title: string;
  body?: string;
}

/** A number from a news item's facts (facts are numbers or strings). */
export const num = (v: string | number | undefined): number => (typeof v === 'number' ? v : Number(v ?? 0));
const str = (v: string | number | undefined): string => String(v ?? '');

export function newsText(ctx: LevelContext, item: Immutable<NewsItem>): NewsText {
  const f = item.facts;
  switch (item.kind) {
    case 'event': {
      // Scripted level events are the 2025 timeline; injects come from the instructor;
      // random events are situations of the game, not history.
      const id = str(item.event);
      const tag: NewsTag = id.startsWith('inject-') ? 'instructor' : ctx.level.randomEvents.some((e) => e.id === id) ? 'situation' : 'event';
      return { tag, title: item.title ? pick(item.title) : id, ...(item.body ? { body: pick(item.body) } : {}) };
    }
    case 'attack':
      return {
        tag: 'blockade',
        title: t('hud.news.attack', { convoy: numberedConvoy(num(f.convoy)), road: roadName(ctx, str(f.road)) }),
        body: tCount('hud.news.attackBody', num(f.lost), 0, { left: num(f.left) }),
      };
    case 'repelled':
      return { tag: 'blockade', title: t('hud.news.repelled', { convoy: numberedConvoy(num(f.convoy)), road: roadName(ctx, str(f.road)) }) };
    case 'arrival':
      return {
        tag: 'convoy',
        title: t('hud.news.arrival', { convoy: numberedConvoy(num(f.convoy)) }),
        body: tCount('hud.news.arrivalBody', num(f.tankers), 0, { litres: formatLitres(num(f.litres)) }),
      };
    case 'town': {
      const town = townName(ctx, str(f.town));
      if (f.fallen) return { tag: 'blockade', title: t('hud.news.townFallen', { town }), body: t('hud.news.townFallenBody') };
      if (f.retaken) return { tag: 'city', title: t('hud.news.townRetaken', { town }) };
      return { tag: 'blockade', title: t('hud.news.townHeld', { town }) };
    }
    case 'policy': {
      const id = str(f.policy);
      const status = str(f.status);
      const key = status === 'pending' ? 'policyPending' : status === 'active' ? 'policyActive' : status === 'unfunded' ? 'policyUnfunded' : 'policyOff';
      const rule = POLICY_RULES[id as keyof typeof POLICY_RULES];
      return { tag: 'city', title: key === 'policyPending' ? tn('hud.news.policyPending', rule?.delayDays ?? 0, { policy: policyName(id) }) : t(`hud.news.${key}`, { policy: policyName(id) }) };
    }
    case 'blockade':
      return { tag: 'blockade', title: t('hud.news.blockade', { corridor: corridorInSentence(ctx, str(f.corridor)) }), body: t('hud.news.blockadeBody') };
    case 'intimidation':
      return { tag: 'blockade', title: t('hud.news.intimidation', { corridor: corridorInSentence(ctx, str(f.corridor)) }) };
    case 'checkpoint': {
      const road = roadName(ctx, str(f.road));
      if (f.convoy === undefined) return { tag: 'blockade', title: t('hud.news.patrolCleared', { road }) };
      if (num(f.cleared) === 1) return { tag: 'blockade', title: t('hud.news.checkpointCleared', { road, convoy: numberedConvoy(num(f.convoy)) }) };
      return {
        tag: 'blockade',
        title: t('hud.news.checkpoint', { road, convoy: numberedConvoy(num(f.convoy)) }),
        body: t('hud.news.checkpointBody', { lost: num(f.lost) }),
      };
    }
    case 'refusal':
      return { tag: 'convoy', title: t('hud.news.refusal', { entry: entryName(ctx, str(f.entry)) }), body: t('hud.news.refusalBody', { morale: num(f.morale) }) };
    case 'raid':
      return {
        tag: 'blockade',
        title: t('hud.news.raid', { entry: entryName(ctx, str(f.entry)) }),
        body: t('hud.news.raidBody', { lost: num(f.lost), left: num(f.left) }),
      };
    case 'recruits':
      return { tag: 'blockade', title: t('hud.news.recruits', { town: townName(ctx, str(f.town)) }), body: t('hud.news.recruitsBody') };
    case 'schools':
      return num(f.shut) === 1
        ? { tag: 'city', title: t('hud.news.schoolsShut'), body: t('hud.news.schoolsShutBody') }
        : { tag: 'city', title: t('hud.news.schoolsReopen') };
  }
}

/** A line of the News feed: one news item, or a day's arrivals at the depot told as one. */
export type FeedEntry =
  | { kind: 'item'; key: string; item: Immutable<NewsItem> }
  | { kind: 'arrivals'; key: string; day: number; items: Immutable<NewsItem>[] };

/**
 * The feed, newest first: every arrival of a game day is gathered into one line where the day's
 * last arrival stands ("3 convoys arrived: 4.1 million L"), so that routine deliveries do not push
 * attacks and events out of sight. `first` is the index in the game's news of `items[0]`.
 */
export function feedEntries(items: readonly Immutable<NewsItem>[], first = 0): FeedEntry[] {
  const out: (FeedEntry | null)[] = [];
  const arrivals = new Map<number, { at: number; items: Immutable<NewsItem>[] }>();
  items.forEach((item, i) => {
    if (item.kind !== 'arrival') {
      out.push({ kind: 'item', key: String(first + i), item });
      return;
    }
    const day = dayOf(item.hour);
    const group = arrivals.get(day);
    if (group) out[group.at] = null;
    const entry = { at: out.length, items: [...(group?.items ?? []), item] };
    arrivals.set(day, entry);
    out.push(null);
  });
  for (const [day, group] of arrivals) {
    const only = group.items[0]!;
    out[group.at] =
      group.items.length === 1
        ? { kind: 'item', key: String(first + items.indexOf(only)), item: only }
        : { kind: 'arrivals', key: `arrivals-${day}-${group.items.length}`, day, items: group.items };
  }
  return out.filter((e): e is FeedEntry => e !== null).reverse();
}

/** A day's arrivals told as one: how many convoys, which, and what they brought. */
export function arrivalsText(state: Immutable<GameState>, items: readonly Immutable<NewsItem>[]): NewsText {
  const tankers = items.reduce((sum, item) => sum + num(item.facts.tankers), 0);
  const litres = items.reduce((sum, item) => sum + num(item.facts.litres), 0);
  return {
    tag: 'convoy',
    title: tCount('hud.news.arrivals', items.length, 0, { litres: formatLitres(litres) }),
    body: tCount('hud.news.arrivalsBody', tankers, 0, { convoys: formatList(items.map((item) => convoyName(state, num(item.facts.convoy)))) }),
  };
}

export function intelText(ctx: LevelContext, report: Immutable<Intel>): string {
  if (report.kind === 'cell') return t('hud.intel.cell', { town: townName(ctx, report.town ?? '') });
  return t(report.kind === 'ambush' ? 'hud.intel.ambush' : 'hud.intel.checkpoint', { road: roadName(ctx, report.road ?? '') });
}

export function ageText(hours: number): string {
  if (hours < 1) return t('hud.age.now');
  if (hours < HOURS_PER_DAY) return t('hud.age.hours', { n: hours });
  return tn('hud.age.days', Math.floor(hours / HOURS_PER_DAY));
}

/** The rules' error, in the player's language when the catalog knows its code. */
export function errorText(error: SimError): string {
  const key = `hud.error.${error.code}`;
  return isStringKey(key) ? t(key) : error.message;
}

export const dayText = (ctx: LevelContext, hour: number): string => t('hud.dayOf', { day: dayOf(hour), days: ctx.level.days });

export function daysText(days: number): string {
  if (!Number.isFinite(days)) return t('hud.days.many');
  return tCount('hud.days', days, 1);
}
