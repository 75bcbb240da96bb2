/**
 * Hauliers at the borders. Each morning they offer tankers in proportion to their drivers'
 * morale; tankers not sent wait at the border, up to a few days of offers (in 2025 hundreds
 * of trucks waited at the borders, and importers sold there rather than drive in: AP
 * 2025-10-08). Below a threshold drivers refuse the trip altogether. What frightens
 * drivers is violence on their corridor, more than declarations (Firstpost 2025-10-26).
 */
import {
  BORDER_WAIT_DAYS,
  ESCORTED_LOSS_FEAR,
  HAZARD_PAY_DRIFT,
  HAZARD_PAY_FEAR,
  HAZARD_PAY_MORALE,
  MORALE_DRIFT_PER_DAY,
  MORALE_PER_ATTACK,
  MORALE_PER_BLOCKADE_DAY,
  MORALE_PER_BURNED,
  MORALE_REFUSAL,
} from '../balance';
import type { LevelContext } from '../context';
import { policyActive } from '../selectors';
import type { CorridorId, GameState } from '../state';
import { clamp, pushNews } from './common';

export function refreshOffers(ctx: LevelContext, state: GameState): void {
  for (const entry of state.entries) {
    const def = ctx.entries.get(entry.id);
    if (!def || !entry.open) {
      entry.offered = 0;
      continue;
    }
    const refused = entry.morale < MORALE_REFUSAL;
    if (refused && def.tankersPerDay > 0) pushNews(state, { kind: 'refusal', facts: { entry: entry.id, morale: entry.morale } });
    // Drivers who refuse the trip do not wait at the border either: they go home.
    entry.offered = refused ? 0 : Math.min(entry.offered + Math.round((def.tankersPerDay * entry.morale) / 100), def.tankersPerDay * BORDER_WAIT_DAYS);
  }
}

/**
 * Morale recovers slowly toward its usual level (higher and faster with hazard pay); a
 * declared blockade keeps wearing it down (see MORALE_THREAT_FLOOR).
 */
export function driftMorale(ctx: LevelContext, state: GameState): void {
  const hazardPay = policyActive(state, 'hazardPay');
  for (const entry of state.entries) {
    const def = ctx.entries.get(entry.id);
    if (!def) continue;
    const usual = def.morale + (hazardPay ? HAZARD_PAY_MORALE : 0);
    let next = entry.morale;
    if (next < usual) next = Math.min(usual, next + MORALE_DRIFT_PER_DAY + (hazardPay ? HAZARD_PAY_DRIFT : 0));
    else if (next > usual) next = Math.max(usual, next - MORALE_DRIFT_PER_DAY);
    if (state.blockaded.includes(def.corridor)) next -= MORALE_PER_BLOCKADE_DAY;
    entry.morale = clamp(next, 0, 100);
  }
}

/** Change driver morale on a corridor; `floor` keeps threats alone from emptying it (burned tankers can). */
export function shiftMorale(ctx: LevelContext, state: GameState, corridor: CorridorId, delta: number, floor = 0): void {
  for (const entry of state.entries) {
    if (ctx.entries.get(entry.id)?.corridor !== corridor) continue;
    entry.morale = delta < 0 ? Math.max(Math.min(entry.morale, floor), clamp(entry.morale + delta, 0, 100)) : clamp(entry.morale + delta, 0, 100);
  }
}

/** What an attack on a corridor costs its drivers' morale: the attack, the tankers lost, and whether an escort failed. */
export function violenceFear(state: GameState, lost: number, escorted: boolean): number {
  let fear = MORALE_PER_ATTACK + Math.floor(lost / MORALE_PER_BURNED);
  if (escorted && lost > 0) fear = Math.floor((fear * ESCORTED_LOSS_FEAR) / 100);
  if (policyActive(state, 'hazardPay')) fear = Math.floor((fear * HAZARD_PAY_FEAR) / 100);
  return fear;
}

/** Violence on a corridor: its drivers lose morale (see `violenceFear`). */
export function frightenDrivers(ctx: LevelContext, state: GameState, corridor: CorridorId, lost: number, escorted: boolean): void {
  shiftMorale(ctx, state, corridor, -violenceFear(state, lost, escorted));
}
