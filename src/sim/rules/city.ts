/**
 * Services, prices, queues and public trust: how the city lives on the fuel it gets.
 * Calibrated on 2025 Bamako (DESIGN §1): power fell from ~19 h a day to ~6 h, pump price
 * 775 CFA/L against ~2,000 CFA/L on the black market, queues at the few stations with fuel.
 */
import { SECTORS } from '../../levels/constants';
import { SERVICE_THRESHOLD } from '../balance';
import type { LevelContext } from '../context';
import { policyActive } from '../selectors';
import type { GameState, SectorMap } from '../state';
import { addTrust, clamp } from './common';
import { demandToday } from './fuel';

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

export function updateServices(ctx: LevelContext, state: GameState, given: SectorMap): void {
  const demand = demandToday(ctx, state);
  for (const s of SECTORS) {
    const supplyPct = demand[s] === 0 ? 100 : Math.floor((100 * given[s]) / demand[s]);
    state.services[s] = nextServiceLevel(state.services[s], serviceTarget(supplyPct));
  }
  if (policyActive(state, 'closeSchools')) state.services.schools = 0;
  // Bamako's power is mostly oil-fired: ~19 h a day in normal times, a few hours in the crisis.
  state.city.powerHours = 2 + Math.floor((17 * state.services.power) / 100);
}

export function updatePrices(ctx: LevelContext, state: GameState): void {
  const base = ctx.level.economy.pumpPriceCfa;
  const scarcity = 100 - state.services.retail;
  const controls = policyActive(state, 'priceControls');
  state.city.pumpPrice = controls ? base : base + Math.floor((base * scarcity) / 200);
  // Controls hold the pump price but push trade to the black market.
  state.city.blackPrice = base + Math.floor((base * scarcity * (controls ? 19 : 16)) / 1000);
  let queue = Math.floor((scarcity * 12) / 100) + (controls ? 2 : 0);
  if (policyActive(state, 'purchaseCap')) queue = Math.floor((queue * 6) / 10);
  state.city.queueHours = queue;
  const transportGap = 100 - state.services.transport;
  const drift = transportGap > 20 ? Math.floor(transportGap / 15) : -2;
  // A declared blockade keeps prices rising, whatever gets through.
  state.city.foodIndex = clamp(state.city.foodIndex + drift + (state.blockaded.length > 0 ? 1 : 0), 100, 400);
}

/** Gather the day's trust pressures from services, queues and prices. */
export function pressureTrust(ctx: LevelContext, state: GameState): void {
  let services = 0;
  for (const s of SECTORS) {
    const level = state.services[s];
    if (s === 'schools' && policyActive(state, 'closeSchools')) continue;
    if (level < 60) services -= Math.ceil((ctx.level.sectors[s].trustWeight * (60 - level)) / 60);
  }
  addTrust(state, 'services', services);
  addTrust(state, 'queues', -Math.floor(state.city.queueHours / 4));
  addTrust(state, 'prices', state.city.foodIndex > 130 ? -1 : 0);
  const allGood = SECTORS.every((s) => state.services[s] >= 80);
  if (allGood && state.city.queueHours <= 2) addTrust(state, 'recovery', 1);
}

/** Apply the day's gathered changes; keep them as the "why did trust change" breakdown. */
export function settleTrust(state: GameState): void {
  const total = state.city.pendingTrust.reduce((sum, t) => sum + t.delta, 0);
  state.city.trust = clamp(state.city.trust + total, 0, 100);
  state.trustWhy = state.city.pendingTrust;
  state.city.pendingTrust = [];
}
