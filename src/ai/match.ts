/**
 * A whole game headless: the blockade AI and a scripted player take turns with the clock.
 * The browser runs the same loop, with the student in place of the scripted player.
 */
import type { LevelContext } from '../sim/context';
import { createInitialState } from '../sim/init';
import { step, stateHash } from '../sim/replay';
import type { Action, Difficulty, GameState } from '../sim/state';
import { decideBlockade } from './blockade';
import { PLAYERS, type PlayerPolicyName } from './players';

/** The armed group reconsiders every few hours, not every minute. */
export const AI_EVERY_HOURS = 3;

export interface MatchOptions {
  seed: number;
  difficulty: Difficulty;
  policy: PlayerPolicyName;
}

export interface Match {
  state: GameState;
  log: Action[];
  dailyHashes: string[];
  finalStateHash: string;
}

/** Let the blockade act if it is its turn; returns the new state and appends to the log. */
export function blockadeTurn(ctx: LevelContext, state: GameState, log: Action[], dailyHashes: string[]): GameState {
  if (state.hour % AI_EVERY_HOURS !== 0) return state;
  let next = state;
  for (const move of decideBlockade(ctx, next)) {
    next = step(ctx, next, move, dailyHashes);
    log.push(move);
  }
  return next;
}

export function playMatch(ctx: LevelContext, options: MatchOptions): Match {
  const player = PLAYERS[options.policy];
  let state = createInitialState(ctx, options.seed, options.difficulty);
  const log: Action[] = [];
  const dailyHashes: string[] = [];
  while (state.status === 'playing') {
    state = blockadeTurn(ctx, state, log, dailyHashes);
    for (const action of player(ctx, state)) {
      state = step(ctx, state, action, dailyHashes);
      log.push(action);
    }
    const tick: Action = { type: 'tick' };
    state = step(ctx, state, tick, dailyHashes);
    log.push(tick);
  }
  return { state, log, dailyHashes, finalStateHash: stateHash(state) };
}
