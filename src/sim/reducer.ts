/**
 * The one place where state changes. Two ways to run the same rules:
 * - `reduce(ctx, state, action)` returns a new state and never touches its input (immer):
 *   the browser session, whose map and HUD find what changed by identity;
 * - `applyInPlace(ctx, state, action)` changes a state its caller owns: headless games
 *   (src/sim/fold.ts), where nobody keeps the old states and copies only cost time.
 * Both call `applyRules`, so there is one copy of every rule. The rules check before they
 * write, so an illegal action has changed nothing when its error comes back; a
 * differential property test holds the two paths to the same errors and hashes.
 * Illegal actions never throw; they leave the state unchanged but for `lastError`.
 */
import { freeze, Immer, type Immutable } from 'immer';
import type { LevelContext } from './context';
import { applyBlockadeMove } from './rules/blockade';
import { simError } from './rules/common';
import { formConvoy, haltConvoy, rerouteConvoy, resumeConvoy, turnBackConvoy } from './rules/convoys';
import { tick } from './rules/days';
import { orderUnit } from './rules/forces';
import { setPlan } from './rules/fuel';
import { enactPolicy, revokePolicy } from './rules/policies';
import type { Action, GameState, SimError } from './state';

export type { Immutable } from 'immer';

// Freezing every new state made small edits of a large state many times slower in play;
// development and browser-test builds turn it on (`freezeStates`) so that a mutation
// outside the rules throws where tests see it.
const immer = new Immer({ autoFreeze: false });

let freezing = false;

/** Freeze every state the reducer returns from now on (development and e2e builds). */
export function freezeStates(on: boolean): void {
  freezing = on;
  immer.setAutoFreeze(on);
}

/** A state the immutable path starts from: frozen too, when states are frozen. */
export function sealed<T extends object>(state: T): Immutable<T> {
  return (freezing ? freeze(state, true) : state) as Immutable<T>;
}

function applyRules(ctx: LevelContext, d: GameState, action: Action): SimError | undefined {
  switch (action.type) {
    case 'tick':
      tick(ctx, d);
      return undefined;
    case 'plan/set':
      return setPlan(d, action.plan);
    case 'convoy/form':
      return formConvoy(ctx, d, action);
    case 'convoy/halt':
      return haltConvoy(d, action.convoy);
    case 'convoy/resume':
      return resumeConvoy(d, action.convoy);
    case 'convoy/turnBack':
      return turnBackConvoy(ctx, d, action.convoy);
    case 'convoy/reroute':
      return rerouteConvoy(ctx, d, action.convoy, action.route);
    case 'unit/order':
      return orderUnit(ctx, d, action);
    case 'policy/enact':
      return enactPolicy(ctx, d, action.policy);
    case 'policy/revoke':
      return revokePolicy(ctx, d, action.policy);
    case 'ai/move':
    case 'ai/ambush':
    case 'ai/checkpoint':
    case 'ai/intimidate':
    case 'ai/attackTown':
    case 'ai/declareBlockade':
    case 'ai/raidBorder':
      return applyBlockadeMove(ctx, d, action);
    default: {
      const unknown: never = action;
      return simError(String((unknown as { type?: unknown }).type), 'unknown-action', 'not an action this game knows');
    }
  }
}

/** Why an action cannot even be tried on this state, before any rule runs. */
function refusal(state: Immutable<GameState>, action: unknown): SimError | undefined {
  if (typeof action !== 'object' || action === null) return simError(String(action), 'bad-action', 'an action is an object with a type');
  const type = String((action as { type?: unknown }).type);
  if (state.status !== 'playing') return simError(type, 'game-over', `the game has ended (${state.status})`);
  return undefined;
}

const internal = (action: Action, e: unknown): SimError =>
  simError(String((action as { type?: unknown }).type), 'internal', e instanceof Error ? e.message : 'malformed action');

export function reduce(ctx: LevelContext, state: Immutable<GameState>, action: Action): Immutable<GameState> {
  const refused = refusal(state, action);
  if (refused) return withError(state, refused);
  let error: SimError | undefined;
  let next: Immutable<GameState>;
  try {
    next = immer.produce(state, (draft) => {
      error = applyRules(ctx, draft, action);
      if (!error && draft.lastError !== null) draft.lastError = null;
    });
  } catch (e) {
    // A safety net for input from outside (a hand-edited result file); the property tests
    // require that no action ever reaches it.
    return withError(state, internal(action, e));
  }
  return error ? withError(state, error) : next;
}

/**
 * The same rules, applied to `state` itself. Only for a state the caller owns and nobody
 * else reads. Returns the error, which is also left in `state.lastError`. An action that
 * throws (never one the game makes; see the property tests) may leave the state half
 * changed: the caller must stop using it.
 */
export function applyInPlace(ctx: LevelContext, state: GameState, action: Action): SimError | undefined {
  let error = refusal(state, action);
  if (!error) {
    try {
      error = applyRules(ctx, state, action);
    } catch (e) {
      error = internal(action, e);
    }
  }
  state.lastError = error ?? null;
  return error;
}

function withError(state: Immutable<GameState>, error: SimError): Immutable<GameState> {
  return { ...state, lastError: error };
}
