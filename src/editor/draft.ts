/**
 * Play-testing a level straight from the editor, without saving a file: the editor checks
 * the draft with the level parser, writes the normalised level's JSON to this tab's session
 * storage (at most 2 MiB, the limit of a level file) and opens
 * `index.html?draft=1&seed=<n>&difficulty=<easy|normal|hard>` in a new tab, which starts
 * with a copy of the editor tab's session storage (or in the same tab when pop-ups are
 * blocked). The game page reads it back with src/app/draft.ts, without a parser of its own.
 */
import { DRAFT_STORAGE_KEY } from '../app/draft';

/** The size limit of a level file (src/levels/json-text.ts, MAX_LEVEL_BYTES; a test keeps them equal). */
export const MAX_DRAFT_BYTES = 2 * 1024 * 1024;

export type DraftDifficulty = 'easy' | 'normal' | 'hard';

/** The game page's address for a play-test, relative to the editor page. */
export function draftPlayUrl(seed: number, difficulty: DraftDifficulty): string {
  return `./index.html?draft=1&seed=${seed}&difficulty=${difficulty}`;
}

function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

export type Stored = { ok: true; bytes: number } | { ok: false; reason: 'too-large' | 'unavailable'; bytes: number };

/** Writes the draft for the game page to read; refuses more than a level file may hold. */
export function storeDraft(text: string, storage: Pick<Storage, 'setItem'> | undefined = sessionStore()): Stored {
  const bytes = utf8Bytes(text);
  if (bytes > MAX_DRAFT_BYTES) return { ok: false, reason: 'too-large', bytes };
  if (!storage) return { ok: false, reason: 'unavailable', bytes };
  try {
    storage.setItem(DRAFT_STORAGE_KEY, text);
    return { ok: true, bytes };
  } catch {
    // A full or forbidden storage (private windows, quotas) throws.
    return { ok: false, reason: 'unavailable', bytes };
  }
}

function sessionStore(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
}
