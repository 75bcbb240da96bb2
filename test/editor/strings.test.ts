/** The editor speaks English and French: the same keys and placeholders, and every key it asks for exists. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ITEM_LISTS } from '../../src/editor/model';
import { editor } from '../../src/strings/editor';

const names = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('editor strings', () => {
  it('has the same keys in English and French, all prefixed editor.', () => {
    expect(Object.keys(editor.fr).sort()).toEqual(Object.keys(editor.en).sort());
    for (const key of Object.keys(editor.en)) expect(key.startsWith('editor.')).toBe(true);
  });

  it('has the same placeholders in both languages', () => {
    for (const [key, text] of Object.entries(editor.en)) expect(names(text), key).toEqual(names((editor.fr as Record<string, string>)[key]!));
  });

  it('has every key the page and its code ask for', () => {
    const catalog = editor.en as Record<string, string>;
    const sources = [...readdirSync('src/editor').filter((f) => f.endsWith('.ts')).map((f) => readFileSync(`src/editor/${f}`, 'utf8')), readFileSync('editor.html', 'utf8')];
    const missing: string[] = [];
    for (const source of sources) {
      // A count's key (tn) names a pair: `key.one` and `key.other`.
      const known = (key: string): boolean => key in catalog || (`${key}.one` in catalog && `${key}.other` in catalog);
      for (const m of source.matchAll(/['"](editor\.[\w.-]+)['"]/g)) if (!known(m[1]!)) missing.push(m[1]!);
    }
    const families = [
      ...ITEM_LISTS.flatMap((list) => [`editor.list.${list}`, `editor.kind.${list}`, `editor.add.${list}`]),
      ...['select', 'town', 'entry', 'road'].flatMap((tool) => [`editor.tool.${tool}`, `editor.tool.${tool}.hint`]),
      ...['easy', 'normal', 'hard'].map((d) => `editor.${d}`),
    ];
    for (const key of families) if (!(key in catalog)) missing.push(key);
    expect(missing).toEqual([]);
  });
});
