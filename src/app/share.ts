/**
 * Share links and scenario settings files: how an instructor hands a whole class the same
 * game. A link carries the level, seed and difficulty, the instructor's settings (injects,
 * the policies on offer), a time limit, the game speed and the language.
 *
 * The compact form is `?s=1.<payload>`: a version, a dot, then a small JSON document with
 * one-letter keys in base64url. It is not compressed: the browser's deflate
 * (CompressionStream) is asynchronous and the game must read its link synchronously at start;
 * short keys and a policy bitmask keep a link with a couple of injects well under 600
 * characters, small enough for a QR code a class can scan from a projector. The plain form
 * `?level=&seed=&difficulty=` (DESIGN §4) stays valid forever.
 *
 * Everything that comes in is checked with zod and a bad link gets a reason, never a throw.
 * Pure: no DOM.
 */
import * as z from 'zod/mini';
import type { Level, PolicyId } from '../levels/schema';
import type { Parsed } from '../sim/result';
import { applySettings, NO_SETTINGS, settingsSchema, type Inject, type ScenarioSettings } from '../sim/scenario';
import { DIFFICULTIES, type Difficulty } from '../sim/state';
import { parseScenarioLink } from './link';

export interface ShareLink {
  level: string;
  seed: number;
  difficulty: Difficulty;
  settings: ScenarioSettings;
  /** Minutes the class has to play; the game stops the clock when they are up. */
  timeLimitMin?: number;
  /** Locked: students play at this speed (play and pause only). Free: they choose. */
  speed?: { locked: boolean; value: 1 | 2 | 4 };
  /** The language students see; their own choice when absent. */
  lang?: 'en' | 'fr';
}

export type ShareErrorCode = 'too-long' | 'foreign' | 'newer-version' | 'damaged' | 'invalid' | 'unknown-level';
export type ShareLinkResult = { kind: 'none' } | { kind: 'ok'; link: ShareLink } | { kind: 'error'; reason: string; code: ShareErrorCode };

export const SHARE_VERSION = 1;
/** Longer links are refused before anything is decoded. */
export const MAX_LINK_CHARS = 4096;
export const MAX_SEED = 2 ** 31 - 1;
export const MAX_TIME_LIMIT_MIN = 240;
export const SPEED_VALUES = [1, 2, 4] as const;

export const SCENARIO_FORMAT = 'lifeline-bamako/scenario';
export const SCENARIO_VERSION = 1;
export const MAX_SETTINGS_BYTES = 256 * 1024;

/**
 * Bit i of the compact policy mask is this list's i-th policy. Frozen for link version 1:
 * new policies are appended, never inserted (a test compares it with the level schema).
 */
export const POLICY_BITS_V1: readonly PolicyId[] = [
  'purchaseCap',
  'priceControls',
  'closeSchools',
  'curfew',
  'banRuralSales',
  'hazardPay',
  'alternateCorridor',
  'emergencyAirlift',
  'commsCampaign',
  'alliedHelp',
];

const DIFFICULTY_CODES = { easy: 'e', normal: 'n', hard: 'h' } as const satisfies Record<Difficulty, string>;
const CODE_DIFFICULTY: Record<string, Difficulty> = { e: 'easy', n: 'normal', h: 'hard' };

/* ------------------------------------------------------------------ schemas */

// zod's mini build, like the other schemas the game page reads: its JavaScript budget is tight.
const SEED_RULE = `must be a whole number from 0 to ${MAX_SEED}`;
const LIMIT_RULE = `must be a whole number of minutes from 1 to ${MAX_TIME_LIMIT_MIN}`;
const wholeNumber = (min: number, max: number, rule: string) => z.number({ error: rule }).check(z.int({ error: rule }), z.minimum(min, { error: rule }), z.maximum(max, { error: rule }));
const speedValue = z.union([z.literal(1), z.literal(2), z.literal(4)], { error: 'must be 1, 2 or 4' });
const levelId = z.string({ error: 'must name a scenario' }).check(z.minLength(1, { error: 'must name a scenario' }), z.maxLength(64, { error: 'is too long' }));
const difficulty = z.enum(DIFFICULTIES, { error: 'must be easy, normal or hard' });

/** The link as the game reads it; also the body of a settings file. */
export const shareLinkSchema = z.strictObject({
  level: levelId,
  seed: wholeNumber(0, MAX_SEED, SEED_RULE),
  difficulty,
  settings: settingsSchema,
  timeLimitMin: z.optional(wholeNumber(1, MAX_TIME_LIMIT_MIN, LIMIT_RULE)),
  speed: z.optional(z.strictObject({ locked: z.boolean({ error: 'must be true or false' }), value: speedValue })),
  lang: z.optional(z.enum(['en', 'fr'], { error: 'must be en or fr' })),
});

const textPair = z.tuple([z.string(), z.string()], { error: 'must be an English and a French text' });

/** Version 1 of the compact payload: one-letter keys, text as [en, fr] pairs. Values are checked again by `shareLinkSchema`. */
const compactV1 = z.strictObject({
  l: levelId,
  s: z.number({ error: SEED_RULE }),
  d: z.enum(['e', 'n', 'h'], { error: 'must be easy, normal or hard' }),
  i: z.optional(
    z.array(z.strictObject({ d: z.number({ error: 'must be a day number' }), e: z.optional(z.string()), t: z.optional(textPair), b: z.optional(textPair), x: z.optional(z.unknown()) })).check(z.maxLength(50, { error: 'has more than 50 injects' })),
  ),
  p: z.optional(z.number().check(z.int({ error: 'is not a policy list' }), z.minimum(0, { error: 'is not a policy list' }), z.maximum(2 ** POLICY_BITS_V1.length - 1, { error: 'names policies this version of the game does not have' }))),
  m: z.optional(z.number({ error: LIMIT_RULE })),
  v: z.optional(z.tuple([z.union([z.literal(0), z.literal(1)]), z.number()], { error: 'is not a speed setting' })),
  g: z.optional(z.string({ error: 'must be en or fr' })),
});
interface CompactInject {
  d: number;
  e?: string;
  t?: [string, string];
  b?: [string, string];
  x?: unknown;
}
interface CompactV1 {
  l: string;
  s: number;
  d: 'e' | 'n' | 'h';
  i?: CompactInject[];
  p?: number;
  m?: number;
  v?: [0 | 1, number];
  g?: string;
}

/* ------------------------------------------------------------------ base64url */

/** UTF-8 bytes → base64url without padding (RFC 4648 §5). */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode(...a) overflows the call stack for long arrays.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url (padding optional) → bytes, or null when it is not base64url. */
export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(text) || text.replace(/=+$/, '').length % 4 === 1) return null;
  const base64 = text.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  let binary: string;
  try {
    binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/* ------------------------------------------------------------------ encoding */

/** Policies in the bitmask's order without repeats; `undefined` stays "all of the level's". */
export function normalizeShareLink(link: ShareLink): ShareLink {
  const out: ShareLink = {
    level: link.level,
    seed: link.seed,
    difficulty: link.difficulty,
    settings: {
      injects: link.settings.injects.map(normalizeInject),
      ...(link.settings.policies ? { policies: POLICY_BITS_V1.filter((p) => link.settings.policies!.includes(p)) } : {}),
    },
  };
  if (link.timeLimitMin !== undefined) out.timeLimitMin = link.timeLimitMin;
  if (link.speed !== undefined) out.speed = { locked: link.speed.locked, value: link.speed.value };
  if (link.lang !== undefined) out.lang = link.lang;
  return out;
}

function normalizeInject(inject: Inject): Inject {
  const out: Inject = { day: inject.day };
  if (inject.event !== undefined) out.event = inject.event;
  if (inject.title !== undefined) out.title = { en: inject.title.en, fr: inject.title.fr };
  if (inject.body !== undefined) out.body = { en: inject.body.en, fr: inject.body.fr };
  if (inject.effects !== undefined) out.effects = inject.effects;
  return out;
}

function toCompact(link: ShareLink): CompactV1 {
  const compact: CompactV1 = { l: link.level, s: link.seed, d: DIFFICULTY_CODES[link.difficulty] };
  if (link.settings.injects.length > 0) {
    compact.i = link.settings.injects.map((inject) => {
      const c: CompactInject = { d: inject.day };
      if (inject.event !== undefined) c.e = inject.event;
      if (inject.title !== undefined) c.t = [inject.title.en, inject.title.fr];
      if (inject.body !== undefined) c.b = [inject.body.en, inject.body.fr];
      if (inject.effects !== undefined) c.x = inject.effects;
      return c;
    });
  }
  if (link.settings.policies) {
    let mask = 0;
    POLICY_BITS_V1.forEach((p, bit) => {
      if (link.settings.policies!.includes(p)) mask |= 1 << bit;
    });
    compact.p = mask;
  }
  if (link.timeLimitMin !== undefined) compact.m = link.timeLimitMin;
  if (link.speed !== undefined) compact.v = [link.speed.locked ? 1 : 0, link.speed.value];
  if (link.lang !== undefined) compact.g = link.lang;
  return compact;
}

function fromCompact(c: CompactV1): unknown {
  return {
    level: c.l,
    seed: c.s,
    difficulty: CODE_DIFFICULTY[c.d],
    settings: {
      injects: (c.i ?? []).map((i) => ({
        day: i.d,
        ...(i.e !== undefined ? { event: i.e } : {}),
        ...(i.t !== undefined ? { title: { en: i.t[0], fr: i.t[1] } } : {}),
        ...(i.b !== undefined ? { body: { en: i.b[0], fr: i.b[1] } } : {}),
        ...(i.x !== undefined ? { effects: i.x } : {}),
      })),
      ...(c.p !== undefined ? { policies: POLICY_BITS_V1.filter((_, bit) => (c.p! & (1 << bit)) !== 0) } : {}),
    },
    ...(c.m !== undefined ? { timeLimitMin: c.m } : {}),
    ...(c.v !== undefined ? { speed: { locked: c.v[0] === 1, value: c.v[1] } } : {}),
    ...(c.g !== undefined ? { lang: c.g } : {}),
  };
}

/** The query string of a link: `?s=1.<base64url payload>`. */
export function encodeShareLink(link: ShareLink): string {
  const json = JSON.stringify(toCompact(normalizeShareLink(link)));
  return `?s=${SHARE_VERSION}.${toBase64Url(new TextEncoder().encode(json))}`;
}

/** The full address a class opens: the game page next to `base` (an absolute URL), with the link. */
export function shareUrl(base: string, link: ShareLink): string {
  return new URL(`./index.html${encodeShareLink(link)}`, base).href;
}

/* ------------------------------------------------------------------ parsing */

/** Field names in words, for both the compact keys and the long ones. */
const NAMES: Record<string, string> = {
  l: 'scenario',
  level: 'scenario',
  s: 'seed',
  seed: 'seed',
  d: 'difficulty',
  difficulty: 'difficulty',
  p: 'policies',
  policies: 'policies',
  m: 'time limit',
  timeLimitMin: 'time limit',
  v: 'speed',
  speed: 'speed',
  g: 'language',
  lang: 'language',
};
const INJECT_NAMES: Record<string, string> = { d: 'day', e: 'event', t: 'title', b: 'text', x: 'effects', day: 'day', event: 'event', title: 'title', body: 'text', effects: 'effects' };

/** A zod path in words: `["i", 0, "d"]` → "inject 1, day". */
function pathText(path: readonly PropertyKey[]): string {
  const words: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    if (key === 'i' || key === 'injects') {
      const index = path[i + 1];
      if (typeof index !== 'number') {
        words.push('injects');
        continue;
      }
      words.push(`inject ${index + 1}`);
      const field = path[i + 2];
      if (typeof field === 'string') words.push(INJECT_NAMES[field] ?? field);
      words.push(...path.slice(i + 3).map(String));
      break;
    }
    if (key === 'settings') continue;
    words.push(typeof key === 'string' ? (NAMES[key] ?? key) : String(key));
  }
  return words.join(', ');
}

/**
 * zod's mini build has no message catalog (and the full build's, when some other page loads
 * it, speaks in capitals and symbols): our own messages are lower-case phrases; for the rest,
 * say what is wrong from the issue's code, so a link reads the same on every page.
 */
function issueMessage(issue: z.core.$ZodIssue): string {
  if (/^[a-z]/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'too_small':
      return `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}`;
    case 'invalid_type':
      return issue.input === undefined ? 'is missing' : `must be a ${issue.expected}`;
    case 'unrecognized_keys':
      return `has unknown fields: ${issue.keys.slice(0, 5).join(', ')}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_format':
      return 'is not in the right format';
    default:
      return 'is not valid';
  }
}

function issueText(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'the settings are not valid';
  const where = pathText(issue.path);
  return where ? `${where}: ${issueMessage(issue)}` : issueMessage(issue);
}

function checked(candidate: unknown, knownLevels: readonly string[] | undefined): Parsed<ShareLink> & { code?: ShareErrorCode } {
  const parsed = shareLinkSchema.safeParse(candidate, { reportInput: true });
  if (!parsed.success) return { ok: false, error: issueText(parsed.error), code: 'invalid' };
  const link = parsed.data as ShareLink;
  if (knownLevels && !knownLevels.includes(link.level)) return { ok: false, error: `there is no scenario "${link.level.slice(0, 40)}" in this version of the game`, code: 'unknown-level' };
  return { ok: true, value: normalizeShareLink(link) };
}

const fail = (code: ShareErrorCode, reason: string): ShareLinkResult => ({ kind: 'error', code, reason });

/**
 * Reads a page's query string. `none`: it does not ask for a scenario. The compact form
 * (`s=`) wins over the plain one when both are present.
 */
export function parseShareLink(search: string, knownLevels: readonly string[]): ShareLinkResult {
  if (search.length > MAX_LINK_CHARS) return fail('too-long', `the link is too long (over ${MAX_LINK_CHARS / 1024} KB): it may have been changed`);
  const params = new URLSearchParams(search);
  const packed = params.get('s');
  if (packed === null) {
    const plain = parseScenarioLink(search, knownLevels);
    if (plain.kind === 'ok') return { kind: 'ok', link: { ...plain.link, settings: { injects: [...NO_SETTINGS.injects] } } };
    if (plain.kind === 'error') return fail(/no scenario/.test(plain.reason) ? 'unknown-level' : /too long/.test(plain.reason) ? 'too-long' : 'invalid', plain.reason);
    return plain;
  }
  const mark = /^(\d{1,6})\.(.*)$/s.exec(packed);
  if (!mark) return fail('foreign', 'this is not a Lifeline: Bamako scenario link (it has no version mark)');
  const version = Number(mark[1]);
  if (version > SHARE_VERSION) {
    return fail('newer-version', `this link was made by a newer version of the game (link version ${version}; this one reads version ${SHARE_VERSION}): reload the page to update the game, or ask for a new link`);
  }
  if (version < 1) return fail('foreign', `this is not a Lifeline: Bamako scenario link (unknown version ${version})`);
  const bytes = fromBase64Url(mark[2]!);
  if (!bytes) return fail('damaged', 'the link is damaged: it has characters a scenario link never contains (was it cut or changed when copied?)');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return fail('damaged', 'the link is damaged and cannot be read (was it cut when copied?)');
  }
  const compact = compactV1.safeParse(json, { reportInput: true });
  if (!compact.success) return fail('invalid', `the link's settings are not valid: ${issueText(compact.error)}`);
  const result = checked(fromCompact(compact.data), knownLevels);
  if (!result.ok) return fail(result.code ?? 'invalid', result.code === 'unknown-level' ? result.error : `the link's settings are not valid: ${result.error}`);
  return { kind: 'ok', link: result.value };
}

/* ------------------------------------------------------------------ settings files */

/** A settings file an instructor keeps and loads again next term. */
export function encodeSettingsFile(link: ShareLink): string {
  return `${JSON.stringify({ format: SCENARIO_FORMAT, version: SCENARIO_VERSION, ...normalizeShareLink(link) }, null, 2)}\n`;
}

export function parseSettingsFile(text: string, knownLevels?: readonly string[]): Parsed<ShareLink> {
  if (text.length > MAX_SETTINGS_BYTES) return { ok: false, error: `the file is larger than ${MAX_SETTINGS_BYTES / 1024} KB: it is not a scenario settings file` };
  if (text.trim() === '') return { ok: false, error: 'the file is empty' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'the file is not JSON: it is not a scenario settings file' };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, error: 'the file is not a scenario settings file' };
  const doc = json as Record<string, unknown>;
  if (doc.format !== SCENARIO_FORMAT) {
    const format = typeof doc.format === 'string' ? doc.format : undefined;
    if (format === 'lifeline-bamako/result') return { ok: false, error: 'this is a student result file, not scenario settings: open it in the class dashboard' };
    if (format === 'lifeline-bamako/save') return { ok: false, error: 'this is a saved game, not scenario settings: import it from the game menu' };
    return { ok: false, error: format ? `not a Lifeline: Bamako scenario settings file (format ${JSON.stringify(format.slice(0, 60))})` : 'not a Lifeline: Bamako scenario settings file (it has no format)' };
  }
  if (typeof doc.version === 'number' && doc.version > SCENARIO_VERSION) {
    return { ok: false, error: `this file was made by a newer version of the game (settings version ${doc.version}; this one reads version ${SCENARIO_VERSION}): reload the page to update the game` };
  }
  if (doc.version !== SCENARIO_VERSION) return { ok: false, error: `unknown settings file version ${JSON.stringify(doc.version)}` };
  const { format: _format, version: _version, ...body } = doc;
  const result = checked(body, knownLevels);
  return result.ok ? result : { ok: false, error: result.error };
}

/* ------------------------------------------------------------------ against a level */

/**
 * What is wrong with a link for its level, in words (empty when it can be played): injects
 * after the last day or naming missing events, policies the level does not have. The game
 * checks the same when it builds the scenario; the setup page shows it before sharing.
 */
export function linkProblems(link: ShareLink, level: Level): string[] {
  const problems: string[] = [];
  if (link.level !== level.id) problems.push(`the link is for scenario "${link.level}", not "${level.id}"`);
  for (const p of link.settings.policies ?? []) if (!level.policies.includes(p)) problems.push(`the policy "${p}" is not part of this scenario`);
  const applied = applySettings(level, link.settings);
  if (!applied.ok) problems.push(applied.error);
  return problems;
}

/** A link for a level with nothing changed: all of its policies, no injects. */
export function defaultShareLink(level: string, seed: number, difficulty: Difficulty = 'normal'): ShareLink {
  return { level, seed, difficulty, settings: { injects: [] } };
}
