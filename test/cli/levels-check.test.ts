import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const mini = readFileSync(new URL('../levels/fixtures/mini.json', import.meta.url), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'levels-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A level file in a folder of its own, so that every one can be named after its id, as levels are. */
function levelFile(folder: string, text: string | Uint8Array, name = 'mini.json'): string {
  mkdirSync(join(dir, folder), { recursive: true });
  const file = join(dir, folder, name);
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
    const valid = levelFile('valid', mini);
    const warnedText = mini.replace('"sources": ["ecofin-2025-10-27"],', '"sources": [],');
    const warned = levelFile('warned', warnedText);
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
    const valid = levelFile('still-valid', mini);
    const wrongType = levelFile('wrong-type', mini.replace('"km": 15', '"km": "15"'));
    const lateEvent = levelFile('late-event', mini.replace('"day": 15', '"day": 70'));
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

  it('rejects a level whose id is not its file name: the game finds levels by id', () => {
    const renamed = levelFile('renamed', mini, 'my-level.json');
    const run = levelsCheck(renamed);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      `${renamed}:3:9: id: the id "mini" differs from the file name "my-level.json": the game finds a level by its id, so rename the file "mini.json" or set "id": "my-level"`,
    );
  });

  it('gives a file that is not UTF-8 one line at 1:1 with the fix, not a line with no position', () => {
    const utf16 = levelFile('utf16', Buffer.from(`\uFEFF${mini}`, 'utf16le'));
    const run = levelsCheck(utf16);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toMatch(new RegExp(`^${utf16.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:1: \\(root\\): the file is UTF-16 text \\(with a byte-order mark\\), not UTF-8; save it again as UTF-8`));
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('warns, at "days", when a coordinator who does nothing survives the level', () => {
    // A depot for 200 days of need: the city lives on it whatever the player does.
    const text = mini.replace('"stockL": 9000000', '"stockL": 500000000');
    const easy = levelFile('easy', text);
    const run = levelsCheck(easy);
    expect(run.status).toBe(0);
    const daysLine = text.slice(0, text.indexOf('"days"')).split('\n').length;
    expect(run.stderr).toContain(
      `${easy}:${daysLine}:11: days: warning: a coordinator who does nothing holds this level on easy (seeds 1, 2, 3): the player's decisions do not matter;`,
    );
    expect(levelsCheck(levelFile('hard', mini)).stderr).not.toContain('does nothing');
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
