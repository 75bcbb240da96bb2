import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const mini = readFileSync(new URL('../levels/fixtures/mini.json', import.meta.url), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'levels-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function levelFile(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** Runs the real CLI, as `npm run levels:check -- …` does, without npm's own output. */
function levelsCheck(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/levels-check.ts', ...args], { cwd: repo, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const STACK_FRAME = /^\s+at /m;

describe('npm run levels:check', () => {
  it('exits 0 and prints "ok <file>" for valid levels, warnings on stderr', () => {
    const valid = levelFile('valid.json', mini);
    const warnedText = mini.replace('"sources": ["ecofin-2025-10-27"],', '"sources": [],');
    const warned = levelFile('warned.json', warnedText);
    const eventLine = warnedText.slice(0, warnedText.indexOf('"id": "schools-close"')).split('\n').length - 1;
    const run = levelsCheck(valid, warned);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`ok ${valid}\nok ${warned}\n`);
    expect(run.stderr.trim().split('\n')).toEqual([
      `${warned}:19:5: sources[1]: warning: source "ecofin-2025-10-27" is not cited by any event`,
      `${warned}:${eventLine}:5: events[1]: warning: event "schools-close" cites no source; facts shown to students must point at an entry of "sources"`,
    ]);
  });

  it('exits 1 with one file:line:col: path: message line per problem, and no stack trace', () => {
    const valid = levelFile('still-valid.json', mini);
    const wrongType = levelFile('wrong-type.json', mini.replace('"km": 15', '"km": "15"'));
    const lateEvent = levelFile('late-event.json', mini.replace('"day": 15', '"day": 70'));
    const missing = join(dir, 'missing.json');
    const run = levelsCheck(wrongType, missing, valid, lateEvent);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(`ok ${valid}\n`);
    expect(run.stderr.trim().split('\n')).toEqual([
      `${wrongType}:40:66: roads[0].km: expected a number, got a string ("15")`,
      `${missing}: cannot read: no such file`,
      `${lateEvent}:83:14: events[1].day: event on day 70 but the level lasts 20 days`,
    ]);
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });

  it('exits 2 with a usage line when given no files or an unknown option', () => {
    for (const args of [[], ['--verbose', 'x.json']]) {
      const run = levelsCheck(...args);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^usage: npm run levels:check -- <level\.json>\.\.\.$/m);
      expect(run.stderr).not.toMatch(STACK_FRAME);
    }
  });
});
