/**
 * The armed group's estimate of a fight, worked out from the same dice the rules throw
 * (src/sim/rules/convoys.ts, resolveAmbush; src/sim/rules/blockade.ts, attackTown): every
 * pair of rolls is counted once, so the estimate is exact for whole strengths.
 */
import { ESCORT_DEFENCE, REPELLED_LOSS_PCT } from '../sim/balance';

const ROLL = 20;

export interface ContestOdds {
  /** Expected share (0–1) of a convoy's tankers destroyed by an ambush. */
  lossShare: number;
  /** Chance that the escort beats the cell off hard enough to cost it a point of strength. */
  bloodied: number;
}

const contests = new Map<number, ContestOdds>();

/** An ambush by a cell of strength `attack` on a convoy with this escort strength, on a road with this patrol. */
export function contestOdds(attack: number, escort: number, patrol: number): ContestOdds {
  const key = (attack * 1000 + Math.round(escort * 10)) * 100 + patrol;
  const known = contests.get(key);
  if (known) return known;
  const defence = Math.round(escort * ESCORT_DEFENCE) + patrol * 6;
  // An unescorted convoy, once hit, loses 35 % + 5 % per point of strength + a roll of 0–20 %.
  const unescortedLoss = Math.min(90, Math.max(20, 35 + attack * 5 + ROLL / 2)) / 100;
  let loss = 0;
  let bloodied = 0;
  const outcomes = (ROLL + 1) * (ROLL + 1);
  for (let a = 0; a <= ROLL; a++) {
    for (let d = 0; d <= ROLL; d++) {
      const attackRoll = attack * 10 + a;
      const defenceRoll = defence + d;
      if (defence > 0 && defenceRoll >= attackRoll) {
        if (defenceRoll - attackRoll > 15) bloodied += 1;
        loss += REPELLED_LOSS_PCT / 100;
        continue;
      }
      loss += escort > 0 ? Math.min(60, Math.max(10, 10 + attackRoll - defenceRoll)) / 100 : unescortedLoss;
    }
  }
  const odds = { lossShare: loss / outcomes, bloodied: bloodied / outcomes };
  contests.set(key, odds);
  return odds;
}

/** The chance a cell of this strength takes a town with this defence (a garrison as strong as the town needs always holds). */
export function townOdds(strength: number, town: { garrison: number; own: number; need: number }): number {
  if (town.need > 0 && town.garrison >= town.need) return 0;
  // Only the difference between the sides matters: the odds of each difference are counted once.
  const margin = strength * 10 - (town.garrison + town.own) * 10;
  let odds = townMargins.get(margin);
  if (odds === undefined) {
    let wins = 0;
    for (let a = 0; a <= ROLL; a++) for (let d = 0; d <= ROLL; d++) if (margin + a > d) wins += 1;
    odds = wins / ((ROLL + 1) * (ROLL + 1));
    townMargins.set(margin, odds);
  }
  return odds;
}

const townMargins = new Map<number, number>();
