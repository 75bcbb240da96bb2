/**
 * Share links and class files: how an instructor hands a whole class the same game, and
 * what the dashboard checks the class's results against. A link carries the level, seed and
 * difficulty, the instructor's settings (injects with the effects the instructor page offers,
 * the policies on offer, a time limit, a locked speed) and the language. The class file
 * (a "scenario settings" file) carries the same, with the hash of the level it was made for.
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
import { levelHash } from '../sim/context';
import { clip, issueReason, pathField, reason, type Parsed, type Reason, type ReasonCode } from '../sim/reason';
import { applySettings, MAX_TIME_LIMIT_MIN, NO_SETTINGS, settingsSchema, SPEED_LOCKS, type Inject, type ScenarioSettings } from '../sim/scenario';
import { DIFFICULTIES, type Difficulty } from '../sim/state';
import { hash16, readVersioned, type FileKind } from '../sim/wire';
import { parseScenarioLink } from './link';

export { MAX_TIME_LIMIT_MIN } from '../sim/scenario';

export interface ShareLink {
  level: string;
  seed: number;
  difficulty: Difficulty;
  /** Injects, policies on offer, the time limit and the locked speed. */
  settings: ScenarioSettings;
  /** The language students see; their own choice when absent. */
  lang?: 'en' | 'fr';
}

/** The class as the dashboard knows it: the link, and the hash of the level it was made for (from a class file). */
export interface ClassFile extends ShareLink {
  levelHash?: string;
}

export type ShareErrorCode = 'too-long' | 'foreign' | 'newer-version' | 'damaged' | 'invalid' | 'unknown-level';
/** A bad link has a reason (said in the reader's language by the page) and a kind of failure (`code`). */
export type ShareLinkResult = { kind: 'none' } | { kind: 'ok'; link: ShareLink } | { kind: 'error'; reason: Reason; code: ShareErrorCode };

export const SHARE_VERSION = 1;
/** Longer links are refused before anything is decoded. */
export const MAX_LINK_CHARS = 4096;
export const MAX_SEED = 2 ** 31 - 1;

export const SCENARIO_FORMAT = 'lifeline-bamako/scenario';
/** 2: the time limit and the locked speed moved into the settings; the level's hash is kept. */
export const SCENARIO_VERSION = 2;
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
/**
 * The rules a link's fields follow, as the reader is told them. zod carries a rule's name as
 * the message of the issues it raises (the mini build has no messages of its own);
 * `linkIssueReason` turns the name into the rule's reason. Other issues are said from their kind.
 */
const RULES = {
  seed: reason('rule.wholeNumber', { min: 0, max: MAX_SEED }),
  timeLimit: reason('rule.minutes', { min: 1, max: MAX_TIME_LIMIT_MIN }),
  speed: reason('issue.oneOf', { values: SPEED_LOCKS.join(', ') }),
  difficulty: reason('issue.oneOf', { values: DIFFICULTIES.join(', ') }),
  lang: reason('issue.oneOf', { values: 'en, fr' }),
  levelId: reason('rule.levelId'),
  textPair: reason('rule.textPair'),
  policyList: reason('rule.policyList'),
  newerPolicies: reason('rule.newerPolicies'),
  speedSetting: reason('rule.speedSetting'),
} satisfies Record<string, Reason>;
type Rule = keyof typeof RULES;
const rule = (name: Rule): { error: Rule } => ({ error: name });

const wholeNumber = (min: number, max: number, name: Rule) => z.number(rule(name)).check(z.int(rule(name)), z.minimum(min, rule(name)), z.maximum(max, rule(name)));
const speedValue = z.union([z.literal(1), z.literal(2), z.literal(4)], rule('speed'));
const levelId = z.string(rule('levelId')).check(z.minLength(1, rule('levelId')), z.maxLength(64));
const difficulty = z.enum(DIFFICULTIES, rule('difficulty'));

/** The link as the game reads it. */
export const shareLinkSchema = z.strictObject({
  level: levelId,
  seed: wholeNumber(0, MAX_SEED, 'seed'),
  difficulty,
  settings: z.strictObject({
    ...settingsSchema.shape,
    timeLimitMin: z.optional(wholeNumber(1, MAX_TIME_LIMIT_MIN, 'timeLimit')),
    speedLock: z.optional(speedValue),
  }),
  lang: z.optional(z.enum(['en', 'fr'], rule('lang'))),
});

const textPair = z.tuple([z.string(rule('textPair')), z.string(rule('textPair'))], rule('textPair'));

/** Version 1 of the compact payload: one-letter keys, text as [en, fr] pairs. Values are checked again by `shareLinkSchema`. */
const compactV1 = z.strictObject({
  l: levelId,
  s: z.number(rule('seed')),
  d: z.enum(['e', 'n', 'h'], rule('difficulty')),
  i: z.optional(z.array(z.strictObject({ d: z.number(), e: z.optional(z.string()), t: z.optional(textPair), b: z.optional(textPair), x: z.optional(z.unknown()) })).check(z.maxLength(50))),
  p: z.optional(z.number(rule('policyList')).check(z.int(rule('policyList')), z.minimum(0, rule('policyList')), z.maximum(2 ** POLICY_BITS_V1.length - 1, rule('newerPolicies')))),
  m: z.optional(z.number(rule('timeLimit'))),
  v: z.optional(z.tuple([z.union([z.literal(0), z.literal(1)], rule('speedSetting')), z.number(rule('speedSetting'))], rule('speedSetting'))),
  g: z.optional(z.string(rule('lang'))),
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
  const out: ShareLink = { level: link.level, seed: link.seed, difficulty: link.difficulty, settings: normalizeSettings(link.settings) };
  if (link.lang !== undefined) out.lang = link.lang;
  return out;
}

/** The settings with their fields in one order and nothing left empty, so that equal settings compare (and encode) equal. */
export function normalizeSettings(settings: ScenarioSettings): ScenarioSettings {
  const out: ScenarioSettings = { injects: settings.injects.map(normalizeInject) };
  if (settings.policies) out.policies = POLICY_BITS_V1.filter((p) => settings.policies!.includes(p));
  if (settings.timeLimitMin !== undefined) out.timeLimitMin = settings.timeLimitMin;
  if (settings.speedLock !== undefined) out.speedLock = settings.speedLock;
  return out;
}

function normalizeInject(inject: Inject): Inject {
  const out: Inject = { day: inject.day };
  if (inject.event !== undefined) out.event = inject.event;
  if (inject.title !== undefined) out.title = { en: inject.title.en, fr: inject.title.fr };
  if (inject.body !== undefined) out.body = { en: inject.body.en, fr: inject.body.fr };
  if (inject.effects !== undefined && Object.keys(inject.effects).length > 0) {
    const e = inject.effects;
    out.effects = {
      ...(e.trust !== undefined ? { trust: e.trust } : {}),
      ...(e.stockL !== undefined ? { stockL: e.stockL } : {}),
      ...(e.foodPrice !== undefined ? { foodPrice: e.foodPrice } : {}),
      ...(e.morale !== undefined ? { morale: { corridor: e.morale.corridor, delta: e.morale.delta } } : {}),
      ...(e.blockade !== undefined ? { blockade: e.blockade } : {}),
    };
  }
  return out;
}

function toCompact(link: ShareLink): CompactV1 {
  const compact: CompactV1 = { l: link.level, s: link.seed, d: DIFFICULTY_CODES[link.difficulty] };
  const settings = link.settings;
  if (settings.injects.length > 0) {
    compact.i = settings.injects.map((inject) => {
      const c: CompactInject = { d: inject.day };
      if (inject.event !== undefined) c.e = inject.event;
      if (inject.title !== undefined) c.t = [inject.title.en, inject.title.fr];
      if (inject.body !== undefined) c.b = [inject.body.en, inject.body.fr];
      if (inject.effects !== undefined) c.x = inject.effects;
      return c;
    });
  }
  if (settings.policies) {
    let mask = 0;
    POLICY_BITS_V1.forEach((p, bit) => {
      if (settings.policies!.includes(p)) mask |= 1 << bit;
    });
    compact.p = mask;
  }
  if (settings.timeLimitMin !== undefined) compact.m = settings.timeLimitMin;
  if (settings.speedLock !== undefined) compact.v = [1, settings.speedLock];
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
      ...(c.m !== undefined ? { timeLimitMin: c.m } : {}),
      // [0, n]: a free speed (n was only a suggestion, and is not kept).
      ...(c.v !== undefined && c.v[0] === 1 ? { speedLock: c.v[1] } : {}),
    },
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

/** Fields by name, for both the compact keys and the long ones. */
const FIELDS: Record<string, ReasonCode> = {
  l: 'field.scenario',
  level: 'field.scenario',
  s: 'field.seed',
  seed: 'field.seed',
  d: 'field.difficulty',
  difficulty: 'field.difficulty',
  p: 'field.policies',
  policies: 'field.policies',
  m: 'field.timeLimit',
  timeLimitMin: 'field.timeLimit',
  v: 'field.speed',
  speedLock: 'field.speed',
  g: 'field.language',
  lang: 'field.language',
  i: 'field.injects',
  injects: 'field.injects',
};
const INJECT_FIELDS: Record<string, ReasonCode> = {
  d: 'field.injectDay',
  day: 'field.injectDay',
  e: 'field.injectEvent',
  event: 'field.injectEvent',
  t: 'field.injectTitle',
  title: 'field.injectTitle',
  b: 'field.injectBody',
  body: 'field.injectBody',
  x: 'field.injectEffects',
  effects: 'field.injectEffects',
};
/** The halves of a text: `en`/`fr` in a settings file, 0/1 in a link's pairs. */
const HALVES: Record<string, ReasonCode> = { en: 'lang.en', fr: 'lang.fr', 0: 'lang.en', 1: 'lang.fr' };

const within = (part: readonly PropertyKey[], field: Reason): Reason => reason('field.within', { part: clip(part.map(String).join('.'), 60), within: field });

/** The field a zod path is about, as the reader knows it: `["i", 0, "d"]` is "the day of inject 1". */
function linkField(path: readonly PropertyKey[], root: Reason): Reason {
  const keys = path[0] === 'settings' && path.length > 1 ? path.slice(1) : path;
  const [first, index, part, ...rest] = keys;
  if ((first === 'i' || first === 'injects') && typeof index === 'number') {
    const inject = reason('field.inject', { n: index + 1 });
    if (part === undefined) return inject;
    const code = typeof part === 'string' ? INJECT_FIELDS[part] : undefined;
    if (!code) return within(keys.slice(2), inject);
    const half = rest.length === 1 ? HALVES[String(rest[0])] : undefined;
    if (half && code === 'field.injectTitle') return reason('field.injectTitleIn', { n: index + 1, lang: reason(half) });
    if (half && code === 'field.injectBody') return reason('field.injectBodyIn', { n: index + 1, lang: reason(half) });
    return rest.length === 0 ? reason(code, { n: index + 1 }) : within(rest, reason(code, { n: index + 1 }));
  }
  const code = typeof first === 'string' ? FIELDS[first] : undefined;
  if (!code) return pathField(keys, root);
  if (keys.length === 1) return reason(code);
  return within(keys.slice(1), reason(code));
}

/** What is wrong with a link's field: the field's rule when it has one, otherwise what the issue says. */
function linkIssueReason(issue: z.core.$ZodIssue | undefined, root: Reason): Reason {
  const field = linkField(issue?.path ?? [], root);
  if (issue && Object.hasOwn(RULES, issue.message)) {
    const named: Reason = RULES[issue.message as Rule];
    return reason(named.code, { ...named.params, field });
  }
  return issueReason(issue, field);
}

/** `root`: what the whole document is called ("the link", "the file"). */
function checked(candidate: unknown, knownLevels: readonly string[] | undefined, root: Reason): Parsed<ShareLink> & { code?: ShareErrorCode } {
  const parsed = shareLinkSchema.safeParse(candidate, { reportInput: true });
  if (!parsed.success) return { ok: false, reason: linkIssueReason(parsed.error.issues[0], root), code: 'invalid' };
  const link = parsed.data as ShareLink;
  if (knownLevels && !knownLevels.includes(link.level)) return { ok: false, reason: reason('link.unknownLevel', { level: clip(link.level, 40) }), code: 'unknown-level' };
  return { ok: true, value: normalizeShareLink(link) };
}

const fail = (code: ShareErrorCode, why: Reason): ShareLinkResult => ({ kind: 'error', code, reason: why });
const invalid = (problem: Reason): ShareLinkResult => fail('invalid', reason('link.invalid', { problem }));
const PLAIN_ERRORS: Partial<Record<ReasonCode, ShareErrorCode>> = { 'link.unknownLevel': 'unknown-level', 'link.tooLong': 'too-long' };

/**
 * Reads a page's query string. `none`: it does not ask for a scenario. The compact form
 * (`s=`) wins over the plain one when both are present.
 */
export function parseShareLink(search: string, knownLevels: readonly string[]): ShareLinkResult {
  if (search.length > MAX_LINK_CHARS) return fail('too-long', reason('link.tooLong'));
  const params = new URLSearchParams(search);
  const packed = params.get('s');
  if (packed === null) {
    const plain = parseScenarioLink(search, knownLevels);
    if (plain.kind === 'ok') return { kind: 'ok', link: { ...plain.link, settings: { injects: [...NO_SETTINGS.injects] } } };
    if (plain.kind === 'error') return fail(PLAIN_ERRORS[plain.reason.code] ?? 'invalid', plain.reason);
    return plain;
  }
  const mark = /^(\d{1,6})\.(.*)$/s.exec(packed);
  if (!mark) return fail('foreign', reason('link.noVersion'));
  const version = Number(mark[1]);
  if (version > SHARE_VERSION) return fail('newer-version', reason('link.newer', { version, supported: SHARE_VERSION }));
  if (version < 1) return fail('foreign', reason('link.unknownVersion', { version }));
  const bytes = fromBase64Url(mark[2]!);
  if (!bytes) return fail('damaged', reason('link.badCharacters'));
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return fail('damaged', reason('link.damaged'));
  }
  const compact = compactV1.safeParse(json, { reportInput: true });
  if (!compact.success) return invalid(linkIssueReason(compact.error.issues[0], reason('field.link')));
  const result = checked(fromCompact(compact.data), knownLevels, reason('field.link'));
  if (!result.ok) return result.code === 'unknown-level' ? fail('unknown-level', result.reason) : invalid(result.reason);
  return { kind: 'ok', link: result.value };
}

/* ------------------------------------------------------------------ class files */

const settingsFileSchema = z.strictObject({
  format: z.literal(SCENARIO_FORMAT),
  version: z.literal(SCENARIO_VERSION),
  ...shareLinkSchema.shape,
  /** The level as the instructor's page had it: results played on another version are told apart. */
  levelHash: z.optional(hash16),
});

const SETTINGS_KIND: FileKind<ClassFile> = {
  format: SCENARIO_FORMAT,
  version: SCENARIO_VERSION,
  maxChars: MAX_SETTINGS_BYTES,
  reasons: {
    tooLarge: 'settings.tooLarge',
    empty: 'settings.empty',
    notJson: 'settings.notJson',
    notObject: 'settings.notSettings',
    foreign: 'settings.foreign',
    noFormat: 'settings.noFormat',
    noVersion: 'settings.unknownVersion',
    newer: 'settings.newer',
    tooOld: 'settings.unknownVersion',
  },
  otherFormats: { 'lifeline-bamako/result': 'settings.isResult', 'lifeline-bamako/save': 'settings.isSave' },
  migrations: {
    // Version 1 kept the time limit and the speed beside the settings; a free speed is no lock.
    1: ({ timeLimitMin, speed, settings, ...v1 }) => {
      const locked = typeof speed === 'object' && speed !== null && (speed as { locked?: unknown }).locked === true;
      return {
        ...v1,
        version: 2,
        settings: {
          ...(typeof settings === 'object' && settings !== null ? settings : {}),
          ...(timeLimitMin !== undefined ? { timeLimitMin } : {}),
          ...(locked ? { speedLock: (speed as { value?: unknown }).value } : {}),
        },
      };
    },
  },
  schema: settingsFileSchema,
  explain: (issue) => linkIssueReason(issue, reason('field.file')),
  cast: (value) => {
    const { format: _format, version: _version, levelHash, ...link } = value as ShareLink & { format: string; version: number; levelHash?: string };
    return { ...normalizeShareLink(link), ...(levelHash !== undefined ? { levelHash } : {}) };
  },
};

/** The class file an instructor keeps, loads again next term, and gives the dashboard: the link, and the level it was made for. */
export function encodeSettingsFile(link: ShareLink, level?: Level): string {
  const file = { format: SCENARIO_FORMAT, version: SCENARIO_VERSION, ...normalizeShareLink(link), ...(level ? { levelHash: levelHash(level) } : {}) };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function parseSettingsFile(text: string, knownLevels?: readonly string[]): Parsed<ClassFile> {
  const read = readVersioned(SETTINGS_KIND, text);
  if (read.ok && knownLevels && !knownLevels.includes(read.value.level)) return { ok: false, reason: reason('link.unknownLevel', { level: clip(read.value.level, 40) }) };
  return read;
}

/* ------------------------------------------------------------------ against a level */

/**
 * What is wrong with a link for its level (empty when it can be played): injects after the
 * last day or naming missing events, policies the level does not have. The game checks the
 * same when it builds the scenario; the setup page shows it before sharing.
 */
export function linkProblems(link: ShareLink, level: Level): Reason[] {
  const problems: Reason[] = [];
  if (link.level !== level.id) problems.push(reason('link.forOtherLevel', { link: link.level, level: level.id }));
  const applied = applySettings(level, link.settings);
  if (!applied.ok) problems.push(applied.reason);
  return problems;
}
