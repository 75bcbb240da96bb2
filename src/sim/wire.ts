/**
 * The files that travel (results, saves, settings files) and the small schema pieces they
 * share, in zod's mini build: the game page's JavaScript budget is tight. Every such file is
 * read by one pipeline, `readVersioned`: size, empty, JSON, an object, its format, its
 * version (newer refused, older migrated step by step), then its schema. Each kind names its
 * own reasons, so that the reader is told what the file was meant to be.
 */
import * as z from 'zod/mini';
import { clip, issueReason, pathField, refused, type Parsed, type Reason, type ReasonCode } from './reason';

export const int = (min: number, max: number) => z.number().check(z.int(), z.minimum(min), z.maximum(max));
export const hash16 = z.string().check(z.regex(/^[0-9a-f]{16}$/));
export const seedSchema = int(0, 2 ** 31 - 1);
export const difficultySchema = z.enum(['easy', 'normal', 'hard']);
export const levelRefSchema = z.strictObject({ id: z.string().check(z.minLength(1), z.maxLength(64)), hash: hash16 });
/** An action log: each entry is checked by the reducer when replayed, here only its shape. */
export const logSchema = z.array(z.looseObject({ type: z.string().check(z.maxLength(40)) })).check(z.maxLength(200_000));

/* ------------------------------------------------------------------ aliases */

export const MAX_ALIAS_CHARS = 40;
/** Control characters and the bidirectional marks and overrides that could make an alias display as something else. */
const HIDDEN_CHARS = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/**
 * What a student may sign a result with, in the game and on the dashboard alike: 1–40
 * characters once trimmed (UTF-16 units: an emoji counts two), none of them a control or a
 * bidirectional character. Never a required real name.
 */
export function isValidAlias(alias: string): boolean {
  const trimmed = alias.trim();
  return trimmed.length >= 1 && trimmed.length <= MAX_ALIAS_CHARS && !HIDDEN_CHARS.test(trimmed);
}

export const aliasSchema = z.string().check(z.refine(isValidAlias, { params: { reason: 'issue.alias' satisfies ReasonCode } }));

/* ------------------------------------------------------------------ reading a file */

/** Why a file of one kind is refused at each step of the reading, in that kind's words. */
interface KindReasons {
  tooLarge: ReasonCode;
  empty: ReasonCode;
  notJson: ReasonCode;
  notObject: ReasonCode;
  /** Another format; `{format}` is what the file says it is. */
  foreign: ReasonCode;
  noFormat: ReasonCode;
  noVersion: ReasonCode;
  newer: ReasonCode;
  /** Older than any migration reaches. */
  tooOld: ReasonCode;
}

export interface FileKind<T> {
  format: string;
  version: number;
  /** Longer texts are refused before parsing. */
  maxChars: number;
  reasons: KindReasons;
  /** Another format of this game handed in by mistake ("that is a result, not a save"). */
  otherFormats?: Readonly<Record<string, ReasonCode>>;
  /** From each older version to the next: `1: (v1) => ({ ...v1, version: 2, … })`. */
  migrations: Readonly<Record<number, (old: Record<string, unknown>) => Record<string, unknown>>>;
  schema: z.ZodMiniType<unknown>;
  /** A schema issue in words (default: what the issue says about the field at its dotted path). */
  explain?: (issue: z.core.$ZodIssue | undefined) => Reason;
  /** The value the schema gave, as the caller's type (the schema leaves some fields loosely typed, e.g. the log). */
  cast: (value: unknown) => T;
}

/** Reads one file of `kind`: never throws, and says at which step a bad file fails. */
export function readVersioned<T>(kind: FileKind<T>, text: string): Parsed<T> {
  const why = kind.reasons;
  if (text.length > kind.maxChars) return refused(why.tooLarge, { max: Math.round(kind.maxChars / 1024 / 1024), kb: Math.round(kind.maxChars / 1024) });
  if (text.trim() === '') return refused(why.empty);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return refused(why.notJson);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return refused(why.notObject);
  let record = json as Record<string, unknown>;
  if (record.format !== kind.format) {
    if (typeof record.format !== 'string') return record.format === undefined ? refused(why.noFormat) : refused(why.foreign, { format: clip(JSON.stringify(record.format) ?? '', 60) });
    const other = kind.otherFormats?.[record.format];
    return other ? refused(other) : refused(why.foreign, { format: clip(JSON.stringify(record.format), 60) });
  }
  if (typeof record.version !== 'number' || !Number.isInteger(record.version)) return refused(why.noVersion, { version: clip(JSON.stringify(record.version) ?? '?', 20) });
  if (record.version > kind.version) return refused(why.newer, { version: record.version, supported: kind.version });
  while (typeof record.version === 'number' && record.version < kind.version) {
    const migrate = kind.migrations[record.version];
    if (!migrate) return refused(why.tooOld, { version: record.version });
    record = migrate(record);
  }
  const parsed = kind.schema.safeParse(record, { reportInput: true });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: kind.explain ? kind.explain(issue) : issueReason(issue, pathField(issue?.path ?? [])) };
  }
  return { ok: true, value: kind.cast(parsed.data) };
}
