/**
 * The session's step: one action through the immutable reducer, and a hash of the state
 * at each midnight. Headless replays fold the log in place instead (src/sim/fold.ts,
 * src/ai/match.ts), with the same hashes.
 */
import type { Immutable } from 'immer';
import { HOURS_PER_DAY } from './balance';
import type { LevelContext } from './context';
import { hashValue } from './hash';
import { reduce } from './reducer';
import type { Action, GameState } from './state';

/** The hash of a state made by `reduce` (never changed after it was made). */
export const stateHash = (state: Immutable<GameState>): string => hashValue(state);

/** Dispatch one action and, when it ends a day, record that day's hash. */
export function step(ctx: LevelContext, state: Immutable<GameState>, action: Action, dailyHashes: string[]): Immutable<GameState> {
  const next = reduce(ctx, state, action);
  if (next.hour !== state.hour && next.hour % HOURS_PER_DAY === 0) dailyHashes.push(stateHash(next));
  return next;
}
