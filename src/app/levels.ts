/**
 * The shipped levels, fetched as data: `levels/index.json` lists them for the menu, and
 * `levels/<id>.json` is a level already checked and normalised by the build (see
 * build/levels-plugin.ts), so the game page carries no level parser.
 */
import type { Level, Text } from '../levels/schema';

export interface LevelEntry {
  id: string;
  file: string;
  title: Text;
  summary: Text;
  days: number;
  sources: { publisher: string; title: string; date: string; url: string }[];
}

export interface LevelIndex {
  levels: LevelEntry[];
  /** Level files that failed their check (only ever seen in the dev server). */
  problems: { file: string; problems: string[] }[];
}

const base = (): string => new URL('./levels/', document.baseURI).href;

let index: Promise<LevelIndex> | undefined;

/** Tutorial first, then the rest by id. */
export function listLevels(): Promise<LevelIndex> {
  index ??= fetch(`${base()}index.json`, { cache: 'no-store' })
    .then((r) => {
      if (!r.ok) throw new Error(`the level list could not be loaded (${r.status})`);
      return r.json() as Promise<LevelIndex>;
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

export type Loaded = { ok: true; level: Level } | { ok: false; error: string; problems?: string[] };

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
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) return { ok: false, error: `there is no level "${id.slice(0, 40)}"` };
  let response: Response;
  try {
    response = await fetch(`${base()}${id}.json`, { cache: 'no-store' });
  } catch {
    return { ok: false, error: `level ${id} could not be loaded (offline?)` };
  }
  if (!response.ok) return { ok: false, error: `there is no level "${id}"` };
  const json = (await response.json()) as Level | { problems: string[] };
  if ('problems' in json) return { ok: false, error: `level ${id} has errors`, problems: json.problems };
  return { ok: true, level: json };
}
