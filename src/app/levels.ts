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

export interface LevelIndex {
  levels: LevelEntry[];
  /** Level files that failed their check (only ever seen in the dev server). */
  problems: { file: string; problems: string[] }[];
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

/** A level, or why it cannot be played; `problems`: the level's own, as `levels:check` writes them (for designers). */
export type Loaded = { ok: true; level: Level } | { ok: false; reason: Reason; problems?: string[] };

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
  const json = (await response.json()) as Level | { problems: string[] };
  if ('problems' in json) return { ok: false, reason: reason('levels.broken', { id }), problems: json.problems };
  return { ok: true, level: json };
}
