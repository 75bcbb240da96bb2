/**
 * Scenario settings: what an instructor adds to a level without editing it — injects
 * (events on chosen days, from the level's own events or written for the class, with the
 * few effects the instructor page offers), the policies on offer, and the lesson's time limit
 * and locked speed. The game is played on the level with its settings applied; saves and
 * result files carry the settings, so that a replay plays exactly the same scenario and the
 * dashboard can tell a result played under other settings from the class's.
 */
import * as z from 'zod/mini';
import { POLICIES } from '../levels/constants';
import type { Effects, Level, Text } from '../levels/schema';
import { buildContext, levelHash, type LevelContext } from './context';
import { reason, refineReason, type Reason } from './reason';
import { difficultySchema, int, levelRefSchema, seedSchema } from './wire';

// Share links and result files are read by the game page, whose JavaScript budget is
// tight: these small schemas use zod's mini build. `effects` and `text` mirror the level
// schema's; a test checks that the two accept the same documents.
const id = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/), z.maxLength(64));

export const textMini = z.strictObject({
  en: z.string().check(z.minLength(1), z.maxLength(2000)),
  fr: z.string().check(z.minLength(1), z.maxLength(2000)),
});

export const effectsMini = z.strictObject({
  trust: z.optional(int(-100, 100)),
  stockL: z.optional(int(-50_000_000, 50_000_000)),
  morale: z.optional(z.strictObject({ corridor: id, delta: int(-100, 100) })),
  blockade: z.optional(id),
  foodPrice: z.optional(int(-100, 200)),
  budgetM: z.optional(int(-100_000, 100_000)),
  cellStrength: z.optional(int(-5, 5)),
});

/**
 * The effects an instructor may give an inject of their own, and their bounds: what the
 * instructor page offers, and nothing else. A link or a file that carries any other effect
 * (a depot of 50 million litres, a weaker armed group) is refused, so that nothing a class
 * plays is changed out of sight; the student's start screen says these effects in words.
 */
export const CLASS_EFFECT_LIMITS = {
  trust: 20,
  stockL: 5_000_000,
  foodPrice: 50,
  morale: 30,
} as const;

const classEffectsSchema = z.strictObject({
  trust: z.optional(int(-CLASS_EFFECT_LIMITS.trust, CLASS_EFFECT_LIMITS.trust)),
  stockL: z.optional(int(-CLASS_EFFECT_LIMITS.stockL, CLASS_EFFECT_LIMITS.stockL)),
  foodPrice: z.optional(int(-CLASS_EFFECT_LIMITS.foodPrice, CLASS_EFFECT_LIMITS.foodPrice)),
  morale: z.optional(z.strictObject({ corridor: id, delta: int(-CLASS_EFFECT_LIMITS.morale, CLASS_EFFECT_LIMITS.morale) })),
  blockade: z.optional(id),
});
export type ClassEffects = z.infer<typeof classEffectsSchema>;

export const injectSchema = z
  .strictObject({
    day: int(1, 365),
    /** A scripted event of the level to fire (again) on this day, with the level's own effects… */
    event: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
    /** …or one written for the class, with the effects the instructor chose. */
    title: z.optional(textMini),
    body: z.optional(textMini),
    effects: z.optional(classEffectsSchema),
  })
  .check(
    // An inject names a level event, or gives a title and a body, not both.
    z.refine((i) => (i.event !== undefined) !== (i.title !== undefined && i.body !== undefined), refineReason('issue.injectEventOrText')),
    // A level event keeps its own effects: the instructor page changes only its day.
    z.refine((i) => i.event === undefined || i.effects === undefined, refineReason('issue.injectEventEffects')),
  );

export const SPEED_LOCKS = [1, 2, 4] as const;
export type SpeedLock = (typeof SPEED_LOCKS)[number];
export const MAX_TIME_LIMIT_MIN = 240;

export const settingsSchema = z.strictObject({
  injects: z._default(z.array(injectSchema).check(z.maxLength(50)), []),
  /** Policies the class may use; all of the level's when absent. */
  policies: z.optional(z.array(z.enum(POLICIES)).check(z.maxLength(POLICIES.length))),
  /** Minutes of lesson time; the game stops when they are used up. No limit when absent. */
  timeLimitMin: z.optional(int(1, MAX_TIME_LIMIT_MIN)),
  /** The speed students play at (play and pause only). They choose when absent. */
  speedLock: z.optional(z.union([z.literal(1), z.literal(2), z.literal(4)])),
});

/**
 * What a saved or finished game was played on, the same fields at the head of every file
 * that carries a game: the level (id and hash of the file as written), seed, difficulty and
 * the instructor's settings.
 */
export const gameHeader = {
  level: levelRefSchema,
  seed: seedSchema,
  difficulty: difficultySchema,
  settings: z._default(settingsSchema, { injects: [] }),
};

export interface Inject {
  day: number;
  event?: string;
  title?: Text;
  body?: Text;
  effects?: ClassEffects;
}
export interface ScenarioSettings {
  injects: Inject[];
  policies?: Level['policies'];
  timeLimitMin?: number;
  speedLock?: SpeedLock;
}
export const NO_SETTINGS: ScenarioSettings = { injects: [] };

export type Applied = { ok: true; level: Level } | { ok: false; reason: Reason };

/** The level as this scenario plays it. */
export function applySettings(level: Level, settings: ScenarioSettings): Applied {
  for (const p of settings.policies ?? []) if (!level.policies.includes(p)) return { ok: false, reason: reason('scenario.policyMissing', { policy: p }) };
  for (const [i, inject] of settings.injects.entries()) {
    for (const c of [inject.effects?.morale?.corridor, inject.effects?.blockade]) {
      if (c !== undefined && !level.corridors.some((k) => k.id === c)) return { ok: false, reason: reason('scenario.injectUnknownCorridor', { n: i + 1, corridor: c }) };
    }
  }
  const events = [...level.events];
  for (const [i, inject] of settings.injects.entries()) {
    if (inject.day > level.days) return { ok: false, reason: reason('scenario.injectAfterEnd', { n: i + 1, day: inject.day, days: level.days }) };
    if (inject.event !== undefined) {
      const source = [...level.events, ...level.randomEvents].find((e) => e.id === inject.event);
      if (!source) return { ok: false, reason: reason('scenario.injectUnknownEvent', { n: i + 1, event: inject.event }) };
      events.push({ ...source, id: `inject-${i + 1}`, day: inject.day });
    } else if (inject.title && inject.body) {
      events.push({ id: `inject-${i + 1}`, day: inject.day, title: inject.title, body: inject.body, sources: [], effects: (inject.effects ?? {}) as Effects });
    }
  }
  const policies = settings.policies ? level.policies.filter((p) => settings.policies!.includes(p)) : level.policies;
  return { ok: true, level: { ...level, events, policies } };
}

/** Index a level as a scenario plays it; the level hash stays that of the file as written. */
export function scenarioContext(level: Level, settings: ScenarioSettings, days?: number): { ok: true; ctx: LevelContext } | { ok: false; reason: Reason } {
  const applied = applySettings(level, settings);
  if (!applied.ok) return applied;
  const ctx = buildContext(applied.level, days);
  return { ok: true, ctx: { ...ctx, levelHash: levelHash(level) } };
}
