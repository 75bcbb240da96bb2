/**
 * Counts and units in English and French, as the player reads them: the number written the
 * language's way (Intl.NumberFormat) and the noun agreed with it (Intl.PluralRules). French takes
 * the singular below 2 ("1,5 jour", "0 jour de réserve", "1,4 million de litres"); "million" is
 * a noun followed by "de".
 */
import { afterEach, describe, expect, it } from 'vitest';
import { formatLitres, setLang, t, tCount, type Lang } from '../../src/app/i18n';
import type { NewsItem } from '../../src/sim/state';
import { daysText, newsText } from '../../src/ui/hud/model';
import { shippedContext } from '../helpers';

/** French groups thousands with a narrow no-break space: written here as a plain space. */
const plain = (s: string): string => s.replace(/[\u202f\u00a0]/g, ' ');

function inLang<T>(lang: Lang, f: () => T): T {
  setLang(lang);
  return f();
}

afterEach(() => setLang('en'));

describe('days of cover', () => {
  it.each<[Lang, number, string]>([
    ['en', 0, '0 days'],
    ['en', 1, '1 day'],
    ['en', 1.5, '1.5 days'],
    ['en', 2, '2 days'],
    ['en', 1.04, '1 day'],
    ['fr', 0, '0 jour'],
    ['fr', 1, '1 jour'],
    ['fr', 1.5, '1,5 jour'],
    ['fr', 1.96, '2 jours'],
    ['fr', 2, '2 jours'],
  ])('%s: %d → "%s"', (lang, days, text) => {
    expect(inLang(lang, () => daysText(days))).toBe(text);
  });

  it('read in the top bar: "0 jour de réserve", "1 day of cover"', () => {
    expect(inLang('fr', () => t('hud.top.cover', { days: daysText(0) }))).toBe('0 jour de réserve');
    expect(inLang('en', () => t('hud.top.cover', { days: daysText(1) }))).toBe('1 day of cover');
  });
});

describe('litres', () => {
  it.each<[Lang, number, string]>([
    ['en', 0, '0 L'],
    ['en', 1, '1 L'],
    ['en', 920_000, '920,000 L'],
    ['en', 1_000_000, '1 million L'],
    ['en', 1_400_000, '1.4 million L'],
    ['en', 2_000_000, '2 million L'],
    ['fr', 0, '0 L'],
    ['fr', 920_000, '920 000 L'],
    ['fr', 1_000_000, '1 million de litres'],
    ['fr', 1_400_000, '1,4 million de litres'],
    ['fr', 1_500_000, '1,5 million de litres'],
    ['fr', 1_980_000, '2 millions de litres'],
    ['fr', 2_000_000, '2 millions de litres'],
    ['fr', 12_300_000, '12,3 millions de litres'],
  ])('%s: %d L → "%s"', (lang, litres, text) => {
    expect(plain(inLang(lang, () => formatLitres(litres)))).toBe(text);
  });
});

describe('tankers', () => {
  it.each<[Lang, number, string]>([
    ['en', 0, '0 tankers offered today'],
    ['en', 1, '1 tanker offered today'],
    ['en', 2, '2 tankers offered today'],
    ['fr', 0, "0 camion-citerne proposé aujourd'hui"],
    ['fr', 1, "1 camion-citerne proposé aujourd'hui"],
    ['fr', 2, "2 camions-citernes proposés aujourd'hui"],
    ['fr', 1200, "1 200 camions-citernes proposés aujourd'hui"],
  ])('%s: %d → "%s"', (lang, n, text) => {
    expect(plain(inLang(lang, () => tCount('hud.entry.offered', n)))).toBe(text);
  });

  it('an arrival: the tankers and the litres agree each with its own number', () => {
    expect(plain(inLang('fr', () => tCount('hud.news.arrivalBody', 1, 0, { litres: formatLitres(1_400_000) })))).toBe('1 camion-citerne déchargé : 1,4 million de litres.');
    expect(inLang('en', () => tCount('hud.news.arrivalBody', 30, 0, { litres: formatLitres(1_400_000) }))).toBe('30 tankers unloaded: 1.4 million L.');
  });
});

describe('names inside a sentence', () => {
  const ctx = shippedContext('bamako-2025');
  const blockade: NewsItem = { hour: 30, kind: 'blockade', facts: { corridor: 'senegal' } };

  it('French: no capital mid-sentence, "le blocus du corridor sénégalais"', () => {
    expect(inLang('fr', () => newsText(ctx, blockade).title)).toBe('Le groupe armé déclare le blocus du corridor sénégalais (Dakar–Kayes–Bamako, RN1)');
  });

  it('English: a name that begins with a proper noun keeps it', () => {
    expect(inLang('en', () => newsText(ctx, blockade).title)).toBe('The armed group declares a blockade of the Senegal corridor (Dakar–Kayes–Bamako, RN1)');
  });
});
