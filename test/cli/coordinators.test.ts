/**
 * The strategy lab from the command line: `--policy` takes a coordinator module, as
 * docs/coordinators.md shows, and its worked example runs as written.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'coordinators-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(script: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], { cwd: repo, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('coordinator modules', () => {
  it('the worked example in docs/coordinators.md is docs/examples/coordinator.ts, line for line', () => {
    const doc = readFileSync(join(repo, 'docs/coordinators.md'), 'utf8');
    const file = readFileSync(join(repo, 'docs/examples/coordinator.ts'), 'utf8');
    const body = file.slice(file.indexOf('\n') + 1);
    expect(doc).toContain(`\`\`\`ts\n${body}\`\`\``);
  });

  it('npm run balance plays a coordinator module and prints its held rate', () => {
    const run = cli('balance', '--level', 'levels/tutorial.json', '--runs', '3', '--policy', 'docs/examples/coordinator.ts');
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ runs: 3, policy: expect.stringContaining('coordinator.ts') });
  });

  it('npm run sim plays one, and names it by its file in the result', () => {
    const run = cli('sim', '--level', 'levels/tutorial.json', '--seed', '2', '--json', '--policy', 'docs/examples/coordinator.ts');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ policy: 'coordinator.ts' });
  });

  it.each([
    ['a name that is neither shipped nor a file', ['--policy', 'genius'], 2, /--policy must be one of idle, baseline, expert, random, escort-all/],
    ['a missing module', ['--policy', 'nowhere/none.ts'], 1, /nowhere\/none\.ts: no such coordinator module/],
  ])('refuses %s with one line', (_what, args, status, message) => {
    const run = cli('balance', '--level', 'levels/tutorial.json', '--runs', '2', ...args);
    expect(run.status).toBe(status);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it('refuses a module that exports no coordinator, naming what to export', () => {
    const file = join(dir, 'empty.ts');
    writeFileSync(file, 'export const nothing = 1;\n');
    const run = cli('balance', '--level', 'levels/tutorial.json', '--runs', '2', '--policy', file);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/exports no coordinator/);
  });
});
