/**
 * The catalogs: the type checker holds French to English key by key and `t()` to keys that
 * exist (src/strings/part.ts); these checks cover what types cannot see: placeholders, keys
 * given twice by two parts, empty texts, and the keys the HTML pages name in `data-i18n`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isStringKey, addStrings } from '../../src/app/i18n';
import { catalogs, gameParts } from '../../src/strings';
import { dashboard } from '../../src/strings/dashboard';
import { editor } from '../../src/strings/editor';
import { hudParts } from '../../src/strings/hud';
import { instructor } from '../../src/strings/instructor';
import type { StringsPart } from '../../src/strings/part';

const parts: StringsPart[] = [...gameParts, instructor, dashboard, editor];
/** A parameter given in both languages (`corridorEn`, `corridorFr`) counts as one. */
const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!.replace(/(En|Fr)$/, '')).sort();

describe('string catalogs', () => {
  it('give every key once: no part overrides another’s string', () => {
    const seen = new Map<string, number>();
    parts.forEach((part, i) => {
      for (const key of Object.keys(part.en)) {
        expect(seen.get(key), key).toBeUndefined();
        seen.set(key, i);
      }
    });
  });

  it('have the same keys and placeholders in English and French, none empty', () => {
    for (const part of parts) {
      expect(Object.keys(part.fr).sort()).toEqual(Object.keys(part.en).sort());
      for (const [key, text] of Object.entries(part.en)) {
        expect(placeholders(part.fr[key]!), key).toEqual(placeholders(text));
        expect(text.trim(), key).not.toBe('');
        expect(part.fr[key]!.trim(), key).not.toBe('');
      }
    }
  });

  it('split the HUD by panel, each panel with its own keys under hud.', () => {
    expect(hudParts.length).toBeGreaterThanOrEqual(8);
    for (const part of hudParts) for (const key of Object.keys(part.en)) expect(key.startsWith('hud.'), key).toBe(true);
  });

  it('name every string the HTML pages ask for by data-i18n', () => {
    addStrings(instructor);
    addStrings(dashboard);
    addStrings(editor);
    const missing: string[] = [];
    for (const file of ['index.html', 'instructor.html', 'dashboard.html', 'editor.html']) {
      for (const m of readFileSync(file, 'utf8').matchAll(/data-i18n(?:-label)?="([^"]*)"/g)) if (!isStringKey(m[1]!)) missing.push(`${file}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
    expect(Object.keys(catalogs.en).length).toBe(parts.reduce((n, p) => n + Object.keys(p.en).length, 0));
  });
});
