/**
 * Services, prices, queues and public trust: how the city lives on the fuel it gets.
 * Calibrated on 2025 Bamako (DESIGN §1): power fell from ~19 h a day to ~6 h, pump price
 * 775 CFA/L against ~2,000 CFA/L on the black market, queues at the few stations with
 * fuel, schools closed when people could no longer travel (27 Oct–9 Nov 2025).
 *
 * People endure a long shortage: trust falls with failing essential services, long
 * queues, dear food and violence, not with every hour of power lost. The city's cost is
 * counted all the same, in power hours, prices, lives and school days (see outcomeOf).
 */
import type { Immutable } from 'immer';
import { SECTORS } from '../../levels/constants';
import { SERVICE_THRESHOLD } from '../balance';
import type { LevelContext } from '../context';
import { isEssential, sectorMap } from '../sectors';
import { policyActive } from '../selectors';
import type { GameState, SectorMap, TrustCause } from '../state';
import { addTrust, clamp, pushNews } from './common';
import { demandToday } from './fuel';

/**
 * Below this level a non-essential service costs trust on the days it gets worse; people
 * adapt to a long shortage (power, transport, retail), not to hospitals and water failing.
 */
export const ADAPTED_THRESHOLD = 35;
/** Queues this long at the stations (hours) cost trust every day. */
export const LONG_QUEUE_HOURS = 8;
/** Transport below this level shuts the schools (pupils and teachers cannot travel); they reopen at SCHOOLS_REOPEN. */
export const SCHOOLS_SHUT_TRANSPORT = 30;
export const SCHOOLS_REOPEN_TRANSPORT = 50;

/**
 * Where a service is heading for a given supply ratio: proportional above the threshold,
 * then steeply worse (generators stop, pumps lose pressure).
 */
export function serviceTarget(supplyPct: number): number {
  const r = clamp(supplyPct, 0, 100);
  return r >= SERVICE_THRESHOLD ? r : Math.floor((r * r) / SERVICE_THRESHOLD);
}

/** Services move halfway toward their target each day: cuts bite with a delay. */
export function nextServiceLevel(current: number, target: number): number {
  const step = Math.trunc((target - current) / 2);
  return step === 0 ? target : current + step;
}

/**
 * Bamako's power is mostly oil-fired: ~19 h a day in normal times, a few hours in the
 * crisis (2–5 h in parts of the city); hydropower keeps about an hour when no fuel comes.
 */
export const powerHoursFor = (powerService: number): number => 1 + Math.floor((18 * powerService) / 100);

/** The services and the schools' state that a day's fuel leads to (pure: the preview of the plan reads it too). */
export function servicesAfter(
  ctx: LevelContext,
  state: Immutable<GameState>,
  given: Immutable<SectorMap>,
): { services: SectorMap; schoolsShut: boolean; powerHours: number } {
  const demand = demandToday(ctx, state);
  const services = sectorMap((s) => {
    const supplyPct = demand[s] === 0 ? 100 : Math.floor((100 * given[s]) / demand[s]);
    return nextServiceLevel(state.services[s], serviceTarget(supplyPct));
  });
  const transport = services.transport;
  const schoolsShut = state.city.schoolsShut ? transport < SCHOOLS_REOPEN_TRANSPORT : transport < SCHOOLS_SHUT_TRANSPORT;
  if (policyActive(state, 'closeSchools') || schoolsShut) services.schools = 0;
  return { services, schoolsShut, powerHours: powerHoursFor(services.power) };
}

export function updateServices(ctx: LevelContext, state: GameState, given: SectorMap): void {
  const next = servicesAfter(ctx, state, given);
  if (next.schoolsShut !== state.city.schoolsShut) {
    pushNews(state, { kind: 'schools', facts: { shut: next.schoolsShut ? 1 : 0, transport: next.services.transport } });
  }
  state.services = next.services;
  state.city.schoolsShut = next.schoolsShut;
  state.city.powerHours = next.powerHours;
}

export function updatePrices(ctx: LevelContext, state: GameState): void {
  const base = ctx.level.economy.pumpPriceCfa;
  const scarcity = 100 - state.services.retail;
  const controls = policyActive(state, 'priceControls');
  state.city.pumpPrice = controls ? base : base + Math.floor((base * scarcity) / 200);
  // Controls hold the pump price but push trade to the black market.
  state.city.blackPrice = base + Math.floor((base * scarcity * (controls ? 48 : 40)) / 1000);
  let queue = Math.floor((scarcity * 12) / 100) + (controls ? 2 : 0);
  if (policyActive(state, 'purchaseCap')) queue = Math.floor((queue * 6) / 10);
  state.city.queueHours = queue;
  // Everything moves by road: food prices head for a level set by how far transport has
  // failed (and a declared blockade), a tenth of the way each day.
  const transportGap = 100 - state.services.transport;
  const target = 100 + Math.floor((transportGap * 12) / 10) + (state.blockaded.length > 0 ? 10 : 0);
  const gap = target - state.city.foodIndex;
  const step = gap > 0 ? Math.ceil(gap / 10) : Math.floor(gap / 10);
  state.city.foodIndex = clamp(state.city.foodIndex + step, 100, 400);
}

/** People who die for want of care and clean water when hospitals and pumps fail. */
export function countServiceDeaths(state: GameState): void {
  const { hospitals, water } = state.services;
  if (hospitals < 40) state.metrics.livesLost += Math.ceil((40 - hospitals) / 10);
  if (water < 30) state.metrics.livesLost += 1;
}

/** Causes whose daily toll an information campaign softens by a third (it explains; it cannot feed anyone). */
const SOFTENED: readonly TrustCause[] = ['queues', 'prices', 'attacks', 'blockade'];

/** Gather the day's trust pressures from services, queues and prices. */
export function pressureTrust(ctx: LevelContext, state: GameState): void {
  const yesterday = state.history[state.history.length - 1];
  let services = 0;
  for (const s of SECTORS) {
    const level = state.services[s];
    if (s === 'schools' && (policyActive(state, 'closeSchools') || state.city.schoolsShut)) continue;
    const weight = ctx.level.sectors[s].trustWeight;
    if (isEssential(s)) {
      if (level < 60) services -= Math.ceil((weight * (60 - level)) / 60);
    } else if (level < ADAPTED_THRESHOLD && level < (yesterday?.services[s] ?? 100)) services -= 1;
  }
  addTrust(state, 'services', services);
  // Long queues and dear food wear people down; a city that keeps its essential services running recovers.
  addTrust(state, 'queues', state.city.queueHours >= LONG_QUEUE_HOURS ? -1 : 0);
  const food = state.city.foodIndex;
  addTrust(state, 'prices', food > 220 ? -2 : food > 160 ? -1 : 0);
  const essentialsGood = SECTORS.every((s) => !isEssential(s) || state.services[s] >= 80);
  if (essentialsGood && state.city.queueHours < LONG_QUEUE_HOURS) addTrust(state, 'recovery', 1);
  if (policyActive(state, 'commsCampaign')) {
    const toll = state.city.pendingTrust.filter((t) => SOFTENED.includes(t.cause)).reduce((sum, t) => sum + Math.min(0, t.delta), 0);
    addTrust(state, 'policies', Math.floor(-toll / 3));
  }
}

/** Apply the day's gathered changes; keep them as the "why did trust change" breakdown. */
export function settleTrust(state: GameState): void {
  const total = state.city.pendingTrust.reduce((sum, t) => sum + t.delta, 0);
  state.city.trust = clamp(state.city.trust + total, 0, 100);
  state.trustWhy = state.city.pendingTrust;
  state.city.pendingTrust = [];
}
