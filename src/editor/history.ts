/**
 * The editor's undo and redo, as values: a history is the present, the states before it and
 * the states undone after it. Edits of one field in quick succession (typing in a box, one
 * drag) are one step, so Undo takes back the word, not the letter. Pure: the clock is an
 * argument.
 */

export interface History<T> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
  /** What the last edit changed (a field, a drag), and when, to merge the next edit into it. */
  readonly last: { readonly key: string; readonly at: number } | null;
}

export interface HistoryOptions {
  /** Steps kept; the oldest are forgotten. */
  readonly max: number;
  /** Edits with the same key closer together than this are one step. */
  readonly mergeMs: number;
}

export const DEFAULT_HISTORY: HistoryOptions = { max: 200, mergeMs: 2000 };

export function startHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], last: null };
}

/**
 * `next` becomes the present. `key` names what changed: the same key again within `mergeMs`
 * of the last edit replaces the present instead of adding a step. Redo is forgotten.
 */
export function record<T>(history: History<T>, next: T, now: number, key?: string, options: HistoryOptions = DEFAULT_HISTORY): History<T> {
  if (next === history.present) return history;
  const merge = key !== undefined && history.last?.key === key && now - history.last.at < options.mergeMs;
  const past = merge ? history.past : [...history.past, history.present].slice(-options.max);
  return { past, present: next, future: [], last: key === undefined ? null : { key, at: now } };
}

/** The state before the present, or the same history when there is none. */
export function undo<T>(history: History<T>): History<T> {
  const previous = history.past[history.past.length - 1];
  if (history.past.length === 0) return history;
  return { past: history.past.slice(0, -1), present: previous as T, future: [history.present, ...history.future], last: null };
}

/** The state undone last, or the same history when nothing was undone. */
export function redo<T>(history: History<T>): History<T> {
  if (history.future.length === 0) return history;
  const [next, ...rest] = history.future;
  return { past: [...history.past, history.present], present: next as T, future: rest, last: null };
}

export const canUndo = (history: History<unknown>): boolean => history.past.length > 0;
export const canRedo = (history: History<unknown>): boolean => history.future.length > 0;
