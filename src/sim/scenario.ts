/**
 * Scenario settings: what an instructor adds to a level without editing it — injects
 * (events on chosen days, from the level's own events or written for the class) and the
 * policies on offer. The game is played on the level with its settings applied; result
 * files carry the settings so that a replay plays exactly the same scenario.
 */
import { z } from 'zod';
import { effects, POLICIES, text, type Level } from '../levels/schema';
import { buildContext, type LevelContext } from './context';
import { hashValue } from './hash';

export const injectSchema = z
  .object({
    day: z.number().int().min(1).max(365),
    /** A scripted event of the level to fire (again) on this day… */
    event: z.string().min(1).max(64).optional(),
    /** …or one written for the class. */
    title: text.optional(),
    body: text.optional(),
    effects: effects.optional(),
  })
  .strict()
  .refine((i) => (i.event !== undefined) !== (i.title !== undefined && i.body !== undefined), {
    message: 'an inject names a level event, or gives a title and a body, not both',
  });

export const settingsSchema = z
  .object({
    injects: z.array(injectSchema).max(50).default([]),
    /** Policies the class may use; all of the level's when absent. */
    policies: z.array(z.enum(POLICIES)).max(POLICIES.length).optional(),
  })
  .strict();

export type Inject = z.infer<typeof injectSchema>;
export type ScenarioSettings = z.infer<typeof settingsSchema>;
export const NO_SETTINGS: ScenarioSettings = { injects: [] };

export type Applied = { ok: true; level: Level } | { ok: false; error: string };

/** The level as this scenario plays it. */
export function applySettings(level: Level, settings: ScenarioSettings): Applied {
  const events = [...level.events];
  for (const [i, inject] of settings.injects.entries()) {
    if (inject.day > level.days) return { ok: false, error: `inject ${i + 1} is on day ${inject.day}, but the level lasts ${level.days} days` };
    if (inject.event !== undefined) {
      const source = [...level.events, ...level.randomEvents].find((e) => e.id === inject.event);
      if (!source) return { ok: false, error: `inject ${i + 1} names an event "${inject.event}" that the level does not have` };
      events.push({ ...source, id: `inject-${i + 1}`, day: inject.day, effects: inject.effects ?? source.effects });
    } else if (inject.title && inject.body) {
      events.push({ id: `inject-${i + 1}`, day: inject.day, title: inject.title, body: inject.body, sources: [], effects: inject.effects ?? {} });
    }
  }
  const policies = settings.policies ? level.policies.filter((p) => settings.policies!.includes(p)) : level.policies;
  return { ok: true, level: { ...level, events, policies } };
}

/** Index a level as a scenario plays it; the level hash stays that of the file as written. */
export function scenarioContext(level: Level, settings: ScenarioSettings, days?: number): { ok: true; ctx: LevelContext } | { ok: false; error: string } {
  const applied = applySettings(level, settings);
  if (!applied.ok) return applied;
  const ctx = buildContext(applied.level, days);
  return { ok: true, ctx: { ...ctx, levelHash: hashValue(level) } };
}
