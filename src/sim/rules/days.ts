/**
 * Time: hourly ticks. Convoys drive every hour; the city lives day by day. At midnight the
 * day's fuel is released and the city settles; then the next morning begins.
 */
import { SECTORS } from '../../levels/constants';
import { HOURS_PER_DAY } from '../balance';
import type { LevelContext } from '../context';
import { meanService } from '../selectors';
import type { GameState } from '../state';
import { expireThreats, recruit, regenerateCells } from './blockade';
import { countServiceDeaths, pressureTrust, settleTrust, updatePrices, updateServices } from './city';
import { moveConvoys } from './convoys';
import { airlift, demandToday, releaseFuel } from './fuel';
import { retakeTowns } from './forces';
import { driftMorale, refreshOffers } from './hauliers';
import { dailyIntel, deliverIntel } from './intel';
import { runPolicies } from './policies';
import { runEvents } from './events';

export function tick(ctx: LevelContext, state: GameState): void {
  moveConvoys(ctx, state);
  state.hour += 1;
  expireThreats(state);
  deliverIntel(state);
  if (state.hour % HOURS_PER_DAY !== 0) return;
  const day = state.hour / HOURS_PER_DAY;
  endDay(ctx, state, day);
  if (state.status === 'playing') beginDay(ctx, state, day + 1);
}

/** The morning of `day`: policies, hauliers' offers, events, intel, the armed group's recovery. */
export function beginDay(ctx: LevelContext, state: GameState, day: number): void {
  runPolicies(ctx, state);
  driftMorale(ctx, state);
  runEvents(ctx, state, day);
  refreshOffers(ctx, state);
  dailyIntel(ctx, state);
  regenerateCells(ctx, state, day);
  recruit(ctx, state);
}

/** Midnight after `day`: release fuel, update the city, record the day, check the end. */
export function endDay(ctx: LevelContext, state: GameState, day: number): void {
  airlift(state);
  const given = releaseFuel(ctx, state);
  updateServices(ctx, state, given);
  countServiceDeaths(state);
  updatePrices(ctx, state);
  pressureTrust(ctx, state);
  retakeTowns(ctx, state);
  settleTrust(state);

  const demand = demandToday(ctx, state);
  let totalGiven = 0;
  let totalDemand = 0;
  for (const s of SECTORS) {
    totalGiven += given[s];
    totalDemand += demand[s];
  }
  // "No fuel for services": less than a third of what the city needs reached it today.
  state.city.noFuelDays = totalGiven * 3 < totalDemand ? state.city.noFuelDays + 1 : 0;
  if (state.services.schools < 50) state.metrics.educationDaysLost += 1;
  state.metrics.serviceSum += meanService(state);
  state.metrics.serviceDays += 1;
  state.history.push({
    day,
    stockL: state.fuel.stockL,
    trust: state.city.trust,
    services: { ...state.services },
    powerHours: state.city.powerHours,
    blackPrice: state.city.blackPrice,
    queueHours: state.city.queueHours,
    foodIndex: state.city.foodIndex,
    tankersDelivered: state.metrics.tankersDelivered,
    tankersLost: state.metrics.tankersLost,
    townsFallen: state.towns.filter((t) => t.control === 'fallen').length,
    trustWhy: state.trustWhy.map((t) => ({ ...t })),
    morale: state.entries.map((e) => e.morale),
  });

  // A city whose services have run dry has collapsed, whatever its mood.
  if (state.city.noFuelDays >= ctx.level.collapse.noFuelDays) {
    state.status = 'collapsed';
    state.collapseReason = 'fuel';
  } else if (state.city.trust <= 0) {
    state.status = 'collapsed';
    state.collapseReason = 'trust';
  } else if (day >= ctx.level.days) {
    state.status = 'held';
  }
}
