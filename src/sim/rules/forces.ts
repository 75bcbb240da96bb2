/**
 * Security forces: a small fixed pool of units that escort convoys, patrol a road or hold a
 * rural town. The dilemma the game teaches (GlobalSecurity, "Islamist Insurrection in
 * Mali"): every unit pulled to the roads leaves a rural town exposed.
 */
import type { Immutable } from 'immer';
import { REDEPLOY_HOURS, RETAKE_DAYS } from '../balance';
import type { LevelContext } from '../context';
import { garrisonStrength } from '../selectors';
import type { Action, GameState, RoadId, SimError, TownId } from '../state';
import { addTrust, pushNews, simError } from './common';

type OrderAction = Extract<Action, { type: 'unit/order' }>;

export function orderUnit(ctx: LevelContext, state: GameState, a: OrderAction): SimError | undefined {
  const unit = state.units.find((u) => u.id === a.unit);
  if (!unit) return simError(a.type, 'unknown-unit', `no unit ${String(a.unit)}`);
  if (unit.task.kind === 'escort') return simError(a.type, 'unit-busy', `${a.unit} is escorting a convoy until it ends its trip`);
  // Actions may come from a result file: check the task's shape, not just its type.
  const t = (typeof a.task === 'object' && a.task !== null ? a.task : {}) as { kind?: unknown; road?: unknown; town?: unknown };
  if (t.kind === 'idle') unit.task = { kind: 'idle' };
  else if (t.kind === 'patrol') {
    if (typeof t.road !== 'string' || !ctx.roads.has(t.road)) return simError(a.type, 'unknown-road', `no road ${String(t.road)}`);
    unit.task = { kind: 'patrol', road: t.road as RoadId };
  } else if (t.kind === 'garrison') {
    if (typeof t.town !== 'string' || !state.towns.some((r) => r.id === t.town)) {
      return simError(a.type, 'not-rural', `${String(t.town)} is not a rural town that can be garrisoned`);
    }
    unit.task = { kind: 'garrison', town: t.town as TownId };
  } else return simError(a.type, 'bad-task', 'a task is idle, patrol or garrison');
  unit.readyAt = state.hour + REDEPLOY_HOURS;
  return undefined;
}

/** Why a fallen town is not being retaken tonight (no garrison, one no stronger than its need, a cell inside), or null when it is. */
export function retakeBlocked(ctx: LevelContext, state: Immutable<GameState>, town: string): 'no-garrison' | 'too-weak' | 'cell-inside' | null {
  const garrison = garrisonStrength(state, town);
  if (garrison === 0) return 'no-garrison';
  if (garrison <= (ctx.towns.get(town)?.garrisonNeed ?? 0)) return 'too-weak';
  return state.cells.some((c) => c.town === town) ? 'cell-inside' : null;
}

/** Fallen towns come back when a garrison stronger than the town's need holds them for a few days. */
export function retakeTowns(ctx: LevelContext, state: GameState): void {
  for (const town of state.towns) {
    if (town.control !== 'fallen') continue;
    if (retakeBlocked(ctx, state, town.id) === null) {
      town.retake += 1;
      if (town.retake >= RETAKE_DAYS) {
        town.control = 'held';
        town.retake = 0;
        addTrust(state, 'towns', 2);
        pushNews(state, { kind: 'town', facts: { town: town.id, retaken: 1 } });
      }
    } else town.retake = 0;
  }
  const fallen = state.towns.filter((t) => t.control === 'fallen').length;
  // Each fallen town is a standing grievance, but the city feels them less than its own shortages.
  if (fallen > 0) addTrust(state, 'towns', -Math.min(2, Math.floor(fallen / 5)));
}
