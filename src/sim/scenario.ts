/**
 * Scenario settings: what an instructor adds to a level without editing it — injects
 * (events on chosen days, from the level's own events or written for the class) and the
 * policies on offer. The game is played on the level with its settings applied; result
 * files carry the settings so that a replay plays exactly the same scenario.
 */
import * as z from 'zod/mini';
import { POLICIES } from '../levels/constants';
import type { Effects, Level, Text } from '../levels/schema';
import { buildContext, levelHash, type LevelContext } from './context';
import { reason, refineReason, type Reason } from './reason';
import { int } from './wire';

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

export const injectSchema = z
  .strictObject({
    day: int(1, 365),
    /** A scripted event of the level to fire (again) on this day… */
    event: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
    /** …or one written for the class. */
    title: z.optional(textMini),
    body: z.optional(textMini),
    effects: z.optional(effectsMini),
  })
  .check(
    // An inject names a level event, or gives a title and a body, not both.
    z.refine((i) => (i.event !== undefined) !== (i.title !== undefined && i.body !== undefined), refineReason('issue.injectEventOrText')),
  );

export const settingsSchema = z.strictObject({
  injects: z._default(z.array(injectSchema).check(z.maxLength(50)), []),
  /** Policies the class may use; all of the level's when absent. */
  policies: z.optional(z.array(z.enum(POLICIES)).check(z.maxLength(POLICIES.length))),
});

export interface Inject {
  day: number;
  event?: string;
  title?: Text;
  body?: Text;
  effects?: Effects;
}
export interface ScenarioSettings {
  injects: Inject[];
  policies?: Level['policies'];
}
export const NO_SETTINGS: ScenarioSettings = { injects: [] };

export type Applied = { ok: true; level: Level } | { ok: false; reason: Reason };

/** The level as this scenario plays it. */
export function applySettings(level: Level, settings: ScenarioSettings): Applied {
  const events = [...level.events];
  for (const [i, inject] of settings.injects.entries()) {
    if (inject.day > level.days) return { ok: false, reason: reason('scenario.injectAfterEnd', { n: i + 1, day: inject.day, days: level.days }) };
    if (inject.event !== undefined) {
      const source = [...level.events, ...level.randomEvents].find((e) => e.id === inject.event);
      if (!source) return { ok: false, reason: reason('scenario.injectUnknownEvent', { n: i + 1, event: inject.event }) };
      events.push({ ...source, id: `inject-${i + 1}`, day: inject.day, effects: inject.effects ?? source.effects });
    } else if (inject.title && inject.body) {
      events.push({ id: `inject-${i + 1}`, day: inject.day, title: inject.title, body: inject.body, sources: [], effects: inject.effects ?? {} });
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
