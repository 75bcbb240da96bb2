/**
 * Seeded randomness. The generator's state lives in the game state as plain numbers, so
 * a save or a replay carries it; each draw reads it, advances it and writes it back.
 */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';

export type RngState = number[];

export function seedRng(seed: number): RngState {
  return [...xoroshiro128plus(seed | 0).getState()];
}

/** An integer in [from, to], advancing `holder.rng` in place (call inside an immer draft). */
export function drawInt(holder: { rng: RngState }, from: number, to: number): number {
  const gen = xoroshiro128plusFromState(holder.rng);
  const value = uniformInt(gen, from, to);
  holder.rng = [...gen.getState()];
  return value;
}

/** True with `percent` chance (0–100). */
export function chance(holder: { rng: RngState }, percent: number): boolean {
  if (percent <= 0) return false;
  if (percent >= 100) return true;
  return drawInt(holder, 0, 99) < percent;
}

/**
 * A throwaway generator derived from a key, for pure decision makers (the blockade AI, the
 * scripted player policies) that must be deterministic but do not own game state.
 */
export function derivedRng(...key: number[]): { int(from: number, to: number): number; pick<T>(items: readonly T[]): T } {
  let seed = 0x2545f491;
  for (const k of key) seed = Math.imul(seed ^ (k | 0), 0x9e3779b1) ^ (seed >>> 15);
  const gen = xoroshiro128plus(seed | 0);
  return {
    int: (from, to) => uniformInt(gen, from, to),
    pick<T>(items: readonly T[]): T {
      const item = items[uniformInt(gen, 0, items.length - 1)];
      if (item === undefined) throw new RangeError('pick from an empty list');
      return item;
    },
  };
}
