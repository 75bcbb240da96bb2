/**
 * `npm run bench`: performance figures as JSON. Timings on shared machines are noisy, so
 * each figure is a median over many runs after a warm-up, and comparisons are made as
 * ratios within one run.
 */
import { execFileSync } from 'node:child_process';
import { playMatch, replayMatch, type Match } from '../ai/match';
import type { Engine } from '../sim/fold';
import { buildContext } from '../sim/context';
import { availableParallelism } from 'node:os';
import type { Level } from '../levels/schema';
import { loadLevel, runCli, usageError } from './common';
import { playRuns } from './runs';
import { benchWeb, parseOnly } from './bench-web';

function timeRuns(run: (seed: number) => void, runs: number): { medianMs: number; p95Ms: number; meanMs: number } {
  for (let seed = 1000; seed < 1005; seed++) run(seed);
  const times: number[] = [];
  for (let seed = 1; seed <= runs; seed++) {
    const started = performance.now();
    run(seed);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return { medianMs: round(at(0.5)), p95Ms: round(at(0.95)), meanMs: round(times.reduce((a, b) => a + b, 0) / times.length) };
}

/** 1,000 seeded games of bamako-2025 (baseline, normal) on every core, as `npm run balance` plays them. */
async function thousandRuns(level: Level): Promise<Record<string, unknown>> {
  const started = performance.now();
  const outcomes = await playRuns({ level, policy: 'baseline', difficulty: 'normal' }, 1000);
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  return { runs: outcomes.length, threads: availableParallelism(), seconds, budgetSeconds: 12, withinBudget: seconds < 12 };
}

/** Median time of `run` over seeds 1..runs and its ratio to `reference` timed in the same loop (interleaved: one noisy moment hits both). */
function timePair(run: (seed: number) => void, reference: (seed: number) => void, runs: number) {
  for (let seed = 1000; seed < 1005; seed++) {
    run(seed);
    reference(seed);
  }
  const fast: number[] = [];
  const slow: number[] = [];
  for (let seed = 1; seed <= runs; seed++) {
    let started = performance.now();
    run(seed);
    fast.push(performance.now() - started);
    started = performance.now();
    reference(seed);
    slow.push(performance.now() - started);
  }
  const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
  const round = (x: number) => Math.round(x * 10) / 10;
  return { medianMs: round(median(fast)), referenceMedianMs: round(median(slow)), speedup: round(median(slow) / median(fast)) };
}

/** `npm run balance -- --runs 100` for one difficulty, as a user runs it: a new process, workers and all. */
function balanceCommand(): Record<string, unknown> {
  const started = performance.now();
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/balance.ts', '--level', 'levels/bamako-2025.json', '--runs', '100'], {
    env: { ...process.env, NODE_ENV: 'production' },
    encoding: 'utf8',
  });
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  const summary = JSON.parse(out) as { runs: number };
  return { runs: summary.runs, seconds, budgetSeconds: 8, withinBudget: seconds < 8 };
}

async function simFigures(level: Level): Promise<Record<string, unknown>> {
  const ctx = buildContext(level, 60);
  const runs = 30;
  const play = (engine: Engine, dailyHashes: boolean) => (seed: number) =>
    void playMatch(ctx, { seed, difficulty: 'normal', policy: 'baseline', engine, dailyHashes });
  const withHashes = timePair(play('fold', true), play('immutable', true), runs);
  const withoutHashes = timePair(play('fold', false), play('immutable', true), runs);
  // Replay of a whole 60-day result: the blockade recomputed, every daily hash taken.
  const logs = new Map<number, Match>();
  const logOf = (seed: number) => logs.get(seed) ?? logs.set(seed, playMatch(ctx, { seed, difficulty: 'normal', policy: 'baseline' })).get(seed)!;
  const replayWith = (engine: Engine) => (seed: number) => void replayMatch(ctx, seed, 'normal', logOf(seed).log, true, engine);
  for (let seed = 1; seed <= runs; seed++) logOf(seed);
  for (let seed = 1000; seed < 1005; seed++) logOf(seed);
  const replay = timePair(replayWith('fold'), replayWith('immutable'), runs);
  return {
    method: `bamako-2025 forced to 60 days, normal difficulty, blockade AI + baseline coordinator, seeds 1..${runs} after 5 warm-up runs, one process, NODE_ENV=${process.env.NODE_ENV ?? 'unset'}; the reference is the same game through the immutable reducer (immer), timed in the same loop`,
    campaign60Days: { ...withHashes, budgetMs: 25, withinBudget: withHashes.medianMs <= 25, speedupTarget: 4 },
    campaign60DaysNoDailyHashes: withoutHashes,
    replay60Days: { ...replay, speedupTarget: 4 },
    idleCampaign: timeRuns(play('fold', true), runs),
    node: process.version,
  };
}

runCli(async () => {
  let only: ReturnType<typeof parseOnly>;
  try {
    only = parseOnly(process.argv.slice(2));
  } catch (error) {
    throw usageError((error as Error).message, 'usage: npm run bench [-- --sim-only | --only startup,frames,memory,lighthouse]');
  }
  // `--only` picks browser figures: the simulation's are skipped then.
  if (only) {
    process.stdout.write(`${JSON.stringify(await benchWeb({ only }), null, 2)}\n`);
    return;
  }
  const level = loadLevel('levels/bamako-2025.json');
  const figures = {
    sim: await simFigures(level),
    balanceRuns: await thousandRuns(level),
    balanceCommand: balanceCommand(),
    ...(process.argv.includes('--sim-only') ? {} : await benchWeb()),
  };
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
});
