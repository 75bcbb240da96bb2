/**
 * The tutorial's steps and how each one knows it is done: by reading the game state and the
 * player's commands, never by a click on "Next" when there is something to do. Pure.
 */
import type { Immutable } from 'immer';
import { SECTORS } from '../../levels/constants';
import type { LevelContext } from '../../sim/context';
import { demandToday } from '../../sim/rules/fuel';
import type { Action, GameState } from '../../sim/state';
import type { TabId } from '../hud/hud';

export interface TutorialProgress {
  /** Panels the player has opened since the tutorial began. */
  tabsSeen: ReadonlySet<TabId>;
  /** Steps the player acknowledged with "Next" (reading steps only). */
  acknowledged: ReadonlySet<StepId>;
}

export type StepId = 'fuel' | 'plan' | 'convoy' | 'arrive' | 'policy' | 'news' | 'finish';

export interface Step {
  id: StepId;
  /** The HUD element to point at (`data-tut`). */
  target: string;
  /** The panel to open for it, if any. */
  tab?: TabId;
  /** A reading step: done when acknowledged. */
  reading?: boolean;
  done(ctx: LevelContext, state: Immutable<GameState>, log: readonly Action[], progress: TutorialProgress): boolean;
}

/** A plan below today's demand is in force. */
export function planIsRationed(ctx: LevelContext, state: Immutable<GameState>): boolean {
  const demand = demandToday(ctx, state);
  let planned = 0;
  let needed = 0;
  for (const s of SECTORS) {
    planned += Math.min(state.plan[s], demand[s]);
    needed += demand[s];
  }
  return planned < needed;
}

export const escortedConvoySent = (log: readonly Action[]): boolean => log.some((a) => a.type === 'convoy/form' && a.escort.length > 0);
export const unescortedConvoySent = (log: readonly Action[]): boolean => log.some((a) => a.type === 'convoy/form' && a.escort.length === 0);

export const STEPS: readonly Step[] = [
  { id: 'fuel', target: 'fuel', reading: true, done: (_c, _s, _l, p) => p.acknowledged.has('fuel') },
  { id: 'plan', target: 'plan', tab: 'city', done: (ctx, state, log) => planIsRationed(ctx, state) && log.some((a) => a.type === 'plan/set') },
  { id: 'convoy', target: 'planner', tab: 'convoys', done: (_c, _s, log) => escortedConvoySent(log) },
  { id: 'arrive', target: 'time', done: (_c, state) => state.metrics.tankersDelivered > 0 },
  { id: 'policy', target: 'policies', tab: 'policies', done: (_c, state) => state.policies.some((p) => p.status !== 'off') },
  { id: 'news', target: 'news', tab: 'news', done: (_c, _s, _l, p) => p.tabsSeen.has('news') && p.acknowledged.has('news') },
  { id: 'finish', target: 'morning', done: (_c, state) => state.status !== 'playing' },
];

/** The first step not yet done: steps done out of order are skipped over. */
export function currentStep(ctx: LevelContext, state: Immutable<GameState>, log: readonly Action[], progress: TutorialProgress): number {
  const i = STEPS.findIndex((step) => !step.done(ctx, state, log, progress));
  return i < 0 ? STEPS.length : i;
}
