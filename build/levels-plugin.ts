/**
 * Levels reach the browser as data, not code: each file in `levels/` is checked with the
 * same parser as `npm run levels:check` and served (dev) or emitted (build) as normalised
 * JSON under `levels/`, with an index for the menu. An invalid level fails the build with
 * its file:line:col problems; in the dev server the index lists them, the page shows them,
 * and adding, saving or deleting a level file tells the page to read the index again.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { formatProblem, parseLevelFile } from '../src/levels/parse';

export interface LevelIndexEntry {
  id: string;
  file: string;
  title: { en: string; fr: string };
  summary: { en: string; fr: string };
  days: number;
  sources: { publisher: string; title: string; date: string; url: string }[];
}

/** A level file that does not load: `id` is its file name without `.json`, the id a link to it uses. */
export interface LevelFileProblems {
  file: string;
  id: string;
  problems: string[];
}

type Checked = { ok: true; file: string; json: string; entry: LevelIndexEntry } | ({ ok: false } & LevelFileProblems);

const isLevelFile = (name: string): boolean => name.endsWith('.json') && name !== 'schema.json';

function levelFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter(isLevelFile)
    .sort()
    .map((f) => join(dir, f));
}

/**
 * Checked as `npm run levels:check -- levels/<file>` checks it, with the same messages: the
 * page shows them as the command prints them. A file is named after its level's id, so two
 * files can never list the same id (the second is an "id differs from the file name" problem).
 */
function check(file: string): Checked {
  const name = `levels/${basename(file)}`;
  const result = parseLevelFile(readFileSync(file), name, { namedAfterId: true });
  if (!result.ok) {
    return { ok: false, file: name, id: basename(file, '.json'), problems: result.problems.filter((p) => p.severity === 'error').map(formatProblem) };
  }
  const level = result.value;
  return {
    ok: true,
    file: name,
    json: JSON.stringify(level),
    entry: {
      id: level.id,
      file: name,
      title: level.title,
      summary: level.summary,
      days: level.days,
      sources: level.sources.map(({ publisher, title, date, url }) => ({ publisher, title, date, url })),
    },
  };
}

function indexOf(checked: Checked[]): { levels: LevelIndexEntry[]; problems: LevelFileProblems[] } {
  return {
    levels: checked.flatMap((c) => (c.ok ? [c.entry] : [])),
    problems: checked.flatMap((c) => (c.ok ? [] : [{ file: c.file, id: c.id, problems: c.problems }])),
  };
}

export function levelsPlugin(dir: string): Plugin {
  return {
    name: 'lifeline-levels',
    buildStart() {
      for (const file of levelFiles(dir)) this.addWatchFile(file);
    },
    generateBundle() {
      const checked = levelFiles(dir).map(check);
      const broken = checked.filter((c) => !c.ok);
      if (broken.length > 0) this.error(`invalid level files:\n${broken.flatMap((c) => (c.ok ? [] : c.problems)).join('\n')}`);
      for (const c of checked) if (c.ok) this.emitFile({ type: 'asset', fileName: `levels/${c.entry.id}.json`, source: c.json });
      this.emitFile({ type: 'asset', fileName: 'levels/index.json', source: JSON.stringify(indexOf(checked)) });
    },
    configureServer(server: ViteDevServer) {
      server.middlewares.use((req, res, next) => {
        const match = /\/levels\/([a-z0-9-]+)\.json(\?.*)?$/.exec(req.url ?? '');
        if (!match) return next();
        // Files are read at every request: the page asks again after each change it is told of.
        const body = match[1] === 'index' ? JSON.stringify(indexOf(levelFiles(dir).map(check))) : levelBody(join(dir, `${match[1]}.json`));
        if (body === undefined) return next();
        res.setHeader('Content-Type', 'application/json');
        res.setHeader('Cache-Control', 'no-store');
        res.end(body);
      });
      // Adding, saving or deleting a level file tells the page, which reads the index again:
      // its problems, its list and, if the level being played changed, the level.
      server.watcher.add(dir);
      const changed = (path: string): void => {
        if (!path.startsWith(dir) || !isLevelFile(basename(path))) return;
        server.ws.send({ type: 'custom', event: 'lifeline:level', data: { id: basename(path, '.json') } });
      };
      for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, changed);
    },
  };
}

/** The level a link names (files are named after their ids), or its problems; undefined when there is no such file. */
function levelBody(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  const c = check(file);
  return c.ok ? c.json : JSON.stringify({ file: c.file, id: c.id, problems: c.problems });
}
