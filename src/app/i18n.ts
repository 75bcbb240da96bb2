/**
 * Languages: English and French (Mali's official working language). Every string shown to
 * players lives in a catalog; numbers, dates and money go through Intl.
 */
import type { Reason } from '../sim/reason';
import { catalogs, isStringKey, type PluralKey, type StringKey } from '../strings';

export { addStrings, isStringKey, type PluralKey, type StringKey } from '../strings';

export type Lang = 'en' | 'fr';
export const LANGS: readonly Lang[] = ['en', 'fr'];
/** A number is written the language's way; a reason (why an input was refused) is said in words. */
export type Params = Record<string, string | number | Reason>;

let current: Lang = 'en';

export function setLang(lang: Lang): void {
  current = lang;
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

export const lang = (): Lang => current;

/** The string for `key` in the current language (or `language`), with `{name}` placeholders filled in. */
export function t(key: StringKey, params: Params = {}, language: Lang = current): string {
  const text = catalogs[language][key] ?? catalogs.en[key];
  if (text === undefined) return key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value, 0, language) : typeof value === 'string' ? value : reasonText(value, language);
  });
}

/** `key.one` or `key.other` by the language's plural rule for `n` (French: 0 and 1 are singular), `{n}` filled in. */
export function tn(key: PluralKey, n: number, params: Params = {}, language: Lang = current): string {
  const rules = formatter(`plural:${language}`, () => new Intl.PluralRules(locale(language)));
  return t(`${key}.${rules.select(n) === 'one' ? 'one' : 'other'}`, { n, ...params }, language);
}

/**
 * A count with its noun, agreed as the number is shown: `n` rounded to `digits` decimals, written
 * the language's way, and `key.one` or `key.other` chosen by the language's plural rule for that
 * shown number. French takes the singular below 2 ("0 jour", "1,5 jour", "1,4 million de
 * litres"); English only for exactly 1 ("1 day", "1.5 days").
 */
export function tCount(key: PluralKey, n: number, digits = 0, params: Params = {}, language: Lang = current): string {
  const scale = 10 ** digits;
  const shown = Math.round(n * scale) / scale;
  const rules = formatter(`plural:${language}`, () => new Intl.PluralRules(locale(language)));
  return t(`${key}.${rules.select(shown) === 'one' ? 'one' : 'other'}`, { ...params, n: formatNumber(shown, digits, language) }, language);
}

/** The string an HTML element names in its `data-i18n` attribute (a test checks that every page's names exist). */
export const pageText = (key: string | undefined): string => (key !== undefined && isStringKey(key) ? t(key) : (key ?? ''));

/** Why an input was refused, in words (`reason.<code>` in src/strings/reasons.ts); the CLIs ask for English. */
export function reasonText(reason: Reason, language: Lang = current): string {
  return t(`reason.${reason.code}`, reason.params, language);
}

/** Level text objects carry both languages. */
export const pick = (text: { en: string; fr: string }): string => text[current];

const locale = (language: Lang = current): string => (language === 'fr' ? 'fr-FR' : 'en-GB');

/**
 * Intl formatters, made once per language and options: making one costs far more than
 * using it (the HUD formats hundreds of numbers when it opens, and more every game hour).
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules | Intl.ListFormat>();
function formatter<F extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules | Intl.ListFormat>(key: string, make: () => F): F {
  let made = formatters.get(key) as F | undefined;
  if (!made) formatters.set(key, (made = make()));
  return made;
}

export function formatNumber(value: number, digits = 0, language: Lang = current): string {
  return formatter(`n:${language}:${digits}`, () => new Intl.NumberFormat(locale(language), { maximumFractionDigits: digits })).format(value);
}

/** "Convoy 4, Convoy 5 and Convoy 7", "Convoi 4, Convoi 5 et Convoi 7". */
export function formatList(items: readonly string[], language: Lang = current): string {
  return formatter(`list:${language}`, () => new Intl.ListFormat(locale(language), { style: 'long', type: 'conjunction' })).format(items);
}

/** A share in percent (0–100), e.g. "72 %" in French. */
export function formatPercent(value: number): string {
  return formatter(`pct:${current}`, () => new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 })).format(value / 100);
}

const regionNames = new Map<Lang, Intl.DisplayNames | null>();

/** A country's name in the interface language, from the browser's own data (no catalog to keep). */
export function countryName(code: string, fallback = code): string {
  if (!regionNames.has(current)) {
    try {
      regionNames.set(current, new Intl.DisplayNames([locale()], { type: 'region' }));
    } catch {
      regionNames.set(current, null);
    }
  }
  try {
    return regionNames.get(current)?.of(code) ?? fallback;
  } catch {
    return fallback;
  }
}

/** "920,000 L", "1.4 million L"; in French "920 000 L", "1,4 million de litres", "2 millions de litres". */
export function formatLitres(litres: number, language: Lang = current): string {
  if (Math.abs(litres) >= 1_000_000) return tCount('unit.millionLitres', litres / 1_000_000, 1, {}, language);
  return t('unit.litres', { n: formatNumber(litres, 0, language) }, language);
}

export function formatCfa(amount: number): string {
  return formatter(`cfa:${current}`, () => new Intl.NumberFormat(locale(), { style: 'currency', currency: 'XOF', maximumFractionDigits: 0 })).format(amount);
}

/** The calendar date of a game hour, given the level's first day. */
export function formatDate(startDate: string, hour: number, withHour = false): string {
  const start = Date.UTC(Number(startDate.slice(0, 4)), Number(startDate.slice(5, 7)) - 1, Number(startDate.slice(8, 10)));
  const date = new Date(start + Math.floor(hour / 24) * 86_400_000);
  const day = formatter(`date:${current}`, () => new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })).format(date);
  return withHour ? `${day}, ${String(hour % 24).padStart(2, '0')}:00` : day;
}
