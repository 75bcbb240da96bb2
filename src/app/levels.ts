/**
 * The shipped levels, fetched as data: `levels/index.json` lists them for the menu, and
 * `levels/<id>.json` is a level already checked and normalised by the build (see
 * build/levels-plugin.ts), so the game page carries no level parser.
 */
import type { Level, Text } from '../levels/schema';
import { clip, reason, type Reason } from '../sim/reason';

export interface LevelEntry {
  id: string;
  file: string;
  title: Text;
  summary: Text;
  days: number;
  sources: { publisher: string; title: string; date: string; url: string }[];
}

/** A level file that does not load, and why, in the words of `npm run levels:check` (only ever seen in the dev server). */
export interface LevelFileProblems {
  /** `levels/<id>.json` */
  file: string;
  /** The file name without `.json`: the id a link to the level uses. */
  id: string;
  /** `file:line:col: json.path: message` lines. */
  problems: string[];
}

export interface LevelIndex {
  levels: LevelEntry[];
  problems: LevelFileProblems[];
}

/**
 * Every id a scenario link may name: the playable levels and, in the dev server, the broken
 * ones, so that a link to a broken level shows its problems rather than "no such scenario".
 */
export function linkableIds(index: LevelIndex): string[] {
  return [...index.levels.map((l) => l.id), ...index.problems.map((p) => p.id)];
}

const base = (): string => new URL('./levels/', document.baseURI).href;

let index: Promise<LevelIndex> | undefined;

/** Why the level list could not be had, for the page to say in its language. */
export class LevelListError extends Error {
  constructor(readonly reason: Reason) {
    super(reason.code);
    this.name = 'LevelListError';
  }
}

/** Tutorial first, then the rest by id. Fails with a `LevelListError`. */
export function listLevels(): Promise<LevelIndex> {
  index ??= fetch(`${base()}index.json`, { cache: 'no-store' })
    .catch(() => {
      throw new LevelListError(reason('levels.listOffline'));
    })
    .then((r) => {
      if (!r.ok) throw new LevelListError(reason('levels.listFailed', { status: String(r.status) }));
      return r.json().catch(() => {
        throw new LevelListError(reason('levels.listDamaged'));
      }) as Promise<LevelIndex>;
    })
    .then((list) => ({
      ...list,
      levels: [...list.levels].sort((a, b) => (a.id === 'tutorial' ? -1 : b.id === 'tutorial' ? 1 : a.id.localeCompare(b.id))),
    }));
  return index;
}

/** Forget what was fetched (the dev server reloads levels when their files change). */
export function forgetLevels(): void {
  index = undefined;
  levels.clear();
}

/** A level, or why it cannot be played; `problems`: the file's own, as `levels:check` writes them (for designers). */
export type Loaded = { ok: true; level: Level } | { ok: false; reason: Reason; problems?: string[]; file?: string };

const levels = new Map<string, Promise<Loaded>>();

/** A level, fetched once per page (a scenario link asks for it before the menu has its list). */
export function loadLevel(id: string): Promise<Loaded> {
  let pending = levels.get(id);
  if (!pending) {
    pending = fetchLevel(id);
    levels.set(id, pending);
  }
  return pending;
}

async function fetchLevel(id: string): Promise<Loaded> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) return { ok: false, reason: reason('levels.unknown', { id: clip(id, 40) }) };
  let response: Response;
  try {
    response = await fetch(`${base()}${id}.json`, { cache: 'no-store' });
  } catch {
    return { ok: false, reason: reason('levels.offline', { id }) };
  }
  if (!response.ok) return { ok: false, reason: reason('levels.unknown', { id }) };
  const json = (await response.json()) as Level | LevelFileProblems;
  if ('problems' in json) return { ok: false, reason: reason('levels.broken', { id }), problems: json.problems, file: json.file };
  return { ok: true, level: json };
}

/**
 * In the dev server, after a level file is added, saved or deleted: the fresh index, and
 * the id of the file that changed. Nothing happens in a built game.
 */
export function onLevelFilesChanged(callback: (index: LevelIndex, changedId: string) => void): void {
  import.meta.hot?.on('lifeline:level', (data: { id: string }) => {
    forgetLevels();
    void listLevels().then(
      (index) => callback(index, data.id),
      // The list is read again at the next change; the page keeps what it shows.
      () => undefined,
    );
  });
}
