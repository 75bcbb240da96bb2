/**
 * The one place where state changes: `next = reduce(ctx, state, action)`. Illegal actions
 * never throw; they return the state unchanged but for `lastError`.
 */
import { Immer } from 'immer';
import type { LevelContext } from './context';
import { applyBlockadeMove } from './rules/blockade';
import { simError } from './rules/common';
import { formConvoy, haltConvoy, rerouteConvoy, resumeConvoy, turnBackConvoy } from './rules/convoys';
import { tick } from './rules/days';
import { orderUnit } from './rules/forces';
import { setPlan } from './rules/fuel';
import { enactPolicy, revokePolicy } from './rules/policies';
import type { Action, GameState, SimError } from './state';

// Freezing every new state made small edits of a large state many times slower; the core
// never mutates a state it was given, and tests check that property.
const immer = new Immer({ autoFreeze: false });

function apply(ctx: LevelContext, d: GameState, action: Action): SimError | undefined {
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
      return applyBlockadeMove(ctx, d, action);
    default: {
      const unknown: never = action;
      return simError(String((unknown as { type?: unknown }).type), 'unknown-action', 'not an action this game knows');
    }
  }
}

export function reduce(ctx: LevelContext, state: GameState, action: Action): GameState {
  const type = typeof action === 'object' && action !== null ? String(action.type) : String(action);
  if (typeof action !== 'object' || action === null) return withError(state, simError(type, 'bad-action', 'an action is an object with a type'));
  if (state.status !== 'playing') return withError(state, simError(type, 'game-over', `the game has ended (${state.status})`));
  let error: SimError | undefined;
  let next: GameState;
  try {
    next = immer.produce(state, (draft) => {
      error = apply(ctx, draft, action);
      if (!error && draft.lastError !== null) draft.lastError = null;
    });
  } catch (e) {
    // A safety net for input from outside (a hand-edited result file); the property tests
    // require that no action ever reaches it.
    error = simError(type, 'internal', e instanceof Error ? e.message : 'malformed action');
    return withError(state, error);
  }
  return error ? withError(state, error) : next;
}

function withError(state: GameState, error: SimError): GameState {
  return { ...state, lastError: error };
}
