import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogs } from '../../src/strings';
import { map } from '../../src/strings/map';

describe('map strings', () => {
  it('has the same keys in English and French, all prefixed by map., none empty', () => {
    expect(Object.keys(map.fr).sort()).toEqual(Object.keys(map.en).sort());
    for (const [key, text] of [...Object.entries(map.en), ...Object.entries(map.fr)]) {
      expect(key.startsWith('map.')).toBe(true);
      expect(text.trim()).not.toBe('');
    }
  });

  it('is registered with the other catalogs', () => {
    for (const [key, text] of Object.entries(map.en)) expect((catalogs.en as Record<string, string>)[key]).toBe(text);
  });

  it('has every key the map asks for', () => {
    const missing: string[] = [];
    for (const name of readdirSync('src/scenes')) {
      const source = readFileSync(join('src/scenes', name), 'utf8');
      for (const m of source.matchAll(/\bt\(\s*[`']((?:map)\.[\w.-]+)[`']/g)) if (!(m[1]! in map.en)) missing.push(`${name}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });
});
