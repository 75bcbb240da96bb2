/**
 * Balance, on a small sample (the full measure is `npm run balance`, 100 seeds): the
 * difficulty levels are ordered, doing nothing never holds, and skill pays.
 */
import { describe, expect, it } from 'vitest';
import { playMatch } from '../../src/ai/match';
import type { PlayerPolicyName } from '../../src/ai/players';
import { outcomeOf } from '../../src/sim/selectors';
import type { Difficulty } from '../../src/sim/state';
import { shippedContext } from '../helpers';

const ctx = shippedContext('bamako-2025');
const SEEDS = Array.from({ length: 16 }, (_, i) => i + 101);
const heldRate = (policy: PlayerPolicyName, difficulty: Difficulty): number =>
  SEEDS.filter((seed) => outcomeOf(ctx, playMatch(ctx, { seed, difficulty, policy }).state).outcome === 'held').length / SEEDS.length;

describe('balance of bamako-2025 (16 seeds; wider bounds than the 100-seed targets)', () => {
  const baseline = { easy: heldRate('baseline', 'easy'), normal: heldRate('baseline', 'normal'), hard: heldRate('baseline', 'hard') };

  it('a sensible coordinator holds on easy most of the time, about half the time on normal, rarely on hard', () => {
    expect(baseline.easy).toBeGreaterThanOrEqual(0.75);
    expect(baseline.normal).toBeGreaterThanOrEqual(0.25);
    expect(baseline.normal).toBeLessThanOrEqual(0.85);
    expect(baseline.hard).toBeLessThanOrEqual(0.4);
    expect(baseline.easy).toBeGreaterThan(baseline.hard);
  });

  it('doing nothing never holds on normal', () => {
    expect(heldRate('idle', 'normal')).toBe(0);
  });

  it('the expert beats the baseline on normal by a clear margin', () => {
    expect(heldRate('expert', 'normal')).toBeGreaterThanOrEqual(baseline.normal + 0.15);
  });
});
