/**
 * Level text → `Result<Level>`: limits, JSON syntax, the zod schema, then cross-reference
 * checks. Pure (no Node, no DOM) so the browser, the dev server and `levels:check` share it.
 * Every problem carries the file:line:col of the JSON node it is about.
 */
import { getNodeValue } from 'jsonc-parser';
import { decodeLevelBytes } from './encoding';
import { level, type Level } from './schema';
import { crossCheck } from './cross-check';
import { describeSize, findDuplicateKeys, findExcessiveNesting, MAX_LEVEL_BYTES, MAX_NESTING, parseJsonTree, utf8ByteLength } from './json-text';
import { byPosition, Locator, ROOT_PATH, type LevelProblem, type Result } from './problem';
import { NO_CUSTOM_MESSAGE, schemaProblems } from './schema-problems';

export type { LevelProblem, Result, Severity } from './problem';
export { formatProblem } from './problem';
export { MAX_LEVEL_BYTES, MAX_NESTING } from './json-text';
export { decodeLevelBytes } from './encoding';

export interface ParseOptions {
  /**
   * The level is a file in a folder of levels, named after its id (`levels/<id>.json`): the
   * game finds a level by its id, so another name would list it and then not find it.
   */
  namedAfterId?: boolean;
}

/** A level file's bytes, as read from disk or picked in the browser: the encoding is checked first. */
export function parseLevelFile(bytes: Uint8Array, file: string, options: ParseOptions = {}): Result<Level> {
  if (bytes.length > MAX_LEVEL_BYTES) return failure([fileTooLarge(file, bytes.length)]);
  const decoded = decodeLevelBytes(bytes, file);
  return decoded.ok ? parseLevel(decoded.text, file, options) : failure([decoded.problem]);
}

export function parseLevel(text: string, file: string, options: ParseOptions = {}): Result<Level> {
  const bytes = utf8ByteLength(text);
  if (bytes > MAX_LEVEL_BYTES) return failure([fileTooLarge(file, bytes)]);
  const body = withoutByteOrderMark(text);
  const whole = new Locator(file, body, undefined);
  if (body.trim() === '') return failure([whole.atOffset(0, [], 'the file is empty; a level is a JSON object { … }')]);

  const deep = findExcessiveNesting(body, MAX_NESTING);
  if (deep !== undefined) {
    return failure([whole.atOffset(deep, ROOT_PATH, `nested deeper than ${MAX_NESTING} levels; a level needs only a few`)]);
  }

  const { root, errors, more } = parseJsonTree(body);
  const at = new Locator(file, body, root);
  if (errors.length > 0 || root === undefined) {
    const problems = errors.map((e) => at.atOffset(e.offset, e.path, e.message));
    const last = errors[errors.length - 1];
    if (more > 0 && last !== undefined) problems.push(at.atOffset(last.offset, last.path, `${more} more syntax errors not shown; fix the ones above first`));
    return failure(problems);
  }

  const duplicateKeys = findDuplicateKeys(root).map(({ keyOffset, path, key }) =>
    at.atOffset(keyOffset, path, `duplicate field "${key}": a field may appear only once in an object`),
  );
  const parsed = level.safeParse(getNodeValue(root), { error: () => NO_CUSTOM_MESSAGE });
  if (!parsed.success) return failure([...duplicateKeys, ...schemaProblems(parsed.error.issues, level, at)]);

  const named = options.namedAfterId ? idAndFileName(parsed.data.id, file, at) : [];
  const problems = [...duplicateKeys, ...named, ...crossCheck(parsed.data, at)].sort(byPosition);
  if (problems.some((p) => p.severity === 'error')) return { ok: false, problems };
  return { ok: true, value: parsed.data, warnings: problems };
}

function idAndFileName(id: string, file: string, at: Locator): LevelProblem[] {
  const name = file.split(/[\\/]/).pop() ?? file;
  const stem = name.replace(/\.json$/i, '');
  if (stem === id) return [];
  const orSetId = /^[a-z0-9][a-z0-9-]*$/.test(stem) ? ` or set "id": "${stem}"` : '';
  return [at.at(['id'], `the id "${id}" differs from the file name "${name}": the game finds a level by its id, so rename the file "${id}.json"${orSetId}`)];
}

/** Locates JSON paths in a level's text, for problems found outside the parser (the CLI's headless checks). */
export function levelLocator(text: string, file: string): Locator {
  const body = withoutByteOrderMark(text);
  return new Locator(file, body, parseJsonTree(body).root);
}

function withoutByteOrderMark(text: string): string {
  // Some editors save a byte-order mark. It is not JSON whitespace, and editors do not
  // count it as a column, so it goes before positions are computed.
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/** The problem for a file over the size limit; the CLI uses it too, to avoid reading huge files. */
export function fileTooLarge(file: string, bytes: number): LevelProblem {
  return {
    file,
    line: 1,
    col: 1,
    path: ROOT_PATH,
    message: `the file is ${describeSize(bytes)}; a level file may be at most ${describeSize(MAX_LEVEL_BYTES)}`,
    severity: 'error',
  };
}

function failure(problems: LevelProblem[]): Result<Level> {
  return { ok: false, problems: [...problems].sort(byPosition) };
}
