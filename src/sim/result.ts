/**
 * Result files: what a finished (or paused) game leaves behind for the instructor, in the
 * same format from `npm run sim -- --out` and from the browser. A result is trusted only
 * after a replay reproduces its daily hashes.
 */
import type { Immutable } from 'immer';
import * as z from 'zod/mini';
import { clip, issueReason, pathField, reason, refused, type Parsed, type Reason } from './reason';
import { difficultySchema, hash16, int, levelRefSchema, logSchema, seedSchema } from './wire';
import type { Level } from '../levels/schema';
import type { LevelContext } from './context';
import { NO_SETTINGS, scenarioContext, settingsSchema, type ScenarioSettings } from './scenario';
import { replayMatch } from '../ai/match';
import { stateHash } from './replay';
import { outcomeOf, type Outcome } from './selectors';
import type { Action, Difficulty, GameState } from './state';

export const RESULT_FORMAT = 'lifeline-bamako/result';
export const RESULT_VERSION = 1;
/** Larger files are refused before parsing: a 60-day game is well under 1 MiB. */
export const MAX_RESULT_BYTES = 8 * 1024 * 1024;


const resultSchema = z.strictObject({
  format: z.literal(RESULT_FORMAT),
  version: z.literal(RESULT_VERSION),
  level: levelRefSchema,
  seed: seedSchema,
  difficulty: difficultySchema,
  days: int(1, 365),
  player: z.strictObject({ policy: z.optional(z.string().check(z.maxLength(40))), alias: z.optional(z.string().check(z.maxLength(60))) }),
  settings: z._default(settingsSchema, { injects: [] }),
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

/** A result file read, not yet verified; or why it cannot be read (a reason code, said in words by the page or the CLI). */
export function parseResult(text: string): Parsed<ResultFile> {
  if (text.length > MAX_RESULT_BYTES) return refused('result.tooLarge', { max: MAX_RESULT_BYTES / 1024 / 1024 });
  if (text.trim() === '') return refused('result.empty');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return refused('result.notJson');
  }
  if (typeof json === 'object' && json !== null && 'format' in json && json.format !== RESULT_FORMAT) {
    return refused('result.foreign', { format: clip(JSON.stringify(json.format) ?? '', 60) });
  }
  if (typeof json === 'object' && json !== null && 'version' in json && typeof json.version === 'number' && json.version > RESULT_VERSION) {
    return refused('result.newer', { version: json.version, supported: RESULT_VERSION });
  }
  const parsed = resultSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: issueReason(issue, pathField(issue?.path ?? [])) };
  }
  return { ok: true, value: parsed.data as ResultFile };
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
  if (fault) return { ok: false, day: fault.day, reason: reason(FAULT_REASONS[fault.fault], { day: fault.day }) };
  const dailyHashes = game.dailyHashes;
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
