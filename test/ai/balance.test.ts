/**
 * No easy way out (DESIGN §5, measured over 60 seeds of bamako-2025 at each difficulty):
 * the baseline holds within its bands, doing nothing never holds, the expert beats the
 * baseline, and every exploit player holds at most the baseline's rate + 0.05 and at least
 * 0.15 below the expert. Games are seeded, so these rates are the same on every run; a
 * change to the rules that moves them fails here, and is re-measured on purpose.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { EXPLOITS, type ExploitName } from '../../src/ai/exploits';
import { heldRate, playSeeds } from '../../src/ai/lab';
import { PLAYERS, type PlayerPolicyName } from '../../src/ai/players';
import type { Difficulty } from '../../src/sim/state';
import { shippedContext } from '../helpers';

const ctx = shippedContext('bamako-2025');
const RUNS = 60;
const EXPLOIT_NAMES = Object.keys(EXPLOITS) as ExploitName[];
const rates = new Map<string, number>();
const rate = (policy: PlayerPolicyName, difficulty: Difficulty): number => {
  const key = `${policy}/${difficulty}`;
  if (!rates.has(key)) rates.set(key, heldRate(playSeeds(ctx, PLAYERS[policy], difficulty, RUNS)));
  return rates.get(key)!;
};

describe(`held rates of bamako-2025 over ${RUNS} seeds`, () => {
  beforeAll(() => {
    for (const difficulty of ['easy', 'normal', 'hard'] as const) for (const policy of ['idle', 'baseline', 'expert'] as const) rate(policy, difficulty);
  }, 600_000);

  it('the baseline holds on easy at least 85 % of the time, 40–70 % on normal, at most 35 % on hard', () => {
    expect(rate('baseline', 'easy')).toBeGreaterThanOrEqual(0.85);
    expect(rate('baseline', 'normal')).toBeGreaterThanOrEqual(0.4);
    expect(rate('baseline', 'normal')).toBeLessThanOrEqual(0.7);
    expect(rate('baseline', 'hard')).toBeLessThanOrEqual(0.35);
  });

  it('doing nothing never holds', () => {
    for (const difficulty of ['easy', 'normal', 'hard'] as const) expect(rate('idle', difficulty)).toBe(0);
  });

  it.each(['normal', 'hard'] as const)('on %s the expert holds at least 0.15 more often than the baseline', (difficulty) => {
    expect(rate('expert', difficulty)).toBeGreaterThanOrEqual(rate('baseline', difficulty) + 0.15);
  });

  it('on easy the expert holds at least as often as the baseline, and in nearly every game', () => {
    // The baseline holds 85 % or more on easy, so 0.15 above it would ask for more than every game:
    // the expert is held to nearly all of them instead (see the closing note of the blockade model).
    expect(rate('expert', 'easy')).toBeGreaterThanOrEqual(Math.max(rate('baseline', 'easy'), 0.95));
  });

  describe.each(['normal', 'hard'] as const)('on %s, no exploit pays', (difficulty) => {
    it.each(EXPLOIT_NAMES)('%s holds at most the baseline + 0.05 and 0.15 below the expert', (exploit) => {
      const held = rate(exploit, difficulty);
      expect(held).toBeLessThanOrEqual(rate('baseline', difficulty) + 0.05);
      expect(held).toBeLessThanOrEqual(rate('expert', difficulty) - 0.15);
    }, 120_000);
  });
});
