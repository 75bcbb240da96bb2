import type { Outcome } from '../sim/selectors';

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
