/**
 * Level text → `Result<Level>`: limits, JSON syntax, the zod schema, then cross-reference
 * checks. Pure (no Node, no DOM) so the browser, the dev server and `levels:check` share it.
 * Every problem carries the file:line:col of the JSON node it is about.
 */
import { getNodeValue } from 'jsonc-parser';
import { level, type Level } from './schema';
import { crossCheck } from './cross-check';
import { describeSize, findDuplicateKeys, findExcessiveNesting, MAX_LEVEL_BYTES, MAX_NESTING, parseJsonTree, utf8ByteLength } from './json-text';
import { byPosition, Locator, ROOT_PATH, type LevelProblem, type Result } from './problem';
import { NO_CUSTOM_MESSAGE, schemaProblems } from './schema-problems';

export type { LevelProblem, Result, Severity } from './problem';
export { formatProblem } from './problem';
export { MAX_LEVEL_BYTES, MAX_NESTING } from './json-text';

export function parseLevel(text: string, file: string): Result<Level> {
  const bytes = utf8ByteLength(text);
  if (bytes > MAX_LEVEL_BYTES) return failure([fileTooLarge(file, bytes)]);
  // Some editors save a byte-order mark. It is not JSON whitespace, and editors do not
  // count it as a column, so it goes before positions are computed.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
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

  const problems = [...duplicateKeys, ...crossCheck(parsed.data, at)].sort(byPosition);
  if (problems.some((p) => p.severity === 'error')) return { ok: false, problems };
  return { ok: true, value: parsed.data, warnings: problems };
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
