/**
 * What a class's settings change, in words: shown to the instructor who makes the link and
 * to the student before play, so that nothing a class plays is changed out of sight. The
 * same lines on both pages, from the same settings.
 */
import type { Effects, Level, PolicyId } from '../levels/schema';
import type { ClassEffects, Inject, ScenarioSettings } from '../sim/scenario';
import { formatNumber, pick, t } from './i18n';

const signed = (n: number): string => `${n > 0 ? '+' : n < 0 ? '−' : ''}${formatNumber(Math.abs(n))}`;

function corridorName(level: Level, id: string): string {
  const corridor = level.corridors.find((c) => c.id === id);
  return corridor ? pick(corridor.name) : id;
}

/** Each effect of an event, as a short phrase ("public trust −3"), in the order the rules apply them. */
function effectsInWords(effects: ClassEffects | Effects, level: Level): string[] {
  const words: string[] = [];
  if (effects.stockL !== undefined) words.push(t('lesson.effect.stock', { n: signed(effects.stockL) }));
  if (effects.trust !== undefined) words.push(t('lesson.effect.trust', { n: signed(effects.trust) }));
  if (effects.foodPrice !== undefined) words.push(t('lesson.effect.food', { n: signed(effects.foodPrice) }));
  if (effects.morale !== undefined) words.push(t('lesson.effect.morale', { n: signed(effects.morale.delta), corridor: corridorName(level, effects.morale.corridor) }));
  if (effects.blockade !== undefined) words.push(t('lesson.effect.blockade', { corridor: corridorName(level, effects.blockade) }));
  if ('budgetM' in effects && effects.budgetM !== undefined) words.push(t('lesson.effect.budget', { n: signed(effects.budgetM) }));
  if ('cellStrength' in effects && effects.cellStrength !== undefined) words.push(t('lesson.effect.cells', { n: signed(effects.cellStrength) }));
  return words;
}

/** One inject: its day, where it comes from, and what it does to the game. */
function injectInWords(inject: Inject, level: Level): string {
  const source = inject.event === undefined ? undefined : [...level.events, ...level.randomEvents].find((e) => e.id === inject.event);
  const effects = source ? source.effects : (inject.effects ?? {});
  const words = effectsInWords(effects, level);
  const what = source ? t('lesson.injectEvent', { day: inject.day, title: pick(source.title) }) : t('lesson.injectOwn', { day: inject.day });
  return words.length === 0 ? t('lesson.noEffect', { what }) : t('lesson.withEffects', { what, effects: words.join(t('lesson.and')) });
}

/** Everything the settings change, one line each; empty when they change nothing. */
export function settingsInWords(settings: ScenarioSettings, level: Level, policyName: (id: PolicyId) => string): string[] {
  const lines: string[] = [];
  if (settings.timeLimitMin !== undefined) lines.push(t('lesson.timeLimit', { n: settings.timeLimitMin }));
  if (settings.speedLock !== undefined) lines.push(t('lesson.speedLock', { n: settings.speedLock }));
  if (settings.policies) {
    const offered = level.policies.filter((p) => settings.policies!.includes(p));
    lines.push(offered.length === 0 ? t('lesson.noPolicies') : t('lesson.policies', { list: offered.map(policyName).join(', '), n: offered.length, total: level.policies.length }));
  }
  for (const inject of settings.injects) lines.push(injectInWords(inject, level));
  return lines;
}

/** Settings that change anything at all: a link with none opens the game at once. */
export const changesAnything = (settings: ScenarioSettings): boolean =>
  settings.injects.length > 0 || settings.policies !== undefined || settings.timeLimitMin !== undefined || settings.speedLock !== undefined;
