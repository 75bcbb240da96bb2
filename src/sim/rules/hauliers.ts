/**
 * Hauliers at the borders. They offer tankers each morning in proportion to their drivers'
 * morale; below a threshold drivers refuse the trip altogether (AP 2025-10-08: importers
 * sold at the border rather than drive in).
 */
import { MORALE_DRIFT_PER_DAY, MORALE_REFUSAL } from '../balance';
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
    entry.offered = refused ? 0 : Math.round((def.tankersPerDay * entry.morale) / 100);
  }
}

/** Morale recovers slowly toward its usual level; a declared blockade keeps wearing it down. */
export function driftMorale(ctx: LevelContext, state: GameState): void {
  const hazardPay = policyActive(state, 'hazardPay');
  for (const entry of state.entries) {
    const def = ctx.entries.get(entry.id);
    if (!def) continue;
    const usual = def.morale + (hazardPay ? 15 : 0);
    let next = entry.morale;
    if (next < usual) next = Math.min(usual, next + MORALE_DRIFT_PER_DAY + (hazardPay ? 2 : 0));
    else if (next > usual) next = Math.max(usual, next - MORALE_DRIFT_PER_DAY);
    if (state.blockaded.includes(def.corridor)) next -= 3;
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
