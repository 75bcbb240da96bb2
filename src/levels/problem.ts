/**
 * Problems found in a level file, and how they point back into the text. Every problem
 * carries the 1-based line:col of the JSON node it is about, so an editor can jump there.
 */
import { findNodeAtLocation, type Node } from 'jsonc-parser';

export type Severity = 'error' | 'warning';

export interface LevelProblem {
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column, in UTF-16 code units (what editors count). */
  col: number;
  /** JSON path like `roads[3].from`; `(root)` for the whole file. */
  path: string;
  message: string;
  severity: Severity;
}

export type Result<T> = { ok: true; value: T; warnings: LevelProblem[] } | { ok: false; problems: LevelProblem[] };

export type JsonPath = readonly (string | number)[];

export const ROOT_PATH = '(root)';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `['roads', 3, 'from']` → `roads[3].from`; keys that are not identifiers are quoted: `a["x y"]`. */
export function formatPath(path: JsonPath): string {
  if (path.length === 0) return ROOT_PATH;
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** One-line text of a problem, the format of `npm run levels:check`. */
export function formatProblem(p: LevelProblem): string {
  const label = p.severity === 'warning' ? 'warning: ' : '';
  return `${p.file}:${p.line}:${p.col}: ${p.path}: ${label}${p.message}`;
}

/** Offsets at which each line starts; line breaks are \n, \r\n and \r, as jsonc-parser counts them. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13 /* \r */ && text.charCodeAt(i + 1) === 10) continue;
    if (ch === 10 || ch === 13) starts.push(i + 1);
  }
  return starts;
}

export function lineColAt(starts: readonly number[], offset: number): { line: number; col: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, col: offset - (starts[lo] ?? 0) + 1 };
}

/** Turns JSON paths and offsets of one document into problems with line:col. */
export class Locator {
  private readonly starts: readonly number[];

  constructor(
    readonly file: string,
    text: string,
    readonly root: Node | undefined,
  ) {
    this.starts = lineStarts(text);
  }

  atOffset(offset: number, path: JsonPath | string, message: string, severity: Severity = 'error'): LevelProblem {
    const { line, col } = lineColAt(this.starts, offset);
    const shown = typeof path === 'string' ? path : formatPath(path);
    return { file: this.file, line, col, path: shown, message, severity };
  }

  /**
   * A problem at the node for `path`. A path that names nothing in the text (a missing
   * field) points at its nearest existing ancestor, so "missing field" lands on the object.
   */
  at(path: JsonPath, message: string, severity: Severity = 'error'): LevelProblem {
    return this.atOffset(this.offsetOf(path), path, message, severity);
  }

  nodeAt(path: JsonPath): Node | undefined {
    return this.root === undefined ? undefined : findNodeAtLocation(this.root, [...path]);
  }

  offsetOf(path: JsonPath): number {
    for (let n = path.length; n >= 0; n--) {
      const node = this.nodeAt(path.slice(0, n));
      if (node !== undefined) return node.offset;
    }
    return 0;
  }

  /** Offset of the key `key` in the object at `objectPath`, for "unknown field" problems. */
  keyOffset(objectPath: JsonPath, key: string): number {
    const object = this.nodeAt(objectPath);
    const property = object?.children?.find((p) => p.children?.[0]?.value === key);
    return property?.children?.[0]?.offset ?? this.offsetOf(objectPath);
  }
}

export function byPosition(a: LevelProblem, b: LevelProblem): number {
  return a.line - b.line || a.col - b.col;
}
