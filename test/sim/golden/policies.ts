/** The coordinators and the seed of the golden games (see make-golden.ts). */
export const GOLDEN_POLICIES = ['idle', 'baseline', 'expert', 'random'] as const;
export const GOLDEN_SEED = 7;
