/**
 * Languages: English and French (Mali's official working language). Every string shown to
 * players lives in a catalog; numbers, dates and money go through Intl.
 */
import { addStrings, catalogs } from '../ui/strings';

export { addStrings };

export type Lang = 'en' | 'fr';
export const LANGS: readonly Lang[] = ['en', 'fr'];
export type Params = Record<string, string | number>;

let current: Lang = 'en';

export function setLang(lang: Lang): void {
  current = lang;
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

export const lang = (): Lang => current;

/** The string for `key` in the current language, with `{name}` placeholders filled in. */
export function t(key: string, params: Params = {}): string {
  const text = catalogs[current][key] ?? catalogs.en[key];
  if (text === undefined) return key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : typeof value === 'number' ? formatNumber(value) : value;
  });
}

/** Level text objects carry both languages. */
export const pick = (text: { en: string; fr: string }): string => text[current];

const locale = (): string => (current === 'fr' ? 'fr-FR' : 'en-GB');

export function formatNumber(value: number, digits = 0): string {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(value);
}

export function formatLitres(litres: number): string {
  if (Math.abs(litres) >= 1_000_000) return t('unit.millionLitres', { n: formatNumber(litres / 1_000_000, 1) });
  return t('unit.litres', { n: formatNumber(litres) });
}

export function formatCfa(amount: number): string {
  return new Intl.NumberFormat(locale(), { style: 'currency', currency: 'XOF', maximumFractionDigits: 0 }).format(amount);
}

/** The calendar date of a game hour, given the level's first day. */
export function formatDate(startDate: string, hour: number, withHour = false): string {
  const start = Date.UTC(Number(startDate.slice(0, 4)), Number(startDate.slice(5, 7)) - 1, Number(startDate.slice(8, 10)));
  const date = new Date(start + Math.floor(hour / 24) * 86_400_000);
  const day = new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  return withHour ? `${day}, ${String(hour % 24).padStart(2, '0')}:00` : day;
}
