/** Replay is a fold of the reducer over the log; a hash of the state is taken each midnight. */
import { HOURS_PER_DAY } from './balance';
import type { LevelContext } from './context';
import { hashValue } from './hash';
import { createInitialState } from './init';
import { reduce } from './reducer';
import type { Action, Difficulty, GameState } from './state';

export const stateHash = (state: GameState): string => hashValue(state);

/** Dispatch one action and, when it ends a day, record that day's hash. */
export function step(ctx: LevelContext, state: GameState, action: Action, dailyHashes: string[]): GameState {
  const next = reduce(ctx, state, action);
  if (next.hour !== state.hour && next.hour % HOURS_PER_DAY === 0) dailyHashes.push(stateHash(next));
  return next;
}

export interface Replayed {
  state: GameState;
  dailyHashes: string[];
}

export function replay(ctx: LevelContext, seed: number, difficulty: Difficulty, log: readonly Action[]): Replayed {
  let state = createInitialState(ctx, seed, difficulty);
  const dailyHashes: string[] = [];
  for (const action of log) state = step(ctx, state, action, dailyHashes);
  return { state, dailyHashes };
}
