/**
 * The JSON layer of level loading: size and nesting limits, syntax errors with positions,
 * duplicate keys. Level files are strict JSON (no comments, no trailing commas) so that
 * every JSON tool, and the browser's own JSON.parse, reads them the same way.
 */
import { createScanner, parseTree, printParseErrorCode, visit, type Node, type ParseError } from 'jsonc-parser';
import { lineColAt, lineStarts, type JsonPath } from './problem';

/** Level files are hand-written and a few tens of KiB; the limit keeps a bad import cheap to reject. */
export const MAX_LEVEL_BYTES = 2 * 1024 * 1024;

/** A level nests about six deep; 64 leaves room and keeps recursive parsers far from the stack limit. */
export const MAX_NESTING = 64;

/** Syntax errors cascade; past this many the rest are noise. */
const MAX_SYNTAX_ERRORS = 100;

export interface SyntaxProblem {
  offset: number;
  path: JsonPath;
  message: string;
}

export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // a surrogate pair is one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function describeSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

/** jsonc-parser's SyntaxKind values: it is a const enum, which isolatedModules cannot import. */
const TOKEN = { openBrace: 1, closeBrace: 2, openBracket: 3, closeBracket: 4, eof: 17 } as const;

/**
 * Offset of the first `[` or `{` nested deeper than `max`, found with jsonc-parser's
 * scanner, which is iterative; its parser is recursive and would overflow the stack on
 * ten thousand nested arrays, so this runs first.
 */
export function findExcessiveNesting(text: string, max: number): number | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token: number = scanner.scan(); token !== TOKEN.eof; token = scanner.scan()) {
    if (token === TOKEN.openBrace || token === TOKEN.openBracket) {
      depth++;
      if (depth > max) return scanner.getTokenOffset();
    } else if ((token === TOKEN.closeBrace || token === TOKEN.closeBracket) && depth > 0) depth--;
  }
  return undefined;
}

/** Parses the text into a tree and lists the syntax errors (up to a limit) with the path where each occurs. */
export function parseJsonTree(text: string): { root: Node | undefined; errors: SyntaxProblem[]; more: number } {
  const raw: ParseError[] = [];
  const root = parseTree(text, raw, { disallowComments: true, allowTrailingComma: false });
  if (raw.length === 0) return { root, errors: [], more: 0 };
  return { root, ...describeSyntaxErrors(text, raw) };
}

function describeSyntaxErrors(text: string, raw: readonly ParseError[]): { errors: SyntaxProblem[]; more: number } {
  // The parser may report up to three codes at one spot, so this many paths cover the errors shown.
  const paths = pathsAtErrors(text, MAX_SYNTAX_ERRORS * 3);
  const starts = lineStarts(text);
  const lineOf = (offset: number): number => lineColAt(starts, offset).line;
  const unclosedLines = linesWithUnterminatedStrings(raw, lineOf);
  const seen = new Set<number>();
  const errors: SyntaxProblem[] = [];
  let more = 0;
  raw.forEach((error, index) => {
    const trailing = trailingCommaBefore(text, error.offset);
    const offset = trailing ?? error.offset;
    // The parser often reports two codes at one spot ("property name expected", "value expected").
    if (seen.has(offset) || echoesThePrevious(text, raw[index - 1], error)) return;
    seen.add(offset);
    const line = lineOf(offset);
    const unclosed = unclosedLines.get(line);
    // An unclosed string swallows the rest of its line, and every token after it is out of
    // place: one problem for the line, where it first goes wrong, instead of a dozen.
    if (unclosed !== undefined && unclosed.reported) return;
    const where = paths[index] ?? [];
    if (errors.length >= MAX_SYNTAX_ERRORS) more++;
    else if (unclosed !== undefined) {
      unclosed.reported = true;
      const message =
        printParseErrorCode(error.error) === 'UnexpectedEndOfString'
          ? UNTERMINATED_STRING
          : 'the double quotes on this line do not pair up: a closing " is missing before this point (strings cannot span lines)';
      errors.push({ offset, path: fieldPath(where), message });
    } else if (trailing !== undefined) {
      errors.push({ offset, path: containerPath(where), message: 'trailing comma: remove the "," before the closing bracket' });
    } else {
      const found = text.slice(error.offset, error.offset + Math.min(error.length, 20));
      errors.push({ offset, path: fieldPath(where), message: syntaxMessage(printParseErrorCode(error.error), found) });
    }
  });
  return { errors, more };
}

const UNTERMINATED_STRING = 'unterminated string: add the closing " (strings cannot span lines)';

/**
 * Errors the parser reports as a consequence of the one just before, with nothing but
 * whitespace between them. `tru,` is one typo: "unexpected tru" already says a value was
 * expected, so "value expected" at the comma repeats it. A string left open at the end of a
 * line swallows the comma after it, so "comma expected" on the next line repeats that.
 */
function echoesThePrevious(text: string, previous: ParseError | undefined, error: ParseError): boolean {
  if (previous === undefined || text.slice(previous.offset + previous.length, error.offset).trim() !== '') return false;
  const pair = `${printParseErrorCode(previous.error)} ${printParseErrorCode(error.error)}`;
  return pair === 'InvalidSymbol ValueExpected' || pair === 'UnexpectedEndOfString CommaExpected';
}

/** The lines that hold an unterminated string, to report each once. */
function linesWithUnterminatedStrings(raw: readonly ParseError[], lineOf: (offset: number) => number): Map<number, { reported: boolean }> {
  const lines = new Map<number, { reported: boolean }>();
  for (const error of raw) if (printParseErrorCode(error.error) === 'UnexpectedEndOfString') lines.set(lineOf(error.offset), { reported: false });
  return lines;
}

/** A path from `pathsAtErrors` without its markers: between two fields, the error belongs to their object. */
function fieldPath(path: RawPath): JsonPath {
  return path.filter((s) => s !== BETWEEN_FIELDS);
}

/** The object or array a trailing comma is in: after a comma an array's path already names the next (missing) item. */
function containerPath(path: RawPath): JsonPath {
  const last = path[path.length - 1];
  return fieldPath(typeof last === 'number' ? path.slice(0, -1) : path);
}

/** If the error sits on a `]` or `}` right after a comma, the offset of that comma. */
function trailingCommaBefore(text: string, offset: number): number | undefined {
  const ch = text[offset];
  if (ch !== ']' && ch !== '}') return undefined;
  let i = offset - 1;
  while (i >= 0 && ' \t\r\n'.includes(text[i] ?? '')) i--;
  return text[i] === ',' ? i : undefined;
}

function syntaxMessage(code: ReturnType<typeof printParseErrorCode>, found: string): string {
  // A string token already carries its quotes; anything else is quoted (and escaped) here.
  const shown = found.startsWith('"') ? found : JSON.stringify(found);
  switch (code) {
    case 'InvalidSymbol':
      return `unexpected ${shown}: expected a value (a "string", number, true, false, null, {…} or […])`;
    case 'InvalidNumberFormat':
      return `invalid number ${shown}`;
    case 'PropertyNameExpected':
      return 'expected a field name in double quotes';
    case 'ValueExpected':
      return found === '' ? 'expected a value, found the end of the file' : `expected a value, found ${shown}`;
    case 'ColonExpected':
      return 'expected ":" after the field name';
    case 'CommaExpected':
      return `expected "," before ${shown}`;
    case 'CloseBraceExpected':
      return 'expected "}" to close the object';
    case 'CloseBracketExpected':
      return 'expected "]" to close the array';
    case 'EndOfFileExpected':
      return 'expected the end of the file: a level is a single JSON object';
    case 'InvalidCommentToken':
      return 'comments are not allowed in level files (they are plain JSON)';
    case 'UnexpectedEndOfComment':
      return 'unterminated comment';
    case 'UnexpectedEndOfString':
      return UNTERMINATED_STRING;
    case 'UnexpectedEndOfNumber':
      return 'incomplete number';
    case 'InvalidUnicode':
      return 'invalid \\u escape: expected four hex digits';
    case 'InvalidEscapeCharacter':
      return 'invalid escape in string: use \\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX';
    case 'InvalidCharacter':
      return 'invalid character in string: control characters must be escaped';
    case '<unknown ParseErrorCode>':
      return 'invalid JSON';
  }
}

/** In an object, after a comma and before the next field name: the error is about the object, not the field before. */
const BETWEEN_FIELDS = '';
type RawPath = readonly (string | number)[];

/**
 * The JSON path at each of the first `limit` parse errors, in the order the parser reports them. One pass of
 * jsonc-parser's visitor, tracking the path as getLocation does; calling getLocation per
 * error would re-parse the file once per error.
 */
function pathsAtErrors(text: string, limit: number): RawPath[] {
  const segments: (string | number)[] = [];
  const paths: RawPath[] = [];
  const replaceLast = (segment: string | number): void => {
    segments[segments.length - 1] = segment;
  };
  visit(
    text,
    {
      onObjectBegin: () => void segments.push(BETWEEN_FIELDS),
      onObjectProperty: (name) => replaceLast(name),
      onObjectEnd: () => void segments.pop(),
      onArrayBegin: () => void segments.push(0),
      onArrayEnd: () => void segments.pop(),
      onSeparator: (separator) => {
        const last = segments[segments.length - 1];
        if (separator !== ',' || last === undefined) return;
        replaceLast(typeof last === 'number' ? last + 1 : BETWEEN_FIELDS);
      },
      onError: () => {
        if (paths.length < limit) paths.push([...segments]);
      },
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  return paths;
}

/** Keys that appear twice in one object: JSON.parse silently keeps the last, which hides typos. */
export function findDuplicateKeys(root: Node): { keyOffset: number; path: JsonPath; key: string }[] {
  const found: { keyOffset: number; path: JsonPath; key: string }[] = [];
  const walk = (node: Node, path: JsonPath): void => {
    if (node.type === 'array') node.children?.forEach((child, i) => walk(child, [...path, i]));
    if (node.type !== 'object') return;
    const seen = new Set<string>();
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (keyNode === undefined) continue;
      const key = String(keyNode.value);
      if (seen.has(key)) found.push({ keyOffset: keyNode.offset, path: [...path, key], key });
      seen.add(key);
      if (valueNode !== undefined) walk(valueNode, [...path, key]);
    }
  };
  walk(root, []);
  return found;
}
