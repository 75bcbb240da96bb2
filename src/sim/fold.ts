/**
 * Headless games (balance runs, replay and verification, the strategy lab) fold the log
 * over one state that they own, changing it in place with the very rules `reduce` runs
 * (`applyInPlace`). Nobody keeps yesterday's state, so immer's copies would only cost time.
 * The daily hashes are the same as the session's: a differential property test holds the
 * two paths to the same errors after every action, the same daily hashes and the same
 * final state.
 */
import type { Immutable } from 'immer';
import { HOURS_PER_DAY } from './balance';
import type { LevelContext } from './context';
import { hashOwned, hashValue } from './hash';
import { createInitialState } from './init';
import { applyInPlace, reduce } from './reducer';
import type { Action, Difficulty, GameState, SimError } from './state';

// Node and every browser have it; the core's type library (no DOM) does not declare it.
declare const structuredClone: <T>(value: T) => T;

/**
 * The state's arrays whose elements never change once appended (records of what
 * happened): their hashes are cached element by element.
 */
const APPEND_ONLY: ReadonlySet<keyof GameState> = new Set<keyof GameState>(['history', 'news', 'aiMoves', 'pastConvoys', 'sightings', 'intel', 'intelQueue']);

/** The hash of a state the fold owns; equal to `stateHash` of the same state made by `reduce`. */
export const ownedStateHash = (state: GameState): string => hashOwned(state as unknown as Record<string, unknown>, APPEND_ONLY as ReadonlySet<string>);

export interface FoldOptions {
  /** Record a hash of the state at each midnight (replay and result files need them; balance runs do not). */
  dailyHashes: boolean;
}

/** A game being played headless, one action at a time: in place (`Fold`) or immutably (`ImmutableGame`). */
export interface HeadlessGame {
  readonly ctx: LevelContext;
  readonly state: Immutable<GameState>;
  readonly dailyHashes: string[];
  readonly hash: string;
  apply(action: Action): SimError | undefined;
  /** A copy of the state now, for the caller to keep. */
  snapshot(): GameState;
  /** The final state, handed over: the game takes no more actions. */
  finish(): GameState;
}

export class Fold implements HeadlessGame {
  private readonly owned: GameState;
  private finished = false;
  readonly dailyHashes: string[] = [];

  constructor(
    readonly ctx: LevelContext,
    initial: GameState,
    private readonly options: FoldOptions,
  ) {
    // One copy at the start; from then on the rules change it in place.
    this.owned = structuredClone(initial);
  }

  static start(ctx: LevelContext, seed: number, difficulty: Difficulty, options: FoldOptions): Fold {
    return new Fold(ctx, createInitialState(ctx, seed, difficulty), options);
  }

  /** The state as it is now: read it, never keep it past the next `apply`, never change it. */
  get state(): Immutable<GameState> {
    return this.owned;
  }

  /** Apply one action; its error, if any (the state is then unchanged but for `lastError`). */
  apply(action: Action): SimError | undefined {
    if (this.finished) throw new Error('this game was finished: its state now belongs to the caller');
    const hour = this.owned.hour;
    const error = applyInPlace(this.ctx, this.owned, action);
    if (this.options.dailyHashes && this.owned.hour !== hour && this.owned.hour % HOURS_PER_DAY === 0) this.dailyHashes.push(ownedStateHash(this.owned));
    return error;
  }

  get hash(): string {
    return ownedStateHash(this.owned);
  }

  /** A copy the caller may keep (the fold goes on changing its own). */
  snapshot(): GameState {
    return structuredClone(this.owned);
  }

  /** The state itself, once the game is over and nothing will change it again. */
  finish(): GameState {
    this.finished = true;
    return this.owned;
  }
}

/**
 * The same game through the immutable reducer, state after state: what the session does.
 * Kept for the differential tests and as the benchmark's reference.
 */
export class ImmutableGame implements HeadlessGame {
  readonly dailyHashes: string[] = [];
  private current: Immutable<GameState>;

  constructor(
    readonly ctx: LevelContext,
    initial: GameState,
    private readonly options: FoldOptions,
  ) {
    this.current = initial;
  }

  static start(ctx: LevelContext, seed: number, difficulty: Difficulty, options: FoldOptions): ImmutableGame {
    return new ImmutableGame(ctx, createInitialState(ctx, seed, difficulty), options);
  }

  get state(): Immutable<GameState> {
    return this.current;
  }

  apply(action: Action): SimError | undefined {
    const next = reduce(this.ctx, this.current, action);
    if (this.options.dailyHashes && next.hour !== this.current.hour && next.hour % HOURS_PER_DAY === 0) this.dailyHashes.push(hashValue(next));
    this.current = next;
    return next.lastError ?? undefined;
  }

  get hash(): string {
    return hashValue(this.current);
  }

  snapshot(): GameState {
    return this.current as GameState;
  }

  finish(): GameState {
    return this.current as GameState;
  }
}

export type Engine = 'fold' | 'immutable';

export function startGame(engine: Engine, ctx: LevelContext, seed: number, difficulty: Difficulty, options: FoldOptions): HeadlessGame {
  return engine === 'fold' ? Fold.start(ctx, seed, difficulty, options) : ImmutableGame.start(ctx, seed, difficulty, options);
}

/** Fold a log from the start of a game, trusting every action in it (tests and tools). */
export function foldLog(ctx: LevelContext, seed: number, difficulty: Difficulty, log: readonly Action[]): Fold {
  const fold = Fold.start(ctx, seed, difficulty, { dailyHashes: true });
  for (const action of log) fold.apply(action);
  return fold;
}
