/** The instructor's pages speak English and French in full: same keys, same placeholders, no key missing. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ai } from '../../src/strings/ai';
import { dashboard } from '../../src/strings/dashboard';
import { hudParts } from '../../src/strings/hud';
import { instructor } from '../../src/strings/instructor';

const all: Record<string, string> = { ...Object.assign({}, ...hudParts.map((p) => p.en)), ...ai.en, ...instructor.en, ...dashboard.en };
const sources = ['src/instructor', 'src/dashboard'].flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => join(dir, f)));
const html = ['instructor.html', 'dashboard.html'];

describe('the instructor’s and the dashboard’s strings', () => {
  it.each([
    ['instructor', instructor],
    ['dashboard', dashboard],
  ] as const)('%s: the same placeholders in English and French', (_name, part) => {
    const names = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
    for (const [key, text] of Object.entries(part.en)) expect(names((part.fr as Record<string, string>)[key] ?? ''), key).toEqual(names(text));
  });

  it('has every key the pages ask for', () => {
    const missing: string[] = [];
    for (const file of sources) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'((?:instructor|resultExport|dash)\.[\w.-]+)'/g)) if (!(m[1]! in all)) missing.push(`${file}: ${m[1]}`);
    }
    for (const file of html) {
      for (const m of readFileSync(file, 'utf8').matchAll(/data-i18n(?:-label)?="([\w.-]+)"/g)) if (!(m[1]! in all)) missing.push(`${file}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });

  it('names every blockade reason, outcome, difficulty, status and column the dashboard shows', () => {
    const reasons = Object.keys(ai.en).filter((k) => /^ai\.(ambush\.|checkpoint|attackTown|intimidate|declareBlockade|move$)/.test(k));
    expect(reasons.length).toBeGreaterThanOrEqual(7);
    for (const key of reasons) {
      expect(all, key).toHaveProperty([`dash.reason.${key}`]);
      expect(all, key).toHaveProperty([`dash.reasonShort.${key}`]);
    }
    for (const name of ['held', 'collapsed', 'playing']) expect(all).toHaveProperty([`dash.outcome.${name}`]);
    for (const name of ['easy', 'normal', 'hard']) expect(all).toHaveProperty([`dash.difficulty.${name}`]);
    for (const name of ['checking', 'verified', 'flagged']) expect(all).toHaveProperty([`dash.status.${name}`]);
    for (const name of ['unreadable', 'tooLarge', 'unknownLevel', 'brokenLevel', 'scenario', 'levelChanged', 'mismatch', 'duplicate']) expect(all).toHaveProperty([`dash.flag.${name}`]);
    const main = readFileSync('src/dashboard/main.ts', 'utf8');
    const columns = /const COLUMNS = \[([^\]]+)\]/.exec(main)![1]!.match(/'(\w+)'/g)!.map((c) => c.slice(1, -1));
    for (const c of columns) expect(all).toHaveProperty([`dash.col.${c}`]);
  });
});
