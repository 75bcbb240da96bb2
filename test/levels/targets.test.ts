/**
 * The balance each level promises in its `balanceTargets`: the baseline coordinator plays
 * seeds 1..runs at every difficulty the level gives a band for, and the share of games it
 * holds must stay inside the band. Bands are set from 100-seed measures (`npm run balance`)
 * and are wide enough for the small sample played here, so a failure means the balance
 * moved, not bad luck: re-measure, then retune the level or the band on purpose.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { playMatch } from '../../src/ai/match';
import { checkTarget, describeTarget } from '../../src/levels/balance-targets';
import { parseLevel, type LevelProblem } from '../../src/levels/parse';
import type { Level } from '../../src/levels/schema';
import { buildContext } from '../../src/sim/context';
import { outcomeOf } from '../../src/sim/selectors';
import { DIFFICULTIES, type Difficulty } from '../../src/sim/state';

const LEVELS_DIR = new URL('../../levels/', import.meta.url);
const files = readdirSync(LEVELS_DIR)
  .filter((f) => f.endsWith('.json') && f !== 'schema.json')
  .sort();

function load(file: string, url = new URL(file, LEVELS_DIR)): Level {
  const result = parseLevel(readFileSync(url, 'utf8'), `levels/${file}`);
  if (!result.ok) throw new Error(`levels/${file} does not parse:\n${result.problems.map((p) => p.message).join('\n')}`);
  return result.value;
}

// The walk-through's level too: the guide promises that it keeps its targets as it stands.
const levels = [
  ...files.map((file) => ({ file, level: load(file) })),
  { file: 'walkthrough.json', level: load('walkthrough.json', new URL('../../docs/examples/walkthrough.json', import.meta.url)) },
];

describe('every shipped level states its balance targets', () => {
  it.each(levels.map(({ file, level }) => [file, level] as const))('%s', (_file, level) => {
    expect(level.balanceTargets, 'add "balanceTargets" measured with `npm run balance` (see docs/levels.md)').toBeDefined();
  });
});

/** Held games of the baseline coordinator over seeds 1..runs. */
function heldGames(level: Level, difficulty: Difficulty, runs: number): number {
  const ctx = buildContext(level);
  let held = 0;
  for (let seed = 1; seed <= runs; seed++) {
    if (outcomeOf(ctx, playMatch(ctx, { seed, difficulty, policy: 'baseline' }).state).outcome === 'held') held += 1;
  }
  return held;
}

const cases = levels.flatMap(({ file, level }) => {
  const targets = level.balanceTargets;
  if (targets === undefined) return [];
  return DIFFICULTIES.flatMap((difficulty) => {
    const band = targets[difficulty];
    return band === undefined ? [] : [{ name: `${level.id} on ${difficulty}`, file, level, difficulty, runs: targets.runs }];
  });
});

describe('the baseline coordinator holds each level as often as its balanceTargets say', () => {
  it.each(cases)('$name', ({ file, level, difficulty, runs }) => {
    // Judged as `npm run balance` judges it, so that the two never disagree.
    const check = checkTarget(level.balanceTargets, 'baseline', difficulty, heldGames(level, difficulty, runs), runs);
    expect(check, 'a case is made only for a declared band').toBeDefined();
    expect(
      check!.met,
      `${level.id} (levels/${file}): ${describeTarget(check!, 'baseline', difficulty)}; ` +
        `re-measure with \`npm run balance -- --level levels/${file} --runs 100 --difficulty ${difficulty}\``,
    ).toBe(true);
  });
});

describe('balanceTargets in a level file', () => {
  const base = readFileSync(new URL('tutorial.json', LEVELS_DIR), 'utf8');
  const withTargets = (targets: string): string => {
    const start = base.indexOf('  "balanceTargets"');
    if (start < 0) throw new Error('expected balanceTargets in levels/tutorial.json');
    return `${base.slice(0, start)}  "balanceTargets": ${targets}\n}\n`;
  };
  const problems = (text: string): LevelProblem[] => {
    const result = parseLevel(text, 'level.json');
    return result.ok ? result.warnings : result.problems;
  };
  const lineOf = (text: string, needle: string): number => text.slice(0, text.lastIndexOf(needle)).split('\n').length;

  it('reports an upside-down band at the band, with the fix', () => {
    const text = withTargets('{ "policy": "baseline", "runs": 12,\n    "easy": [0.9, 1],\n    "normal": [0.8, 0.3] }');
    expect(problems(text)).toEqual([
      {
        file: 'level.json',
        line: lineOf(text, '"normal"'),
        col: 15,
        path: 'balanceTargets.normal',
        message: 'the band [0.8, 0.3] is upside down: write the lowest held rate first, then the highest, like [0.3, 0.8]',
        severity: 'error',
      },
    ]);
  });

  it('rejects a rate outside 0–1, another policy and a band of three numbers, each at its place', () => {
    const text = withTargets('{ "policy": "expert", "runs": 12,\n    "easy": [0.9, 1.5],\n    "hard": [0, 0.1, 0.2] }');
    expect(problems(text).map(({ line, path, message }) => ({ line, path, message }))).toEqual([
      { line: lineOf(text, '"policy": "expert"'), path: 'balanceTargets.policy', message: 'expected one of "baseline", got "expert"' },
      { line: lineOf(text, '"easy"'), path: 'balanceTargets.easy[1]', message: 'must be at most 1, got 1.5' },
      { line: lineOf(text, '"hard"'), path: 'balanceTargets.hard', message: 'allows at most 2 items, got 3' },
    ]);
  });

  it('warns when no band is given', () => {
    const text = withTargets('{ "policy": "baseline", "runs": 12 }');
    expect(problems(text).map(({ path, message, severity }) => ({ path, message, severity }))).toEqual([
      { path: 'balanceTargets', message: 'balanceTargets sets no band: add "easy", "normal" or "hard", like "normal": [0.3, 0.85]', severity: 'warning' },
    ]);
  });
});
