/**
 * The levels shipped in `levels/`. The menu needs only their ids, titles and lengths; the
 * full check (schema and cross-references) runs when a game starts.
 */
import { parseLevel, type LevelProblem } from '../levels/parse';
import type { Level, Text } from '../levels/schema';

const files = import.meta.glob<string>('../../levels/*.json', { query: '?raw', import: 'default', eager: true });

export interface LevelEntry {
  id: string;
  file: string;
  title: Text;
  summary: Text;
  days: number;
  text: string;
}

/** Tutorial first, then the rest by id. */
export const LEVELS: LevelEntry[] = Object.entries(files)
  .filter(([path]) => !path.endsWith('/schema.json'))
  .flatMap(([path, text]) => {
    try {
      const json = JSON.parse(text) as { id?: unknown; title?: Text; summary?: Text; days?: unknown };
      if (typeof json.id !== 'string' || !json.title || !json.summary || typeof json.days !== 'number') return [];
      return [{ id: json.id, file: path.replace('../../', ''), title: json.title, summary: json.summary, days: json.days, text }];
    } catch {
      return [];
    }
  })
  .sort((a, b) => (a.id === 'tutorial' ? -1 : b.id === 'tutorial' ? 1 : a.id.localeCompare(b.id)));

export function loadLevel(id: string): { ok: true; level: Level } | { ok: false; problems: LevelProblem[] } {
  const entry = LEVELS.find((l) => l.id === id);
  if (!entry) return { ok: false, problems: [{ file: `${id}.json`, line: 1, col: 1, path: '(root)', message: 'no such level', severity: 'error' }] };
  const result = parseLevel(entry.text, entry.file);
  return result.ok ? { ok: true, level: result.value } : { ok: false, problems: result.problems };
}
