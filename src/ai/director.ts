/**
 * The pacing director: the blockade builds up (positions, checkpoints, pressure on drivers),
 * peaks (ambushes, attacks on towns), then relaxes, so the game has a rhythm and the
 * coordinator has room to recover. When the city is near breaking it eases off sooner.
 */
import type { AiMoveKind } from '../sim/state';

export type Phase = 'buildup' | 'peak' | 'relax';
export const PHASES: readonly Phase[] = ['buildup', 'peak', 'relax'];

/** Days of each phase in one cycle. */
const CYCLE: readonly Phase[] = ['buildup', 'buildup', 'buildup', 'buildup', 'peak', 'peak', 'peak', 'relax', 'relax', 'relax'];

/** Below this public trust the group eases off (it wants a city under pressure, not one in chaos): less mercy on hard. */
const MERCY_TRUST = { easy: 30, normal: 20, hard: 5 } as const;

export function phaseOf(day: number, publicTrust: number, difficulty: keyof typeof MERCY_TRUST = 'normal'): Phase {
  if (publicTrust < MERCY_TRUST[difficulty]) return 'relax';
  return CYCLE[(day - 1) % CYCLE.length] ?? 'buildup';
}

export type Choice = AiMoveKind | 'rest';

const WEIGHTS: Record<Phase, Record<Choice, number>> = {
  buildup: { ambush: 0.8, checkpoint: 1.2, move: 1.3, intimidate: 1.3, attackTown: 0.9, declareBlockade: 1.2, raidBorder: 0.8, rest: 1 },
  peak: { ambush: 1.4, checkpoint: 1, move: 0.8, intimidate: 0.8, attackTown: 1.3, declareBlockade: 1, raidBorder: 1.3, rest: 0 },
  relax: { ambush: 0.5, checkpoint: 0.5, move: 0.6, intimidate: 0.5, attackTown: 0.4, declareBlockade: 0.5, raidBorder: 0.5, rest: 1 },
};

/** How much a move of this kind is worth in this phase (a multiplier of its score). */
export const phaseWeight = (phase: Phase, choice: Choice): number => WEIGHTS[phase][choice];

/** The value of doing nothing this turn: high while relaxing, nil at the peak. */
export const REST_VALUE: Record<Phase, number> = { buildup: 1.2, peak: 0, relax: 4 };
