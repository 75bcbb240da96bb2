/**
 * Levels reach the browser as data, not code: each file in `levels/` is checked with the
 * same parser as `npm run levels:check` and served (dev) or emitted (build) as normalised
 * JSON under `levels/`, with an index for the menu, and as written under `levels/source/`
 * for the editor, which keeps a file's layout when it changes it. An invalid level fails the
 * build with its file:line:col problems; in the dev server the index lists them, the page
 * shows them, and adding, saving or deleting a level file tells the page to read the index
 * again. The dev server also lets the editor save a level to `levels/` (see `saveLevel`).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, join } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { formatProblem, MAX_LEVEL_BYTES, parseLevelFile } from '../src/levels/parse';

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
      for (const c of checked) {
        if (!c.ok) continue;
        this.emitFile({ type: 'asset', fileName: `levels/${c.entry.id}.json`, source: c.json });
        this.emitFile({ type: 'asset', fileName: `levels/source/${c.entry.id}.json`, source: readFileSync(join(dir, `${c.entry.id}.json`)) });
      }
      this.emitFile({ type: 'asset', fileName: 'levels/index.json', source: JSON.stringify(indexOf(checked)) });
    },
    configureServer(server: ViteDevServer) {
      server.middlewares.use((req, res, next) => {
        const source = /\/levels\/source\/([^/?]*)(\?.*)?$/.exec(req.url ?? '');
        if (source) {
          if (req.method === 'PUT') return void saveLevel(dir, decodeURIComponent(source[1] ?? ''), source[2] ?? '', req, res);
          const file = sourceFile(dir, decodeURIComponent(source[1] ?? ''));
          if (file === undefined || !existsSync(file)) return next();
          res.setHeader('Content-Type', 'application/json; charset=utf-8');
          res.setHeader('Cache-Control', 'no-store');
          return void res.end(readFileSync(file));
        }
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

/** `levels/<name>`, for a name that is a level file's (an id and `.json`); undefined for anything else, such as `../x` or `schema.json`. */
function sourceFile(dir: string, name: string): string | undefined {
  return /^[a-z0-9][a-z0-9-]{0,63}\.json$/.test(name) && name !== 'schema.json' ? join(dir, name) : undefined;
}

function answer(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
}

/**
 * `PUT /levels/source/<id>.json` (dev server only): the editor's "Save to levels/". Written
 * only when the body is a level that passes the same check as `levels:check` (no errors,
 * named after its id), at most the size of a level file, sent as JSON by a page of this very
 * server; an existing file is replaced only with `?overwrite=1`. Anything else is refused
 * and nothing is written: this is a way to write files on the designer's disk.
 */
function saveLevel(dir: string, name: string, query: string, req: IncomingMessage, res: ServerResponse): void {
  const file = sourceFile(dir, name);
  if (file === undefined) return answer(res, 400, { message: `${name} is not a level file name: an id and .json, in levels/` });
  // A form on another site can post plain text here; a JSON body and this server's origin cannot be forged that way.
  const origin = req.headers.origin;
  const host = req.headers.host;
  if (!String(req.headers['content-type'] ?? '').startsWith('application/json') || (origin !== undefined && host !== undefined && new URL(origin).host !== host)) {
    return answer(res, 403, { message: 'levels are saved only by the editor of this server' });
  }
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= MAX_LEVEL_BYTES) chunks.push(chunk);
  });
  req.on('end', () => {
    if (size > MAX_LEVEL_BYTES) return answer(res, 413, { message: 'larger than a level file may be' });
    const bytes = Buffer.concat(chunks);
    const shown = `levels/${name}`;
    const result = parseLevelFile(bytes, shown, { namedAfterId: true });
    if (!result.ok) return answer(res, 422, { message: 'not a valid level', problems: result.problems.filter((p) => p.severity === 'error').map(formatProblem) });
    if (existsSync(file) && !/[?&]overwrite=1\b/.test(query)) return answer(res, 409, { message: `${shown} exists` });
    writeFileSync(file, bytes);
    answer(res, 200, { file: shown });
  });
}
