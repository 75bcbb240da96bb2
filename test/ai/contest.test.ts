import { describe, expect, it } from 'vitest';
import { decideBlockade } from '../../src/ai/blockade';
import { playMatch } from '../../src/ai/match';
import { createInitialState } from '../../src/sim/init';
import { outcomeOf } from '../../src/sim/selectors';
import { shippedContext } from '../helpers';

const ctx = shippedContext('bamako-2025');
const seeds = [1, 2, 3, 4, 5, 6, 7, 8];
const play = (policy: 'idle' | 'baseline', seed: number) => outcomeOf(ctx, playMatch(ctx, { seed, difficulty: 'normal', policy }).state);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('the blockade is a contest', () => {
  it('collapses the city before the last day when the coordinator does nothing', () => {
    for (const seed of seeds) {
      const outcome = play('idle', seed);
      expect(outcome.outcome).toBe('collapsed');
      expect(outcome.daysSurvived).toBeLessThan(ctx.level.days);
    }
  });

  it('rewards a sensible coordinator with a clearly higher score and a longer survival', () => {
    const idle = seeds.map((s) => play('idle', s));
    const baseline = seeds.map((s) => play('baseline', s));
    expect(mean(baseline.map((o) => o.score))).toBeGreaterThan(mean(idle.map((o) => o.score)) + 15);
    expect(mean(baseline.map((o) => o.daysSurvived))).toBeGreaterThan(2 * mean(idle.map((o) => o.daysSurvived)));
  });

  it('makes the blockade act: ambushes, burned tankers and fallen towns, each with a reason', () => {
    const { state } = playMatch(ctx, { seed: 3, difficulty: 'normal', policy: 'baseline' });
    const kinds = new Set(state.aiMoves.map((m) => m.kind));
    for (const kind of ['ambush', 'checkpoint', 'attackTown', 'declareBlockade'] as const) expect(kinds).toContain(kind);
    expect(state.metrics.tankersLost).toBeGreaterThan(0);
    for (const move of state.aiMoves) expect(move.reason.factors.length).toBeGreaterThan(0);
  });
});

describe('the blockade sees only what it could know', () => {
  it('decides the same moves whatever the depot, the plan, the budget and unseen convoys', () => {
    const base = createInitialState(ctx, 9, 'normal');
    const hidden = {
      ...base,
      fuel: { ...base.fuel, stockL: 1, acquiredL: 1 },
      plan: { ...base.plan, power: 0 },
      rng: [1, 2, 3, 4],
      city: { ...base.city, budgetM: 5 },
      intel: [{ id: 99, hour: 0, kind: 'ambush' as const, road: base.threats[0]?.road ?? ('kati-bamako' as never), confidence: 80, source: 'patrol' as const }],
    };
    expect(decideBlockade(ctx, hidden)).toEqual(decideBlockade(ctx, base));
  });
});
