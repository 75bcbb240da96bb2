/**
 * Levels reach the browser as data, not code: each file in `levels/` is checked with the
 * same parser as `npm run levels:check` and served (dev) or emitted (build) as normalised
 * JSON under `levels/`, with an index for the menu. An invalid level fails the build with
 * its file:line:col problems; in the dev server it is reported to the page, which shows
 * the problems instead of a broken game, and saving a level file reloads it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { formatProblem, parseLevel } from '../src/levels/parse';

export interface LevelIndexEntry {
  id: string;
  file: string;
  title: { en: string; fr: string };
  summary: { en: string; fr: string };
  days: number;
  sources: { publisher: string; title: string; date: string; url: string }[];
}

type Checked = { ok: true; file: string; json: string; entry: LevelIndexEntry } | { ok: false; file: string; problems: string[] };

function levelFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'schema.json')
    .sort()
    .map((f) => join(dir, f));
}

function check(file: string): Checked {
  const name = `levels/${basename(file)}`;
  const result = parseLevel(readFileSync(file, 'utf8'), name);
  if (!result.ok) return { ok: false, file: name, problems: result.problems.filter((p) => p.severity === 'error').map(formatProblem) };
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

function indexOf(checked: Checked[]): { levels: LevelIndexEntry[]; problems: { file: string; problems: string[] }[] } {
  return {
    levels: checked.flatMap((c) => (c.ok ? [c.entry] : [])),
    problems: checked.flatMap((c) => (c.ok ? [] : [{ file: c.file, problems: c.problems }])),
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
        const checked = levelFiles(dir).map(check);
        const body =
          match[1] === 'index'
            ? JSON.stringify(indexOf(checked))
            : (() => {
                const found = checked.find((c) => (c.ok ? c.entry.id === match[1] : c.file === `levels/${match[1]}.json`));
                if (!found) return undefined;
                return found.ok ? found.json : JSON.stringify({ problems: found.problems });
              })();
        if (body === undefined) return next();
        res.setHeader('Content-Type', 'application/json');
        res.setHeader('Cache-Control', 'no-store');
        res.end(body);
      });
      // Saving a level file tells the page, which reloads the scenario or shows the problems.
      server.watcher.add(dir);
      server.watcher.on('change', (path) => {
        if (!path.startsWith(dir) || !path.endsWith('.json') || basename(path) === 'schema.json') return;
        const c = check(path);
        server.ws.send({ type: 'custom', event: 'lifeline:level', data: c.ok ? { id: c.entry.id, ok: true } : { file: c.file, ok: false, problems: c.problems } });
      });
    },
  };
}
