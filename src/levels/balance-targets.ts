/**
 * A level's `balanceTargets` against a measured held rate: `npm run balance` and the
 * shipped levels' test both judge a run here, so they agree on what a miss is and say it
 * the same way.
 */
import type { BalanceTargets } from './schema';

export type BandDifficulty = 'easy' | 'normal' | 'hard';

export interface TargetCheck {
  /** `balanceTargets.normal`: where the band is written. */
  path: string;
  band: readonly [number, number];
  held: number;
  runs: number;
  /** held / runs, rounded to three decimals for display; the comparison uses the exact fraction. */
  rate: number;
  met: boolean;
}

/**
 * The band the level declares for this player and difficulty, checked against `held` games
 * out of `runs`; undefined when it declares none (another player, or no band at that difficulty).
 */
export function checkTarget(targets: BalanceTargets | undefined, policy: string, difficulty: BandDifficulty, held: number, runs: number): TargetCheck | undefined {
  const band = targets?.policy === policy ? targets[difficulty] : undefined;
  if (band === undefined || runs === 0) return undefined;
  const [min, max] = band;
  const exact = held / runs;
  return { path: `balanceTargets.${difficulty}`, band, held, runs, rate: Math.round(exact * 1000) / 1000, met: exact >= min && exact <= max };
}

/** `the baseline held 12 of 12 games (rate 1) on normal, outside the band [0.3, 0.6] of balanceTargets.normal` */
export function describeTarget(check: TargetCheck, policy: string, difficulty: BandDifficulty): string {
  const [min, max] = check.band;
  const where = check.met ? 'inside' : 'outside';
  return `the ${policy} coordinator held ${check.held} of ${check.runs} games (rate ${check.rate}) on ${difficulty}, ${where} the band [${min}, ${max}] of ${check.path}`;
}
