/**
 * Why an input was refused, said in English and French: every reason code has words in both
 * languages with the same placeholders, and renders with its parameters (numbers the
 * language's way, a reason inside a reason said in the same language). The type checker
 * keeps the catalog and the codes of src/sim/reason.ts together; this test checks the words.
 */
import { describe, expect, it } from 'vitest';
import { reasonText, type Lang } from '../../src/app/i18n';
import { reason, type Reason, type ReasonCode } from '../../src/sim/reason';
import { catalogs } from '../../src/strings';
import { reasons } from '../../src/strings/reasons';

const NBSP = '\u00a0';
const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
const codes = Object.keys(reasons.en).map((key) => key.slice('reason.'.length) as ReasonCode);

/** Parameters that are themselves reasons, and a sample of each; any other parameter is a word or a number. */
const NESTED: Record<string, Reason> = {
  field: reason('field.seed'),
  problem: reason('issue.missing', { field: reason('field.seed') }),
  within: reason('field.speed'),
  lang: reason('lang.fr'),
};
const sample = (code: ReasonCode): Reason => {
  const params: Record<string, Reason | string | number> = {};
  for (const name of placeholders(reasons.en[`reason.${code}`])) params[name] = NESTED[name] ?? (/^(n|day|days|min|max|kb|version|supported)$/.test(name) ? 12_345 : 'xyz');
  return reason(code, params);
};

describe('reason catalogs', () => {
  it('are part of every page’s strings', () => {
    for (const [key, text] of Object.entries(reasons.en)) expect((catalogs.en as Record<string, string>)[key]).toBe(text);
    for (const [key, text] of Object.entries(reasons.fr)) expect((catalogs.fr as Record<string, string>)[key]).toBe(text);
    expect(codes.length).toBeGreaterThan(100);
  });

  it.each(codes)('%s: has English and French with the same placeholders', (code) => {
    const en = reasons.en[`reason.${code}`];
    const fr = reasons.fr[`reason.${code}`];
    expect(en.trim()).not.toBe('');
    expect(fr.trim()).not.toBe('');
    expect(fr).not.toBe(en);
    expect(placeholders(fr)).toEqual(placeholders(en));
  });

  it.each(codes)('%s: renders with its parameters in both languages', (code) => {
    for (const lang of ['en', 'fr'] as const) {
      const text = reasonText(sample(code), lang);
      expect(text, lang).not.toMatch(/\{\w+\}|reason\./);
      // A phrase that goes inside the page's sentence: lower case (or a placeholder, a name, a quote), no full stop.
      expect(text, lang).not.toMatch(/\.$/);
      expect(reasons[lang][`reason.${code}`], lang).toMatch(/^(\{|[a-zà-ÿ“«]|[A-Z][a-z]+$)/);
    }
  });

  it('French uses « », no-break spaces before : ; ? ! and inside « », and typographic apostrophes', () => {
    for (const [key, text] of Object.entries(reasons.fr)) {
      expect(text, key).not.toMatch(/ [:;?!»]|« |'/);
      // The game's name is a name: it keeps its colon.
      expect(text.replaceAll('Lifeline: Bamako', ''), key).not.toMatch(/[^\u00a0]:|“|”/);
    }
    for (const [key, text] of Object.entries(reasons.en)) expect(text, key).not.toMatch(/'|«/);
  });

  it.each<[string, Reason, Lang, string]>([
    ['a field path and a number', reason('issue.tooSmall.number', { field: reason('field.path', { path: 'seed' }), min: 0 }), 'en', 'the field “seed” must be at least 0'],
    ['a field path and a number', reason('issue.tooSmall.number', { field: reason('field.path', { path: 'seed' }), min: 0 }), 'fr', `le champ «${NBSP}seed${NBSP}» doit valoir au moins 0`],
    ['a rule inside the link frame', reason('link.invalid', { problem: reason('rule.wholeNumber', { field: reason('field.seed'), min: 0, max: 2_147_483_647 }) }), 'en', 'the link’s settings are not valid: the seed must be a whole number from 0 to 2,147,483,647'],
    ['a rule inside the link frame', reason('link.invalid', { problem: reason('rule.wholeNumber', { field: reason('field.seed'), min: 0, max: 2_147_483_647 }) }), 'fr', `les réglages du lien ne sont pas valides${NBSP}: la graine doit être un nombre entier de 0 à 2\u202f147\u202f483\u202f647`],
    ['a half of an inject text', reason('issue.empty', { field: reason('field.injectTitleIn', { n: 2, lang: reason('lang.en') }) }), 'en', 'the English headline of inject 2 must not be empty'],
    ['a half of an inject text', reason('issue.empty', { field: reason('field.injectTitleIn', { n: 2, lang: reason('lang.en') }) }), 'fr', 'le titre en anglais de l’injection 2 ne doit pas être vide'],
    ['a day of the replay', reason('verify.dayDiffers', { day: 4 }), 'en', 'day 4: the state hash differs'],
    ['a day of the replay', reason('verify.dayDiffers', { day: 4 }), 'fr', `jour 4${NBSP}: l’empreinte de l’état diffère`],
    ['an inject after the end', reason('scenario.injectAfterEnd', { n: 1, day: 61, days: 60 }), 'fr', 'l’injection 1 tombe le jour 61, mais le scénario dure 60 jours'],
    ['a field inside another', reason('issue.type.boolean', { field: reason('field.within', { part: 'locked', within: reason('field.speed') }) }), 'en', '“locked” in the speed must be true or false'],
  ])('say %s (%s)', (_name, why, lang, expected) => {
    expect(reasonText(why, lang)).toBe(expected);
  });
});
