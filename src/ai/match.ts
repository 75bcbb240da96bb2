/**
 * A whole game headless, played by a coordinator in the order of play of turns.ts.
 */
import type { LevelContext } from '../sim/context';
import { ownedStateHash, startGame, type Engine } from '../sim/fold';
import type { Action, Difficulty, GameState } from '../sim/state';
import { decideBlockade } from './blockade';
import { playerView, type Coordinator } from './coordinator';
import { PLAYERS, type PlayerPolicyName } from './players';
import { blockadeDue } from './turns';

export { AI_EVERY_HOURS, blockadeDue, blockadeTurn, replayMatch, type Replayed, type ReplayFault } from './turns';

const TICK: Action = { type: 'tick' };

export interface MatchOptions {
  seed: number;
  difficulty: Difficulty;
  /** A shipped coordinator by name, or one written for the strategy lab. */
  policy: PlayerPolicyName | Coordinator;
  /** Record the daily hashes (result files need them; balance runs do not). Default true. */
  dailyHashes?: boolean;
  /** How the state is carried: in place (default, fast) or through the immutable reducer. */
  engine?: Engine;
}

export interface Match {
  state: GameState;
  log: Action[];
  dailyHashes: string[];
  finalStateHash: string;
}

/** Play until the game ends, folding every action into one state owned by this function. */
export function playWith(ctx: LevelContext, seed: number, difficulty: Difficulty, coordinator: Coordinator, dailyHashes = true, engine: Engine = 'fold'): Match {
  const game = startGame(engine, ctx, seed, difficulty, { dailyHashes });
  const log: Action[] = [];
  const apply = (action: Action): void => {
    game.apply(action);
    log.push(action);
  };
  while (game.state.status === 'playing') {
    for (const action of coordinator(playerView(game.state), ctx)) apply(action);
    if (blockadeDue(game.state.hour)) for (const move of decideBlockade(ctx, game.state)) apply(move);
    apply(TICK);
  }
  const state = game.finish();
  let finalStateHash: string | undefined;
  // The final hash is worked out when read: balance runs never read it.
  return {
    state,
    log,
    dailyHashes: game.dailyHashes,
    get finalStateHash() {
      return (finalStateHash ??= ownedStateHash(state));
    },
  };
}

export function playMatch(ctx: LevelContext, options: MatchOptions): Match {
  const coordinator = typeof options.policy === 'function' ? options.policy : PLAYERS[options.policy];
  return playWith(ctx, options.seed, options.difficulty, coordinator, options.dailyHashes ?? true, options.engine);
}

