/**
 * Saved games. A save is the game's action log with its seed and level: resuming replays
 * it and must land on the saved state hash. Saves are versioned JSON with migrations; a save
 * that cannot be read is kept as a backup, never thrown away.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import * as z from 'zod/mini';
import type { Parsed } from '../sim/reason';
import { hash16, int, logSchema, readVersioned, type FileKind } from '../sim/wire';
import { gameHeader } from '../sim/scenario';
import type { Action, Difficulty } from '../sim/state';
import type { GameSession } from './session';

export const SAVE_FORMAT = 'lifeline-bamako/save';
/** 2: the lesson time already used, so that a class's time limit holds across reloads. */
export const SAVE_VERSION = 2;
export const MAX_SAVE_BYTES = 8 * 1024 * 1024;
/** Far more than any lesson (the time limit is at most 240 minutes). */
const MAX_LESSON_MS = 24 * 3600 * 1000;

// zod's mini build: the game page's JavaScript budget is tight.
const saveSchema = z.strictObject({
  format: z.literal(SAVE_FORMAT),
  version: z.literal(SAVE_VERSION),
  ...gameHeader,
  day: int(1, 400),
  stateHash: hash16,
  savedAt: z.string().check(z.maxLength(40)),
  /** Milliseconds of lesson time used so far (the game on screen), against the settings' time limit. */
  lessonMs: int(0, MAX_LESSON_MS),
  log: logSchema,
});

export type SaveFile = Omit<z.infer<typeof saveSchema>, 'log' | 'difficulty'> & { log: Action[]; difficulty: Difficulty };

const SAVE_KIND: FileKind<SaveFile> = {
  format: SAVE_FORMAT,
  version: SAVE_VERSION,
  maxChars: MAX_SAVE_BYTES,
  reasons: {
    tooLarge: 'save.tooLarge',
    empty: 'save.empty',
    notJson: 'save.notJson',
    notObject: 'save.notObject',
    foreign: 'save.foreign',
    noFormat: 'save.foreign',
    noVersion: 'save.noVersion',
    newer: 'save.newer',
    tooOld: 'save.tooOld',
  },
  otherFormats: { 'lifeline-bamako/result': 'save.isResult', 'lifeline-bamako/scenario': 'save.isSettings' },
  migrations: {
    // Version 1 had no lesson clock: nothing of a time limit was used yet.
    1: (v1) => ({ ...v1, version: 2, lessonMs: 0 }),
  },
  schema: saveSchema,
  cast: (value) => value as SaveFile,
};

export function makeSave(session: GameSession, savedAt: string): SaveFile {
  return {
    format: SAVE_FORMAT,
    version: SAVE_VERSION,
    level: { id: session.ctx.level.id, hash: session.ctx.levelHash },
    seed: session.state.seed,
    difficulty: session.state.difficulty,
    day: Math.floor(session.state.hour / 24) + 1,
    stateHash: session.hash,
    savedAt,
    settings: session.settings,
    lessonMs: Math.min(MAX_LESSON_MS, Math.round(session.lessonMs)),
    log: [...session.log],
  };
}

export type { Parsed } from '../sim/reason';

/** A save read back, or why it cannot be (a reason code: the menu says it in the player's language). */
export function parseSave(text: string): Parsed<SaveFile> {
  return readVersioned(SAVE_KIND, text);
}

/** Where saves live: IndexedDB, or memory when the browser refuses storage (private mode). */
export interface SaveSlot {
  readonly persistent: boolean;
  read(): Promise<string | undefined>;
  write(text: string): Promise<void>;
  keepBackup(text: string): Promise<void>;
  clear(): Promise<void>;
}

const AUTOSAVE = 'autosave';
const BACKUP = 'autosave-backup';

export function memorySlot(): SaveSlot {
  const data = new Map<string, string>();
  return {
    persistent: false,
    read: async () => data.get(AUTOSAVE),
    write: async (text) => void data.set(AUTOSAVE, text),
    keepBackup: async (text) => void data.set(BACKUP, text),
    clear: async () => void data.delete(AUTOSAVE),
  };
}

export async function openSaveSlot(): Promise<SaveSlot> {
  let store: UseStore;
  try {
    if (typeof indexedDB === 'undefined') return memorySlot();
    store = createStore('lifeline-bamako', 'saves');
    // Touch the store once: private modes fail here rather than at the first autosave.
    await get('probe', store);
  } catch {
    return memorySlot();
  }
  return {
    persistent: true,
    read: () => get<string>(AUTOSAVE, store),
    write: (text) => set(AUTOSAVE, text, store),
    keepBackup: (text) => set(BACKUP, text, store),
    clear: () => del(AUTOSAVE, store),
  };
}
