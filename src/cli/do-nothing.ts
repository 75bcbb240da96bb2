/**
 * A level must ask for decisions: a coordinator who does nothing should see the city
 * collapse before the last day. `levels:check` warns when it does not, and the shipped
 * levels' test fails; both ask here, so they judge a level the same way.
 */
import { playMatch } from '../ai/match';
import type { Level } from '../levels/schema';
import { buildContext } from '../sim/context';
import { outcomeOf, type Outcome } from '../sim/selectors';
import type { Difficulty } from '../sim/state';

export interface IdleGame {
  difficulty: Difficulty;
  seed: number;
  outcome: Outcome['outcome'];
  daysSurvived: number;
}

/** The seeded games in which the `idle` coordinator reaches the level's last day. */
export function gamesAnIdlePlayerSurvives(level: Level, difficulties: readonly Difficulty[], seeds: readonly number[]): IdleGame[] {
  const ctx = buildContext(level);
  return difficulties.flatMap((difficulty) =>
    seeds.flatMap((seed) => {
      const { outcome, daysSurvived } = outcomeOf(ctx, playMatch(ctx, { seed, difficulty, policy: 'idle' }).state);
      return outcome === 'collapsed' && daysSurvived < level.days ? [] : [{ difficulty, seed, outcome, daysSurvived }];
    }),
  );
}
