/**
 * A game being played in the browser: the state, the action log and the daily hashes,
 * the clock (pause and speeds), and the blockade's turns. Scenes and the HUD read the state
 * and send player commands through `dispatch`; nothing else changes the game.
 */
import { blockadeTurn, replayMatch } from '../ai/turns';
import { HOURS_PER_DAY } from '../sim/balance';
import type { LevelContext } from '../sim/context';
import { createInitialState } from '../sim/init';
import { freezeStates, sealed } from '../sim/reducer';
import { stateHash, step } from '../sim/replay';
import { buildResult, type ResultFile } from '../sim/result';
import { NO_SETTINGS, type ScenarioSettings } from '../sim/scenario';
import type { Immutable } from 'immer';
import type { Action, Difficulty, GameState, PlayerAction, SimError } from '../sim/state';

// Development and browser-test builds freeze every state, so that a change made outside the
// rules throws where the tests see it; production builds skip the cost.
freezeStates(import.meta.env?.DEV === true || import.meta.env?.MODE === 'e2e');

export type Speed = 0 | 1 | 2 | 4;
export const SPEEDS: readonly Speed[] = [0, 1, 2, 4];
/** Real milliseconds per game hour at ×1: a 60-day campaign takes about 24 minutes at ×1, 6 at ×4. */
export const MS_PER_HOUR = 1000;
/** A frame longer than this (a tab that slept) counts as this much lesson time. */
const MAX_LESSON_STEP_MS = 1000;

export interface SessionSnapshot {
  state: Immutable<GameState>;
  previous: Immutable<GameState>;
  speed: Speed;
  /** Fraction (0–1) of the current hour already elapsed, for smooth movement between ticks. */
  hourFraction: number;
}

type Listener = (snapshot: SessionSnapshot) => void;

export class GameSession {
  state: Immutable<GameState>;
  previous: Immutable<GameState>;
  readonly log: Action[] = [];
  readonly dailyHashes: string[] = [];
  speed: Speed = 0;
  private elapsedMs = 0;
  private listeners = new Set<Listener>();
  private dayListeners = new Set<(day: number) => void>();

  private constructor(
    readonly ctx: LevelContext,
    state: Immutable<GameState>,
    /** The instructor's settings this scenario was built with (injects, policies). */
    readonly settings: ScenarioSettings,
  ) {
    this.state = sealed(state);
    this.previous = this.state;
  }

  static start(ctx: LevelContext, seed: number, difficulty: Difficulty, settings: ScenarioSettings = NO_SETTINGS): GameSession {
    return new GameSession(ctx, createInitialState(ctx, seed, difficulty), settings);
  }

  /**
   * Rebuild a game from its log (a save), recomputing the blockade's moves; the result has
   * the same state hash as when saved. A log that is not a game of these rules stops where
   * it goes wrong, so its hash differs from the save's.
   */
  static resume(ctx: LevelContext, seed: number, difficulty: Difficulty, log: readonly Action[], settings: ScenarioSettings = NO_SETTINGS, lessonMs = 0): GameSession {
    const { game, fault } = replayMatch(ctx, seed, difficulty, log);
    const session = new GameSession(ctx, game.snapshot(), settings);
    session.log.push(...(fault ? log.slice(0, fault.index) : log));
    session.dailyHashes.push(...game.dailyHashes);
    session.lessonMs = lessonMs;
    return session;
  }

  get hash(): string {
    return stateHash(this.state);
  }

  get over(): boolean {
    return this.state.status !== 'playing';
  }

  /* ---- The lesson: an instructor may lock the speed and limit the time ---------------- */

  /** Milliseconds of lesson time used: the game on screen, running or paused. Saved, so that a reload does not give the time back. */
  lessonMs = 0;

  /** The speed the instructor locked (play and pause only), or null when students choose. */
  get speedLock(): Exclude<Speed, 0> | null {
    return this.settings.speedLock ?? null;
  }

  /** Lesson time left, or null without a time limit. */
  get lessonLeftMs(): number | null {
    return this.settings.timeLimitMin === undefined ? null : Math.max(0, this.settings.timeLimitMin * 60_000 - this.lessonMs);
  }

  /** Whole minutes of lesson time left, rounded up (what a student is shown), or null without a time limit. */
  get lessonMinutesLeft(): number | null {
    const left = this.lessonLeftMs;
    return left === null ? null : Math.ceil(left / 60_000);
  }

  /** The instructor's time limit is used up: the game stops where it is, and the student goes to the debrief. */
  get timeUp(): boolean {
    return this.lessonLeftMs === 0;
  }

  /** Nothing more to play: the game ended by its rules, or the lesson's time is up. */
  get finished(): boolean {
    return this.over || this.timeUp;
  }

  /** "Next morning" skips hours: a locked speed forbids it. */
  get canSkipAhead(): boolean {
    return this.speedLock === null && !this.finished;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called once at the start of each new day (after midnight), e.g. to autosave. */
  onNewDay(listener: (day: number) => void): () => void {
    this.dayListeners.add(listener);
    return () => this.dayListeners.delete(listener);
  }

  /**
   * A player command. A refused command changes nothing and is not logged; the rules'
   * error comes back for the HUD to show.
   */
  dispatch(action: PlayerAction): SimError | null {
    const before = this.state;
    const next = step(this.ctx, before, action, this.dailyHashes);
    if (next.lastError) return next.lastError;
    this.state = next;
    this.log.push(action);
    this.notify(before);
    return null;
  }

  setSpeed(speed: Speed): void {
    if (this.finished) speed = 0;
    if (speed !== 0 && this.speedLock !== null) speed = this.speedLock;
    if (speed === this.speed) return;
    this.speed = speed;
    this.elapsedMs = 0;
    this.notify(this.state);
  }

  /** Advance real time; runs as many game hours as the speed allows. */
  update(deltaMs: number): void {
    if (this.finished) return;
    const minutesBefore = this.lessonMinutesLeft;
    this.lessonMs += Math.min(Math.max(0, deltaMs), MAX_LESSON_STEP_MS);
    if (this.timeUp) {
      this.speed = 0;
      this.notify(this.state);
      return;
    }
    if (this.speed === 0) {
      // Paused, the lesson's clock still runs: the minutes left are shown as they change.
      if (this.lessonMinutesLeft !== minutesBefore) this.notify(this.state);
      return;
    }
    // A tab that slept for minutes does not fast-forward the war: at most a few hours per frame.
    this.elapsedMs += Math.min(deltaMs, 250) * this.speed;
    const before = this.state;
    let hours = 0;
    while (this.elapsedMs >= MS_PER_HOUR && !this.over && hours < 8) {
      this.elapsedMs -= MS_PER_HOUR;
      this.runHour();
      hours += 1;
    }
    if (this.over) this.speed = 0;
    this.notify(before);
  }

  /** "Advance to next morning": run hours until 06:00 (or the end). */
  advanceToMorning(): void {
    if (!this.canSkipAhead) return;
    const before = this.state;
    do this.runHour();
    while (!this.over && this.state.hour % HOURS_PER_DAY !== 6);
    this.elapsedMs = 0;
    this.notify(before);
  }

  advanceHours(hours: number): void {
    const before = this.state;
    for (let i = 0; i < hours && !this.over; i++) this.runHour();
    this.notify(before);
  }

  get hourFraction(): number {
    return this.speed === 0 ? 0 : Math.min(1, this.elapsedMs / MS_PER_HOUR);
  }

  result(alias?: string): ResultFile {
    return buildResult({
      ctx: this.ctx,
      state: this.state,
      log: this.log,
      dailyHashes: this.dailyHashes,
      player: alias ? { alias } : {},
      settings: this.settings,
    });
  }

  /** One game hour: the blockade's turn (if due), then the clock. */
  private runHour(): void {
    this.state = blockadeTurn(this.ctx, this.state, this.log, this.dailyHashes);
    const day = this.dailyHashes.length;
    this.apply({ type: 'tick' });
    if (this.dailyHashes.length > day && !this.over) for (const listener of this.dayListeners) listener(this.dailyHashes.length + 1);
  }

  private apply(action: Action): void {
    this.state = step(this.ctx, this.state, action, this.dailyHashes);
    this.log.push(action);
  }

  private notify(previous: Immutable<GameState>): void {
    this.previous = previous;
    const snapshot: SessionSnapshot = { state: this.state, previous, speed: this.speed, hourFraction: this.hourFraction };
    for (const listener of this.listeners) listener(snapshot);
  }
}
