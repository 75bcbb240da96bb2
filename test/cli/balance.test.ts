/**
 * `npm run balance` measures a level and holds it to its word: when the level declares a
 * band for the policy and difficulty played, a rate outside it exits 1, naming the band
 * and the rate; a rate inside it, or no band to check, exits 0.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkTarget, describeTarget } from '../../src/levels/balance-targets';

const repo = fileURLToPath(new URL('../../', import.meta.url));
// The walk-through level (7 days), with bands chosen so that the test does not depend on
// how well the baseline plays it: with 3 games the rate is 0, 1/3, 2/3 or 1, never 0.5.
const walkthrough = readFileSync(new URL('../../docs/examples/walkthrough.json', import.meta.url), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'balance-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function withNormalBand(band: string): string {
  const file = join(dir, `walkthrough-${band.replace(/\D/g, '')}.json`);
  writeFileSync(file, walkthrough.replace('"normal": [0.9, 1]', `"normal": ${band}`));
  return file;
}

function balance(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/balance.ts', ...args], { cwd: repo, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run balance and balanceTargets', () => {
  it('exits 1 when the measured rate leaves the declared band, naming both', () => {
    const file = withNormalBand('[0.5, 0.5]');
    const run = balance('--level', file, '--runs', '3', '--difficulty', 'normal');
    expect(run.status).toBe(1);
    const { heldRate } = JSON.parse(run.stdout) as { heldRate: number };
    expect(JSON.parse(run.stdout)).toMatchObject({ target: { band: [0.5, 0.5], met: false } });
    const held = Math.round(heldRate * 3);
    expect(run.stderr.trim()).toBe(
      `balance: ${file}: the baseline coordinator held ${held} of 3 games (rate ${Math.round((held / 3) * 1000) / 1000}) on normal, outside the band [0.5, 0.5] of balanceTargets.normal`,
    );
  });

  it('exits 0 when the rate is inside the band, and when the level declares no band for what was played', () => {
    const inside = balance('--level', withNormalBand('[0, 1]'), '--runs', '3', '--difficulty', 'normal');
    expect(inside.status).toBe(0);
    expect(JSON.parse(inside.stdout)).toMatchObject({ target: { band: [0, 1], met: true } });
    // The targets are the baseline's: an idle player's rate is measured, not judged.
    const idle = balance('--level', withNormalBand('[0.5, 0.5]'), '--runs', '2', '--difficulty', 'normal', '--policy', 'idle');
    expect(idle.status).toBe(0);
    expect(JSON.parse(idle.stdout)).not.toHaveProperty('target');
  });
});

describe('checkTarget', () => {
  const targets = { policy: 'baseline' as const, runs: 12, normal: [0.25, 0.5] as [number, number] };

  it('compares the exact fraction with the band: 3 of 12 is 0.25, inside; 7 of 12 is 0.583, outside', () => {
    expect(checkTarget(targets, 'baseline', 'normal', 3, 12)?.met).toBe(true);
    const over = checkTarget(targets, 'baseline', 'normal', 7, 12)!;
    expect(over).toMatchObject({ met: false, rate: 0.583, path: 'balanceTargets.normal' });
    expect(describeTarget(over, 'baseline', 'normal')).toBe('the baseline coordinator held 7 of 12 games (rate 0.583) on normal, outside the band [0.25, 0.5] of balanceTargets.normal');
  });

  it('has nothing to check for another policy, a difficulty without a band, or no targets', () => {
    expect(checkTarget(targets, 'expert', 'normal', 12, 12)).toBeUndefined();
    expect(checkTarget(targets, 'baseline', 'hard', 12, 12)).toBeUndefined();
    expect(checkTarget(undefined, 'baseline', 'normal', 12, 12)).toBeUndefined();
  });
});
