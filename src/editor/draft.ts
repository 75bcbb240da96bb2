/**
 * Play-testing a level straight from the editor, without saving a file.
 *
 * The contract between the editor and the game page:
 * - the editor writes the level's JSON text to `sessionStorage['lifeline-bamako/draft-level']`
 *   (at most 2 MiB, the limit of a level file) and opens
 *   `index.html?draft=1&seed=<n>&difficulty=<easy|normal|hard>` in a new tab, which starts
 *   with a copy of the editor tab's session storage (or in the same tab when pop-ups are
 *   blocked);
 * - the game page calls `loadDraftLevel()`: `null` when the page was not opened with
 *   `?draft=1`, else the level checked by the same parser as `npm run levels:check`, or the
 *   problems that stop it, one line each in the `file:line:col: path: message` format.
 *
 * The parser (and zod with it) is imported only when a draft is asked for, so the game
 * page's own JavaScript does not grow.
 */
import type { Level } from '../levels/schema';

export const DRAFT_STORAGE_KEY = 'lifeline-bamako/draft-level';

/** The size limit of a level file (src/levels/json-text.ts, MAX_LEVEL_BYTES; a test keeps them equal). */
export const MAX_DRAFT_BYTES = 2 * 1024 * 1024;

/** The name the draft's problems are reported under. */
const DRAFT_FILE = 'draft.json';

export type DraftDifficulty = 'easy' | 'normal' | 'hard';
const DIFFICULTIES: readonly DraftDifficulty[] = ['easy', 'normal', 'hard'];
const MAX_SEED = 2 ** 31 - 1;

export type DraftLevel = { ok: true; level: Level } | { ok: false; problems: string[] };

/**
 * The seed and difficulty of a play-test link, or null when the address asks for no draft.
 * A missing or bad seed is 1 and a missing or bad difficulty is normal: a play-test always starts.
 */
export function draftRequest(search: string): { seed: number; difficulty: DraftDifficulty } | null {
  const query = new URLSearchParams(search);
  if (query.get('draft') !== '1') return null;
  const seedText = query.get('seed') ?? '';
  const seed = /^\d{1,10}$/.test(seedText) && Number(seedText) <= MAX_SEED ? Number(seedText) : 1;
  const asked = query.get('difficulty');
  const difficulty = DIFFICULTIES.find((d) => d === asked) ?? 'normal';
  return { seed, difficulty };
}

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

/**
 * The draft level the editor left for this tab, checked: null when the address has no
 * `?draft=1`. Arguments are for tests; the game page calls it with none.
 */
export async function loadDraftLevel(
  search: string = typeof location === 'undefined' ? '' : location.search,
  storage: Pick<Storage, 'getItem'> | undefined = sessionStore(),
): Promise<DraftLevel | null> {
  if (draftRequest(search) === null) return null;
  let text: string | null = null;
  try {
    text = storage?.getItem(DRAFT_STORAGE_KEY) ?? null;
  } catch {
    text = null;
  }
  if (text === null) {
    return { ok: false, problems: ['There is no draft level in this tab. Open the level editor and press "Play-test" there.'] };
  }
  if (utf8Bytes(text) > MAX_DRAFT_BYTES) {
    return { ok: false, problems: [`${DRAFT_FILE}:1:1: (root): the draft is larger than a level file may be (2 MiB)`] };
  }
  const { parseLevel, formatProblem } = await import('../levels/parse');
  const result = parseLevel(text, DRAFT_FILE);
  if (!result.ok) return { ok: false, problems: result.problems.filter((p) => p.severity === 'error').map(formatProblem) };
  return { ok: true, level: result.value };
}
