/**
 * Fog of war, as a property: changing what a side cannot know never changes its choices.
 */
import { playerView } from '../../src/ai/coordinator';
import type { Immutable } from 'immer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createInitialState } from '../../src/sim/init';
import { step } from '../../src/sim/replay';
import { decideBlockade } from '../../src/ai/blockade';
import { expert } from '../../src/ai/expert';
import { playMatch } from '../../src/ai/match';
import type { GameState } from '../../src/sim/state';
import { shippedContext } from '../helpers';

const ctx = shippedContext('bamako-2025', 12);

/** Mid-game states at the given hours (before anyone acts in that hour), replayed from a real game. */
function statesAt(seed: number, policy: 'baseline' | 'expert', hours: number[]): Immutable<GameState>[] {
  const { log } = playMatch(ctx, { seed, difficulty: 'normal', policy });
  const out: Immutable<GameState>[] = [];
  let state: Immutable<GameState> = createInitialState(ctx, seed, 'normal');
  const hashes: string[] = [];
  for (const action of log) {
    if (hours.includes(state.hour) && !out.some((s) => s.hour === state.hour)) out.push(state);
    state = step(ctx, state, action, hashes);
  }
  return out;
}

const states = [...statesAt(4, 'expert', [4 * 24 + 6, 7 * 24 + 6, 10 * 24 + 6]), ...statesAt(5, 'baseline', [3 * 24 + 6, 9 * 24 + 6])];

it('the fog tests look at states where both sides have something to decide', () => {
  expect(states).toHaveLength(5);
  expect(states.some((s) => decideBlockade(ctx, s).length > 0)).toBe(true);
  expect(states.some((s) => expert(playerView(s), ctx).some((a) => a.type === 'convoy/form'))).toBe(true);
  expect(states.some((s) => s.cells.length > 0 && s.sightings.length > 0)).toBe(true);
});

describe('what the blockade cannot know does not change its moves', () => {
  it('ignores the depot, the plan, the budget, intel and the generator', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000_000 }), fc.nat({ max: 100_000 }), fc.array(fc.integer(), { minLength: 4, maxLength: 4 }), (stock, budget, rng) => {
        for (const state of states) {
          const blind: Immutable<GameState> = { ...state, fuel: { ...state.fuel, stockL: stock }, city: { ...state.city, budgetM: budget }, rng, intel: [], intelQueue: [] };
          expect(decideBlockade(ctx, blind)).toEqual(decideBlockade(ctx, state));
        }
      }),
      { numRuns: 50 },
    );
  });
});

describe('what the coordinator cannot know does not change the expert', () => {
  it('ignores where the cells are, their threats and what they saw', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ctx.level.towns.map((t) => t.id)), { minLength: 1, maxLength: 4 }), (towns) => {
        for (const state of states) {
          const moved: Immutable<GameState> = {
            ...state,
            cells: state.cells.map((c, i) => ({ ...c, town: (towns[i % towns.length] ?? c.town) as never, strength: 1 + (i % 3) })),
            threats: [],
            sightings: [],
          };
          expect(expert(playerView(moved), ctx)).toEqual(expert(playerView(state), ctx));
        }
      }),
      { numRuns: 50 },
    );
  });
});
