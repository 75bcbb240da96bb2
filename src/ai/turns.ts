/**
 * The order of play, which the browser, the headless games and every replay follow. Each
 * game hour: the coordinator's commands, then (every third hour) the blockade's moves, then
 * the clock. The blockade's moves are a function of the state and the seed, so a replay
 * recomputes them and never takes them from a log on trust. (The browser needs only this
 * module: the shipped coordinators stay out of its bundle.)
 */
import type { Immutable } from 'immer';
import type { LevelContext } from '../sim/context';
import { startGame, type Engine, type HeadlessGame } from '../sim/fold';
import { canonicalJson } from '../sim/hash';
import { step } from '../sim/replay';
import { dayOf } from '../sim/selectors';
import type { Action, Difficulty, GameState } from '../sim/state';
import { decideBlockade } from './blockade';

/** The armed group reconsiders every few hours, not every minute. */
export const AI_EVERY_HOURS = 3;
export const blockadeDue = (hour: number): boolean => hour % AI_EVERY_HOURS === 0;

/**
 * The browser's blockade turn, through the immutable reducer: the moves are logged with
 * their reasons. Call it right before the hour's tick, after the player's commands.
 */
export function blockadeTurn(ctx: LevelContext, state: Immutable<GameState>, log: Action[], dailyHashes: string[]): Immutable<GameState> {
  if (!blockadeDue(state.hour)) return state;
  let next = state;
  for (const move of decideBlockade(ctx, next)) {
    next = step(ctx, next, move, dailyHashes);
    log.push(move);
  }
  return next;
}

/** Why a log cannot be replayed as a game of these rules. */
export type ReplayFault =
  /** The blockade's moves in the log are not the ones the game computes here (dropped, added, changed or reordered). */
  | 'ai-differs'
  /** A blockade move where the blockade has no turn, or a command between its moves and the clock. */
  | 'out-of-turn'
  /** An action the rules could not even read. */
  | 'malformed';

export interface Replayed {
  game: HeadlessGame;
  /** The first place the log is not a game of these rules; the game stops there. */
  fault?: { fault: ReplayFault; day: number; index: number };
}

const isBlockadeMove = (action: Action): boolean => typeof action.type === 'string' && action.type.startsWith('ai/');

/**
 * Replay a log as a game: the player's commands and the clock come from the log; the
 * blockade's moves are recomputed at each of its turns and must be exactly the ones the
 * log holds there.
 */
export function replayMatch(ctx: LevelContext, seed: number, difficulty: Difficulty, log: readonly Action[], dailyHashes = true, engine: Engine = 'fold'): Replayed {
  const game = startGame(engine, ctx, seed, difficulty, { dailyHashes });
  let turnTakenAt = -1;
  const faultAt = (fault: ReplayFault, index: number): Replayed => ({ game, fault: { fault, index, day: dayOf(game.state.hour) } });
  for (let i = 0; i < log.length; i++) {
    const action = log[i]!;
    const hour = game.state.hour;
    if (isBlockadeMove(action) || action.type === 'tick') {
      if (blockadeDue(hour) && turnTakenAt !== hour && game.state.status === 'playing') {
        turnTakenAt = hour;
        const expected = decideBlockade(ctx, game.state);
        for (const move of expected) {
          const logged = log[i];
          if (logged === undefined || canonicalJson(logged) !== canonicalJson(move)) return faultAt('ai-differs', i);
          game.apply(move);
          i += 1;
        }
        if (i >= log.length) break;
        const next = log[i]!;
        if (isBlockadeMove(next)) return faultAt('ai-differs', i);
        if (next.type !== 'tick') return faultAt('out-of-turn', i);
        i -= 1;
        continue;
      }
      if (isBlockadeMove(action)) return faultAt('out-of-turn', i);
    }
    if (game.apply(action)?.code === 'internal') return faultAt('malformed', i);
  }
  return { game };
}
