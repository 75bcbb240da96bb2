/** Checks on the reasons parsers give, shared by the tests of every parser. */
import { expect } from 'vitest';
import { reasonText } from '../src/app/i18n';
import type { Reason } from '../src/sim/reason';

/** A reason the reader can read: words in English and in French, every placeholder filled, no catalog key left. */
export function expectClear(reason: Reason): void {
  for (const lang of ['en', 'fr'] as const) {
    const text = reasonText(reason, lang);
    expect(text.length, lang).toBeGreaterThan(3);
    expect(text, lang).not.toMatch(/\{\w+\}|reason\./);
  }
}

/** The reason in English, as the CLIs print it. */
export const english = (reason: Reason): string => reasonText(reason, 'en');
/** The reason in French, with no-break spaces as plain ones (easier to write in a test). */
export const french = (reason: Reason): string => reasonText(reason, 'fr').replace(/[\u00a0\u202f]/g, ' ');
