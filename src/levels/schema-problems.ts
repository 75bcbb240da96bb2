/**
 * Turns zod issues into problems that say how to fix the file, located at the offending
 * node. What was found ("got a string") is read from the JSON tree, not from zod, so the
 * message describes the text the designer wrote.
 */
import { z } from 'zod';
import type { Node } from 'jsonc-parser';
import type { JsonPath, LevelProblem, Locator } from './problem';
import { closestMatch, didYouMean, listNames } from './suggest';

type Issue = z.core.$ZodIssue;

/**
 * Passed as the per-parse error map: a schema's own message (like "a date like
 * 2025-10-28") wins over it, so an issue carrying this marker has no hand-written message.
 */
export const NO_CUSTOM_MESSAGE = '\u0000no custom message';

export function schemaProblems(issues: readonly Issue[], schema: z.ZodType, at: Locator): LevelProblem[] {
  const misspelt = misspeltFields(issues, schema);
  const missingAndMisspelt = (issue: Issue): boolean =>
    issue.code === 'invalid_type' && misspelt.has(JSON.stringify(jsonPath(issue.path))) && at.nodeAt(jsonPath(issue.path)) === undefined;
  return issues.filter((issue) => !missingAndMisspelt(issue)).flatMap((issue) => issueProblems(issue, schema, at));
}

/**
 * `"kms": 15` is one typo, but zod sees two issues: an unknown field "kms" and a missing
 * "km". The missing field is dropped when an unknown field of the same object is a likely
 * misspelling of it: "did you mean "km"?" at the typo says all there is to say.
 */
/** Paths (as JSON text) of the fields that unknown fields probably meant. */
function misspeltFields(issues: readonly Issue[], schema: z.ZodType): Set<string> {
  const meant = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const objectPath = jsonPath(issue.path);
    const allowed = allowedFields(schema, objectPath);
    for (const key of issue.keys) {
      const match = closestMatch(key, allowed);
      if (match !== undefined) meant.add(JSON.stringify([...objectPath, match]));
    }
  }
  return meant;
}

function issueProblems(issue: Issue, schema: z.ZodType, at: Locator): LevelProblem[] {
  const path = jsonPath(issue.path);
  const node = at.nodeAt(path);
  switch (issue.code) {
    case 'invalid_type':
      return [at.at(path, invalidTypeMessage(issue, path, node))];
    case 'too_small':
      return [at.at(path, tooSmallMessage(issue, node))];
    case 'too_big':
      return [at.at(path, tooBigMessage(issue, node))];
    case 'invalid_format':
      return [at.at(path, invalidFormatMessage(issue, node))];
    case 'not_multiple_of':
      return [at.at(path, `must be a multiple of ${String(issue.divisor)}, got ${shownValue(node)}`)];
    case 'unrecognized_keys':
      return issue.keys.map((key) => unknownFieldProblem(key, path, schema, at));
    case 'invalid_value':
      return [at.at(path, invalidValueMessage(issue, node))];
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
    case 'custom':
      return [at.at(path, customOr(issue.message, 'invalid value'))];
    default: {
      // Compile-time check that every code is handled; at run time a code added by a newer
      // zod still becomes a problem rather than an exception.
      const unhandled: never = issue;
      return [at.at(path, customOr((unhandled as Issue).message, 'invalid value'))];
    }
  }
}

function jsonPath(path: readonly PropertyKey[]): JsonPath {
  return path.filter((segment): segment is string | number => typeof segment !== 'symbol');
}

function customOr(message: string, fallback: string): string {
  return message === NO_CUSTOM_MESSAGE ? fallback : message;
}

const EXPECTED: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object { … }',
  array: 'an array [ … ]',
  null: 'null',
};

function invalidTypeMessage(issue: Extract<Issue, { code: 'invalid_type' }>, path: JsonPath, node: Node | undefined): string {
  const field = path[path.length - 1];
  if (node === undefined && typeof field === 'string') return `missing required field "${field}"`;
  const expected = EXPECTED[issue.expected] ?? issue.expected;
  if (issue.expected === 'int' && node?.type === 'number') return `expected a whole number, got ${shownValue(node)}`;
  // JSON has no Infinity, but 1e999 parses to it.
  if (issue.expected === 'number' && node?.type === 'number') return `expected a finite number, got ${shownValue(node)}`;
  return `expected ${expected}, got ${describeNode(node)}`;
}

function tooSmallMessage(issue: Extract<Issue, { code: 'too_small' }>, node: Node | undefined): string {
  const min = String(issue.minimum);
  switch (issue.origin) {
    case 'string':
      return issue.minimum === 1 ? 'must not be empty' : `must be at least ${min} characters long, got ${stringLength(node)}`;
    case 'array':
      return `needs at least ${min} ${plural(Number(issue.minimum), 'item')}, got ${node?.children?.length ?? 0}`;
    default:
      return `${issue.inclusive === false ? 'must be greater than' : 'must be at least'} ${min}, got ${shownValue(node)}`;
  }
}

function tooBigMessage(issue: Extract<Issue, { code: 'too_big' }>, node: Node | undefined): string {
  const max = String(issue.maximum);
  switch (issue.origin) {
    case 'string':
      return `must be at most ${max} characters long, got ${stringLength(node)}`;
    case 'array':
      return `allows at most ${max} ${plural(Number(issue.maximum), 'item')}, got ${node?.children?.length ?? 0}`;
    default:
      return `${issue.inclusive === false ? 'must be less than' : 'must be at most'} ${max}, got ${shownValue(node)}`;
  }
}

function invalidFormatMessage(issue: Extract<Issue, { code: 'invalid_format' }>, node: Node | undefined): string {
  const value = shownValue(node);
  if (issue.message !== NO_CUSTOM_MESSAGE) return `${value} is not valid: ${issue.message}`;
  if (issue.format === 'url') return `${value} is not a valid URL: write the full address, like https://…`;
  if (issue.format === 'regex' && 'pattern' in issue) return `${value} does not match the pattern ${String(issue.pattern)}`;
  return `${value} is not a valid ${issue.format}`;
}

function invalidValueMessage(issue: Extract<Issue, { code: 'invalid_value' }>, node: Node | undefined): string {
  const allowed = issue.values.map((v) => JSON.stringify(v));
  const found = node?.type === 'string' ? String(node.value) : undefined;
  const hint = found === undefined ? '' : didYouMean(found, issue.values.map(String));
  return `expected one of ${allowed.join(', ')}, got ${shownValue(node)}${hint}`;
}

function unknownFieldProblem(key: string, objectPath: JsonPath, schema: z.ZodType, at: Locator): LevelProblem {
  const allowed = allowedFields(schema, objectPath);
  const hint = didYouMean(key, allowed);
  const list = allowed.length > 0 ? `; allowed fields: ${listNames(allowed, 40)}` : '';
  return at.atOffset(at.keyOffset(objectPath, key), [...objectPath, key], `unknown field "${key}"${hint}${list}`);
}

/** Field names the schema accepts for the object at `path`, found by walking the zod schema. */
function allowedFields(schema: z.ZodType, path: JsonPath): string[] {
  let current: z.ZodType | undefined = schema;
  for (const segment of path) {
    current = current === undefined ? undefined : childSchema(unwrap(current), segment);
  }
  const target = current === undefined ? undefined : unwrap(current);
  return target instanceof z.ZodObject ? Object.keys(target.shape) : [];
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault) current = current.unwrap() as z.ZodType;
  return current;
}

function childSchema(schema: z.ZodType, segment: string | number): z.ZodType | undefined {
  if (schema instanceof z.ZodObject && typeof segment === 'string') return (schema.shape as Record<string, z.ZodType>)[segment];
  if (schema instanceof z.ZodArray && typeof segment === 'number') return schema.element as z.ZodType;
  return undefined;
}

function describeNode(node: Node | undefined): string {
  switch (node?.type) {
    case undefined:
      return 'nothing';
    case 'string':
      return `a string (${shownValue(node)})`;
    case 'number':
      return `a number (${shownValue(node)})`;
    case 'boolean':
      return String(node.value);
    case 'null':
      return 'null';
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'property':
      return 'a field';
  }
}

/** The value as written, shortened so one huge string cannot flood the output. */
function shownValue(node: Node | undefined): string {
  if (node === undefined) return 'nothing';
  if (node.type === 'object' || node.type === 'array') return describeNode(node);
  // String(), not JSON.stringify, for numbers: 1e999 is Infinity, which JSON would print as null.
  const text = node.type === 'number' ? String(node.value) : (JSON.stringify(node.value) ?? 'nothing');
  return text.length > 60 ? `${text.slice(0, 57)}…"` : text;
}

function stringLength(node: Node | undefined): number {
  return node?.type === 'string' ? String(node.value).length : 0;
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
