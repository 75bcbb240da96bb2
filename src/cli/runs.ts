/** Many headless games at once: seeds are shared among worker threads, one per core. */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { playWith } from '../ai/match';
import { buildContext } from '../sim/context';
import { outcomeOf, type Outcome } from '../sim/selectors';
import { loadCoordinator } from './coordinators';
import type { Difficulty } from '../sim/state';
import type { Level } from '../levels/schema';

export interface RunsJob {
  level: Level;
  days?: number;
  /** A shipped coordinator's name, or the absolute path of a coordinator module. */
  policy: string;
  difficulty: Difficulty;
  seeds: number[];
}

export async function playSeeds(job: RunsJob): Promise<Outcome[]> {
  const ctx = buildContext(job.level, job.days);
  const coordinator = await loadCoordinator(job.policy);
  return job.seeds.map((seed) => outcomeOf(ctx, playWith(ctx, seed, job.difficulty, coordinator, false).state));
}

const WORKER = new URL('./runs-worker.ts', import.meta.url);

/** Plays seeds 1..runs on every core; outcomes come back in seed order. */
export async function playRuns(job: Omit<RunsJob, 'seeds'>, runs: number, threads = availableParallelism()): Promise<Outcome[]> {
  const seeds = Array.from({ length: runs }, (_, i) => i + 1);
  const count = Math.max(1, Math.min(threads, Math.ceil(runs / 10)));
  if (count === 1) return playSeeds({ ...job, seeds });
  const shares = Array.from({ length: count }, (_, w) => seeds.filter((_, i) => i % count === w));
  const results = await Promise.all(
    shares.map(
      (share) =>
        new Promise<Outcome[]>((resolve, reject) => {
          // The worker is TypeScript too: it registers tsx, as the command itself does, then loads the module.
          const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER.href)}); });`;
          const worker = new Worker(boot, { eval: true, workerData: { ...job, seeds: share } satisfies RunsJob });
          worker.once('message', resolve);
          worker.once('error', reject);
        }),
    ),
  );
  const out: Outcome[] = [];
  for (let i = 0; i < runs; i++) out.push(results[i % count]![Math.floor(i / count)]!);
  return out;
}

/** Held rate, mean score and mean days survived over many games. */
export function summariseRuns(outcomes: readonly Outcome[]): { runs: number; heldRate: number; meanScore: number; meanDaysSurvived: number } {
  const runs = outcomes.length;
  const mean = (f: (o: Outcome) => number): number => (runs === 0 ? 0 : Math.round((outcomes.reduce((s, o) => s + f(o), 0) / runs) * 100) / 100);
  return {
    runs,
    heldRate: mean((o) => (o.outcome === 'held' ? 1 : 0)),
    meanScore: mean((o) => o.score),
    meanDaysSurvived: mean((o) => o.daysSurvived),
  };
}
