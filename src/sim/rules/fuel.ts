/**
 * The depot and the daily allocation plan. Each day the plan's litres are released from
 * the depot; when the stock is short, every sector gets the same share of its request.
 */
import type { Immutable } from 'immer';
import { SECTORS, type Sector } from '../../levels/constants';
import { AIRLIFT_L_PER_DAY, PURCHASE_CAP_RETAIL } from '../balance';
import type { LevelContext } from '../context';
import { sectorMap } from '../sectors';
import { policyActive } from '../selectors';
import type { GameState, SectorMap, SimError } from '../state';
import { simError } from './common';

const MAX_PLAN_L = 100_000_000;

export function setPlan(state: GameState, plan: unknown): SimError | undefined {
  if (typeof plan !== 'object' || plan === null) return simError('plan/set', 'bad-plan', 'the plan must give litres for every sector');
  const record = plan as Record<string, unknown>;
  for (const s of SECTORS) {
    const litres = record[s];
    if (typeof litres !== 'number' || !Number.isInteger(litres) || litres < 0 || litres > MAX_PLAN_L) {
      return simError('plan/set', 'bad-plan', `litres for ${s} must be a whole number from 0 to ${MAX_PLAN_L}`);
    }
  }
  state.plan = sectorMap((s) => record[s] as number);
  return undefined;
}

/** What each sector needs today for full service, after policies. */
export function demandToday(ctx: LevelContext, state: Immutable<GameState>): SectorMap {
  const cap = policyActive(state, 'purchaseCap');
  const curfew = policyActive(state, 'curfew');
  const closed = policyActive(state, 'closeSchools');
  return sectorMap((s: Sector) => {
    const base = ctx.level.sectors[s].demandL;
    if (s === 'retail' && cap) return Math.round((base * PURCHASE_CAP_RETAIL) / 100);
    if (s === 'transport' && curfew) return Math.round((base * 85) / 100);
    if (s === 'security' && curfew) return Math.round((base * 115) / 100);
    if (s === 'schools' && closed) return 0;
    return base;
  });
}

/**
 * How the depot shares `availableL` among the sectors: each asks for min(plan, demand)
 * (fuel beyond need stays in the depot); a short depot is shared in proportion, in whole
 * litres, the remainder staying in the depot so that nothing is created or lost.
 */
export function shareFuel(demand: Immutable<SectorMap>, plan: Immutable<SectorMap>, availableL: number): SectorMap {
  const asked = sectorMap((s) => Math.min(plan[s], demand[s]));
  const totalAsked = SECTORS.reduce((sum, s) => sum + asked[s], 0);
  if (totalAsked <= availableL) return asked;
  return sectorMap((s) => Math.floor((asked[s] * availableL) / totalAsked));
}

/** Release today's fuel as the plan asks (see shareFuel). Returns litres given to each sector. */
export function releaseFuel(ctx: LevelContext, state: GameState): SectorMap {
  const given = shareFuel(demandToday(ctx, state), state.plan, state.fuel.stockL);
  const released = SECTORS.reduce((sum, s) => sum + given[s], 0);
  state.fuel.stockL -= released;
  state.fuel.consumedL += released;
  return given;
}

/** Litres the emergency airlift flies in tonight: a token volume, each day it is in force. */
export function airliftL(state: Immutable<GameState>): number {
  return policyActive(state, 'emergencyAirlift') ? AIRLIFT_L_PER_DAY : 0;
}

export function airlift(state: GameState): void {
  const litres = airliftL(state);
  state.fuel.stockL += litres;
  state.fuel.acquiredL += litres;
}

/** A level event that adds or removes fuel at the depot (never below empty). */
export function adjustStock(state: GameState, litres: number): void {
  const change = Math.max(litres, -state.fuel.stockL);
  state.fuel.stockL += change;
  if (change >= 0) state.fuel.acquiredL += change;
  else state.fuel.lostL -= change;
}
