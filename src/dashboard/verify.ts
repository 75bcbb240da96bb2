/**
 * Checking one student's result: read it (a file's JSON or a pasted code), find its level
 * among the shipped ones, rebuild the scenario from the result's settings, replay the whole
 * game and compare every day's hash (`verifyResult`). Only then are its numbers used, and
 * they come from the replayed state. Runs in a worker (see verify-worker.ts) or, where
 * workers are unavailable, on the page between files. Pure: the page hands it the shipped
 * levels (as the game loads them, so their hashes match the students' games).
 */
import { parseResultCode } from '../app/results';
import type { Level } from '../levels/schema';
import { reason, type Parsed, type Reason } from '../sim/reason';
import { parseResult, resultContext, verifyResult, type ResultFile } from '../sim/result';
import { studentStats, type StudentStats } from './analysis';

export type InputKind = 'file' | 'code';

export interface VerifyRequest {
  id: number;
  kind: InputKind;
  text: string;
}

/**
 * Why a result is not trusted; `key` is a catalog key, `detail` the scenario's id or the
 * checker's reason (said in the page's language: a reason is data, and crosses from the worker as such).
 */
export interface Flag {
  key: 'dash.flag.unreadable' | 'dash.flag.unknownLevel' | 'dash.flag.brokenLevel' | 'dash.flag.scenario' | 'dash.flag.levelChanged' | 'dash.flag.mismatch';
  detail: string | Reason;
  day?: number;
}

export type VerifyResponse =
  | { id: number; ok: true; stats: StudentStats }
  /** `claimed`: what the file says about itself, shown as unverified. */
  | { id: number; ok: false; flag: Flag; claimed?: { alias?: string; level?: string; seed?: number } };

/** The shipped levels by id; `null`: listed but could not be loaded. */
export type LevelLookup = ReadonlyMap<string, Level | null>;

export async function readResult(kind: InputKind, text: string): Promise<Parsed<ResultFile>> {
  if (kind === 'code') return parseResultCode(text);
  // A file may hold a code too (a student saved it as text).
  if (/^\s*LB\d+\./.test(text.slice(0, 64))) return parseResultCode(text);
  return parseResult(text);
}

export function verifyParsed(id: number, result: ResultFile, levels: LevelLookup): VerifyResponse {
  const claimed = { alias: result.player.alias, level: result.level.id, seed: result.seed };
  const level = levels.get(result.level.id);
  if (level === undefined) return { id, ok: false, claimed, flag: { key: 'dash.flag.unknownLevel', detail: result.level.id } };
  if (level === null) return { id, ok: false, claimed, flag: { key: 'dash.flag.brokenLevel', detail: result.level.id } };
  const scenario = resultContext(level, result);
  if (!scenario.ok) return { id, ok: false, claimed, flag: { key: 'dash.flag.scenario', detail: scenario.reason } };
  const verdict = verifyResult(scenario.ctx, result);
  if (!verdict.ok) {
    const changed = verdict.reason.code === 'verify.levelChanged';
    return { id, ok: false, claimed, flag: { key: changed ? 'dash.flag.levelChanged' : 'dash.flag.mismatch', detail: verdict.reason, ...(verdict.day !== undefined ? { day: verdict.day } : {}) } };
  }
  return { id, ok: true, stats: studentStats(scenario.ctx, result, verdict.state) };
}

/** Never throws: anything unexpected is a flag on this one result, not the end of the class's. */
export async function verifyRequest(request: VerifyRequest, levels: LevelLookup): Promise<VerifyResponse> {
  try {
    const parsed = await readResult(request.kind, request.text);
    if (!parsed.ok) return { id: request.id, ok: false, flag: { key: 'dash.flag.unreadable', detail: parsed.reason } };
    return verifyParsed(request.id, parsed.value, levels);
  } catch (error) {
    return { id: request.id, ok: false, flag: { key: 'dash.flag.unreadable', detail: reason('file.unexpected', { message: error instanceof Error ? error.message : String(error) }) } };
  }
}
