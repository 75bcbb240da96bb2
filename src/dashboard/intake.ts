/**
 * What the dashboard takes in at once. A class hands in twenty to forty results; a drop of
 * thousands of files is a wrong folder (or a hostile one) and would keep the page replaying
 * for minutes, so a load over the limits is refused whole, with a reason, before anything is
 * read, and the rows already on the page stay as they are. Pure: the page says it in words.
 */
import { findResultCodes } from '../app/results';
import { MAX_RESULT_BYTES } from '../sim/result';
import type { InputKind } from './verify';

/** Results in one drop, one choice of files, or one paste. */
export const MAX_RESULTS_PER_LOAD = 200;
/**
 * Pasted text, in characters (16 MiB): room for a whole result file pasted as it is (at most
 * MAX_RESULT_BYTES, 8 MiB) or for MAX_RESULTS_PER_LOAD codes of long games (a 60-day game's
 * code is under 10 KB; 80 KB each leaves room for the busiest players).
 */
export const MAX_PASTE_CHARS = 2 * MAX_RESULT_BYTES;

/** Why a load was refused: a catalog key of the dashboard and its parameters. */
export type LoadProblem =
  | { key: 'dash.pasteEmpty'; params: Record<string, never> }
  | { key: 'dash.pasteNone'; params: Record<string, never> }
  | { key: 'dash.tooManyFiles'; params: { n: number; max: number } }
  | { key: 'dash.tooManyCodes'; params: { n: number; max: number } }
  | { key: 'dash.pasteTooLong'; params: { max: number } };

/** A drop or choice of `count` files: `null` if it may be loaded. */
export function filesProblem(count: number): LoadProblem | null {
  return count > MAX_RESULTS_PER_LOAD ? { key: 'dash.tooManyFiles', params: { n: count, max: MAX_RESULTS_PER_LOAD } } : null;
}

/** The results in pasted text (one result file's text, or codes starting with LB1.), or why none is taken. */
export function readPaste(text: string): { ok: true; items: { kind: InputKind; text: string }[] } | { ok: false; problem: LoadProblem } {
  if (text.length > MAX_PASTE_CHARS) return { ok: false, problem: { key: 'dash.pasteTooLong', params: { max: MAX_PASTE_CHARS / 1024 / 1024 } } };
  if (text.trim() === '') return { ok: false, problem: { key: 'dash.pasteEmpty', params: {} } };
  // The text of a whole result file, pasted as it is.
  if (text.trimStart().startsWith('{')) return { ok: true, items: [{ kind: 'file', text }] };
  const codes = findResultCodes(text);
  if (codes.length === 0) return { ok: false, problem: { key: 'dash.pasteNone', params: {} } };
  if (codes.length > MAX_RESULTS_PER_LOAD) return { ok: false, problem: { key: 'dash.tooManyCodes', params: { n: codes.length, max: MAX_RESULTS_PER_LOAD } } };
  return { ok: true, items: codes.map((code) => ({ kind: 'code', text: code })) };
}
