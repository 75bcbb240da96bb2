/**
 * The coordinator API: how a player is written as code, for headless games and the strategy
 * lab (`npm run balance -- --policy <name|path>`, documented in docs/coordinators.md). A
 * coordinator is called every game hour with what the player sees and the level, and
 * returns the commands it gives that hour. The shipped players (src/ai/players.ts,
 * expert.ts, exploits.ts) use exactly this API.
 */
import type { Immutable } from 'immer';
import type { LevelContext } from '../sim/context';
import type { GameState, PlayerAction } from '../sim/state';

/**
 * What a player sees: the city, the depot and the plan, the borders, their own convoys and
 * units, the rural towns, intel reports, policies, the news and the days gone by. Never the
 * armed cells, their threats, what their informants saw, nor the random generator.
 */
export type PlayerView = Immutable<
  Pick<
    GameState,
    | 'levelId'
    | 'seed'
    | 'difficulty'
    | 'hour'
    | 'status'
    | 'fuel'
    | 'plan'
    | 'services'
    | 'city'
    | 'trustWhy'
    | 'entries'
    | 'blockaded'
    | 'convoys'
    | 'pastConvoys'
    | 'convoysFormed'
    | 'units'
    | 'towns'
    | 'intel'
    | 'policies'
    | 'news'
    | 'history'
    | 'metrics'
  >
>;

/** The commands a coordinator gives this hour (often none). Pure: the same view, the same commands. */
export type Coordinator = (view: PlayerView, level: LevelContext) => readonly PlayerAction[];

export function playerView(state: Immutable<GameState>): PlayerView {
  return {
    levelId: state.levelId,
    seed: state.seed,
    difficulty: state.difficulty,
    hour: state.hour,
    status: state.status,
    fuel: state.fuel,
    plan: state.plan,
    services: state.services,
    city: state.city,
    trustWhy: state.trustWhy,
    entries: state.entries,
    blockaded: state.blockaded,
    convoys: state.convoys,
    pastConvoys: state.pastConvoys,
    convoysFormed: state.convoysFormed,
    units: state.units,
    towns: state.towns,
    intel: state.intel,
    policies: state.policies,
    news: state.news,
    history: state.history,
    metrics: state.metrics,
  };
}
