/**
 * Saved games. A save is the game's action log with its seed and level: resuming replays
 * it and must land on the saved state hash. Saves are versioned JSON with migrations; a save
 * that cannot be read is kept as a backup, never thrown away.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import * as z from 'zod/mini';
import { issueReason, pathField, refused, type Parsed } from '../sim/reason';
import { difficultySchema, hash16, int, levelRefSchema, logSchema, seedSchema } from '../sim/wire';
import { settingsSchema } from '../sim/scenario';
import type { Action, Difficulty } from '../sim/state';
import type { GameSession } from './session';

export const SAVE_FORMAT = 'lifeline-bamako/save';
export const SAVE_VERSION = 1;
export const MAX_SAVE_BYTES = 8 * 1024 * 1024;


// zod's mini build: the game page's JavaScript budget is tight.
const saveSchema = z.strictObject({
  format: z.literal(SAVE_FORMAT),
  version: z.literal(SAVE_VERSION),
  level: levelRefSchema,
  seed: seedSchema,
  difficulty: difficultySchema,
  day: int(1, 400),
  stateHash: hash16,
  savedAt: z.string().check(z.maxLength(40)),
  settings: z._default(settingsSchema, { injects: [] }),
  log: logSchema,
});

export type SaveFile = Omit<z.infer<typeof saveSchema>, 'log' | 'difficulty'> & { log: Action[]; difficulty: Difficulty };

/**
 * Migrations from each older version to the next. Version 1 is the first release; a
 * future format change adds `1: (old) => ({ ...old, version: 2, … })` here.
 */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {};

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
    log: [...session.log],
  };
}

export type { Parsed } from '../sim/reason';

/** A save read back, or why it cannot be (a reason code: the menu says it in the player's language). */
export function parseSave(text: string): Parsed<SaveFile> {
  if (text.length > MAX_SAVE_BYTES) return refused('save.tooLarge', { max: MAX_SAVE_BYTES / 1024 / 1024 });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return refused('save.notJson');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return refused('save.notObject');
  let record = json as Record<string, unknown>;
  if (record.format !== SAVE_FORMAT) return refused('save.foreign');
  if (typeof record.version !== 'number' || !Number.isInteger(record.version)) return refused('save.noVersion');
  if (record.version > SAVE_VERSION) return refused('save.newer', { version: record.version });
  while (typeof record.version === 'number' && record.version < SAVE_VERSION) {
    const migrate = MIGRATIONS[record.version];
    if (!migrate) return refused('save.tooOld', { version: record.version });
    record = migrate(record);
  }
  const parsed = saveSchema.safeParse(record, { reportInput: true });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: issueReason(issue, pathField(issue?.path ?? [])) };
  }
  return { ok: true, value: parsed.data as SaveFile };
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
