/**
 * `npm run bench`: performance figures as JSON. Timings on shared machines are noisy, so
 * each figure is a median over many runs after a warm-up, and comparisons are made as
 * ratios within one run.
 */
import { playMatch } from '../ai/match';
import type { PlayerPolicyName } from '../ai/players';
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
  return { runs: outcomes.length, threads: availableParallelism(), seconds, budgetSeconds: 60, withinBudget: seconds < 60 };
}

runCli(async () => {
  let only: ReturnType<typeof parseOnly>;
  try {
    only = parseOnly(process.argv.slice(2));
  } catch (error) {
    throw usageError((error as Error).message, 'usage: npm run bench [-- --sim-only | --only startup,frames,memory,lighthouse,dashboard]');
  }
  // `--only` picks browser figures: the simulation's are skipped then.
  if (only) {
    process.stdout.write(`${JSON.stringify(await benchWeb({ only }), null, 2)}\n`);
    return;
  }
  const level = loadLevel('levels/bamako-2025.json');
  const ctx = buildContext(level, 60);
  const campaign = (policy: PlayerPolicyName) => (seed: number) => void playMatch(ctx, { seed, difficulty: 'normal', policy });
  const runs = 30;
  const baseline = timeRuns(campaign('baseline'), runs);
  // A 60-day campaign that lasts 60 days: the idle city collapses early, so time the clock alone too.
  const figures = {
    sim: {
      method: `bamako-2025 forced to 60 days, normal difficulty, blockade AI + baseline coordinator, seeds 1..${runs} after 5 warm-up runs, one process, NODE_ENV=${process.env.NODE_ENV ?? 'unset'}`,
      campaign60Days: baseline,
      budgetMs: 100,
      withinBudget: baseline.medianMs <= 100,
      idleCampaign: timeRuns(campaign('idle'), runs),
      node: process.version,
    },
    balanceRuns: await thousandRuns(level),
    ...(process.argv.includes('--sim-only') ? {} : await benchWeb()),
  };
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
});
