import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sim-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(script: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], { cwd: repo, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const STACK_FRAME = /^\s+at /m;
const level = 'levels/bamako-2025.json';

describe('npm run sim and npm run replay', () => {
  const out = join(dir, 'result.json');
  const sim = cli('sim', '--level', level, '--seed', '4', '--days', '12', '--json', '--out', out);

  it('plays a level headless and prints the JSON summary', () => {
    expect(sim.status).toBe(0);
    const summary = JSON.parse(sim.stdout);
    expect(Object.keys(summary)).toEqual(['level', 'seed', 'difficulty', 'policy', 'outcome', 'score', 'metrics', 'days', 'finalStateHash', 'actions']);
    expect(summary).toMatchObject({ level: 'bamako-2025', seed: 4, difficulty: 'normal', policy: 'baseline' });
    expect(summary.finalStateHash).toMatch(/^[0-9a-f]{16}$/);
  });

  it('writes a result file that replay verifies, and flags tampered or truncated copies', () => {
    const summary = JSON.parse(sim.stdout);
    const ok = cli('replay', out);
    expect(ok).toMatchObject({ status: 0, stdout: `verified ${summary.finalStateHash}\n` });

    const result = JSON.parse(readFileSync(out, 'utf8'));
    const form = result.log.findIndex((a: { type: string }) => a.type === 'convoy/form');
    result.log[form].tankers -= 1;
    const tampered = join(dir, 'tampered.json');
    writeFileSync(tampered, JSON.stringify(result));
    const bad = cli('replay', tampered);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/not verified: day \d+: the state hash differs/);

    const truncated = join(dir, 'truncated.json');
    writeFileSync(truncated, readFileSync(out, 'utf8').slice(0, 500));
    const cut = cli('replay', truncated);
    expect(cut.status).toBe(1);
    expect(cut.stderr).toContain('not JSON');
    for (const run of [bad, cut]) expect(run.stderr).not.toMatch(STACK_FRAME);
  });

  it.each([
    [['--level', level, '--seed', 'abc'], '--seed must be a whole number'],
    [['--level', level, '--difficulty', 'brutal'], '--difficulty must be one of easy, normal, hard'],
    [['--level', level, '--policy', 'genius'], '--policy must be one of idle, baseline, expert, random, escort-all'],
    [['--seed', '1'], '--level is required'],
    [['--level', level, '--bogus'], "Unknown option '--bogus'"],
  ])('exits 2 with the usage line for bad arguments %j', (args, message) => {
    const run = cli('sim', ...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('usage: npm run sim');
  });

  it('exits 1 with a clear message for a missing or broken level file', () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"id": 3}\n');
    const missing = cli('sim', '--level', join(dir, 'nope.json'));
    const invalid = cli('sim', '--level', broken);
    expect(missing).toMatchObject({ status: 1 });
    expect(missing.stderr).toContain('cannot read');
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toContain(`${broken}:1:8: id: `);
    for (const run of [missing, invalid]) expect(run.stderr).not.toMatch(STACK_FRAME);
  });

  it('balance prints the held rate, mean score and mean days survived', () => {
    const run = cli('balance', '--level', 'levels/tutorial.json', '--runs', '3', '--policy', 'idle');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ runs: 3, heldRate: 0, policy: 'idle' });
  });
});
