/**
 * levels:check warns (without failing) about numbers far from what 2025 Mali saw and about
 * random events that can never fire: typos and unit mistakes, named at their line.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLevel } from '../../src/levels/parse';

const mini = JSON.parse(readFileSync(new URL('./fixtures/mini.json', import.meta.url), 'utf8')) as Record<string, unknown> & {
  roads: { km: number }[];
  randomEvents?: unknown[];
  economy: { pumpPriceCfa: number };
  depot: { stockL: number };
  days: number;
};

function warningsOf(edit: (level: typeof mini) => void): string[] {
  const level = structuredClone(mini);
  edit(level);
  const result = parseLevel(JSON.stringify(level, null, 2), 'mini.json');
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.warnings.map((w) => `${w.path}: ${w.message}`);
}

const baseline = warningsOf(() => undefined);
const random = (over: Record<string, unknown>) => ({
  id: 'maybe',
  chance: 5,
  fromDay: 1,
  title: { en: 'A rumour', fr: 'Une rumeur' },
  body: { en: 'Something happens in the game.', fr: 'Il se passe quelque chose dans le jeu.' },
  ...over,
});

describe('warnings about unlikely numbers and events that never fire', () => {
  it.each<[string, (l: typeof mini) => void, RegExp]>([
    ['a tanker counted in the wrong unit', (l) => void (l.tankerL = 4600), /^tankerL: a tanker of 4600 L/],
    ['a pump price in the wrong unit', (l) => void (l.economy.pumpPriceCfa = 7), /^economy\.pumpPriceCfa: a pump price of 7 CFA\/L/],
    ['a depot that holds months of fuel', (l) => void (l.depot.stockL = 1_000_000_000 / 10), /^depot\.stockL: the depot holds \d+ days/],
    ['a road shorter than the straight line', (l) => void (l.roads[0]!.km = 1), /^roads\[0\]\.km: road ".+" is 1 km, shorter than the \d+ km straight line/],
    ['a random event with no chance', (l) => void (l.randomEvents = [random({ chance: 0 })]), /^randomEvents\[0\]\.chance: random event "maybe" has a chance of 0/],
  ])('%s', (_what, edit, expected) => {
    const added = warningsOf(edit).filter((w) => !baseline.includes(w));
    expect(added.some((w) => expected.test(w)), added.join('\n')).toBe(true);
  });

  it('stay quiet on the shipped-like fixture', () => {
    expect(baseline.filter((w) => /far from|shorter than|never fires|days of the city/.test(w))).toEqual([]);
  });
});
