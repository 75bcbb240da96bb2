/**
 * Result files: what a finished (or paused) game leaves behind for the instructor, in the
 * same format from `npm run sim -- --out` and from the browser. A result is trusted only
 * after a replay reproduces its daily hashes.
 */
import type { Immutable } from 'immer';
import * as z from 'zod/mini';
import { reason, type Parsed, type Reason } from './reason';
import { aliasSchema, hash16, int, logSchema, readVersioned, type FileKind } from './wire';
import type { Level } from '../levels/schema';
import type { LevelContext } from './context';
import { gameHeader, NO_SETTINGS, scenarioContext, type ScenarioSettings } from './scenario';
import { replayMatch } from '../ai/turns';
import { stateHash } from './replay';
import { outcomeOf, type Outcome } from './selectors';
import type { Action, Difficulty, GameState } from './state';

export const RESULT_FORMAT = 'lifeline-bamako/result';
/** 2: the settings carry the lesson's time limit and locked speed; the alias follows the game's rule. */
export const RESULT_VERSION = 2;
/** Larger files are refused before parsing: a 60-day game is well under 1 MiB. */
export const MAX_RESULT_BYTES = 8 * 1024 * 1024;

const resultSchema = z.strictObject({
  format: z.literal(RESULT_FORMAT),
  version: z.literal(RESULT_VERSION),
  ...gameHeader,
  days: int(1, 365),
  player: z.strictObject({ policy: z.optional(z.string().check(z.maxLength(40))), alias: z.optional(aliasSchema) }),
  log: logSchema,
  dailyHashes: z.array(hash16).check(z.maxLength(400)),
  summary: z.strictObject({
    outcome: z.enum(['held', 'collapsed', 'playing']),
    score: z.number(),
    daysSurvived: z.number().check(z.int()),
    metrics: z.record(z.string(), z.number()),
    finalStateHash: hash16,
  }),
});

export type ResultFile = Omit<z.infer<typeof resultSchema>, 'log'> & { log: Action[] };

/** The scenario a result was played on: its level with the result's settings and length. */
export function resultContext(level: Level, result: ResultFile): { ok: true; ctx: LevelContext } | { ok: false; reason: Reason } {
  return scenarioContext(level, result.settings, result.days);
}

export interface ResultInput {
  ctx: LevelContext;
  state: Immutable<GameState>;
  log: readonly Action[];
  dailyHashes: readonly string[];
  player: ResultFile['player'];
  settings?: ScenarioSettings;
}

export function buildResult({ ctx, state, log, dailyHashes, player, settings = NO_SETTINGS }: ResultInput): ResultFile {
  const outcome: Outcome = outcomeOf(ctx, state);
  return {
    format: RESULT_FORMAT,
    version: RESULT_VERSION,
    level: { id: ctx.level.id, hash: ctx.levelHash },
    seed: state.seed,
    difficulty: state.difficulty,
    days: ctx.level.days,
    player,
    settings,
    log: [...log],
    dailyHashes: [...dailyHashes],
    summary: {
      outcome: outcome.outcome,
      score: outcome.score,
      daysSurvived: outcome.daysSurvived,
      metrics: outcome.metrics,
      finalStateHash: stateHash(state),
    },
  };
}

export type { Parsed } from './reason';

const RESULT_KIND: FileKind<ResultFile> = {
  format: RESULT_FORMAT,
  version: RESULT_VERSION,
  maxChars: MAX_RESULT_BYTES,
  reasons: {
    tooLarge: 'result.tooLarge',
    empty: 'result.empty',
    notJson: 'result.notJson',
    notObject: 'result.notObject',
    foreign: 'result.foreign',
    noFormat: 'result.notObject',
    noVersion: 'result.noVersion',
    newer: 'result.newer',
    tooOld: 'result.tooOld',
  },
  otherFormats: { 'lifeline-bamako/save': 'result.isSave', 'lifeline-bamako/scenario': 'result.isSettings' },
  migrations: {
    // Version 1 had no time limit or speed lock in its settings: it was played without them.
    1: (v1) => ({ ...v1, version: 2 }),
  },
  schema: resultSchema,
  cast: (value) => value as ResultFile,
};

/** A result file read, not yet verified; or why it cannot be read (a reason code, said in words by the page or the CLI). */
export function parseResult(text: string): Parsed<ResultFile> {
  return readVersioned(RESULT_KIND, text);
}

/** A verified result comes with the state its replay reached (its numbers come from there, never from the file). */
export type Verdict = { ok: true; hash: string; state: GameState } | { ok: false; reason: Reason; day?: number };

const FAULT_REASONS = { 'ai-differs': 'verify.aiDiffers', 'out-of-turn': 'verify.outOfTurn', malformed: 'verify.malformed' } as const;

/**
 * Re-simulate a result on its level: the player's commands from the log, the blockade's
 * moves recomputed (they must match the log's), every day's hash compared.
 */
export function verifyResult(ctx: LevelContext, result: ResultFile): Verdict {
  if (result.level.id !== ctx.level.id) return { ok: false, reason: reason('verify.otherLevel', { level: result.level.id, expected: ctx.level.id }) };
  if (result.level.hash !== ctx.levelHash) return { ok: false, reason: reason('verify.levelChanged', { level: ctx.level.id }) };
  const { game, fault } = replayMatch(ctx, result.seed, result.difficulty as Difficulty, result.log);
  const dailyHashes = game.dailyHashes;
  // The days replayed before a fault are compared first: the first day that differs is named.
  if (fault) {
    for (let i = 0; i < Math.min(dailyHashes.length, fault.day - 1); i++) {
      if (dailyHashes[i] !== result.dailyHashes[i]) return { ok: false, day: i + 1, reason: reason('verify.dayDiffers', { day: i + 1 }) };
    }
    return { ok: false, day: fault.day, reason: reason(FAULT_REASONS[fault.fault], { day: fault.day }) };
  }
  const days = Math.max(dailyHashes.length, result.dailyHashes.length);
  for (let i = 0; i < days; i++) {
    if (dailyHashes[i] !== result.dailyHashes[i]) {
      const code = result.dailyHashes[i] === undefined ? 'verify.dayMissing' : dailyHashes[i] === undefined ? 'verify.dayUnreached' : 'verify.dayDiffers';
      return { ok: false, day: i + 1, reason: reason(code, { day: i + 1 }) };
    }
  }
  const hash = game.hash;
  if (hash !== result.summary.finalStateHash) return { ok: false, reason: reason('verify.finalHash') };
  const state = game.snapshot();
  const outcome = outcomeOf(ctx, state);
  if (outcome.outcome !== result.summary.outcome || outcome.score !== result.summary.score) {
    return { ok: false, reason: reason('verify.summary') };
  }
  return { ok: true, hash, state };
}
