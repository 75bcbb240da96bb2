/**
 * When the armed group may strike, and how long its threats take: nothing strikes before
 * GRACE_HOURS; an ambush or a checkpoint is active after its set-up (THREAT_SETUP_HOURS,
 * THREAT_SETUP_HOURS_NEAR_FALLEN next to a town the group holds, or later when timed),
 * and an ambush then waits AMBUSH_HOURS for a convoy.
 */
import type { Immutable } from 'immer';
import { describe, expect, it } from 'vitest';
import {
  AMBUSH_HOURS,
  CHECKPOINT_HOURS,
  GRACE_HOURS,
  HOURS_PER_DAY,
  THREAT_MAX_EXTRA_DELAY,
  THREAT_SETUP_HOURS,
  THREAT_SETUP_HOURS_NEAR_FALLEN,
} from '../../src/sim/balance';
import { reduce } from '../../src/sim/reducer';
import { setupHours } from '../../src/sim/rules/blockade';
import type { Action, AiAction, GameState } from '../../src/sim/state';
import { REASON, SENEGAL_ROUTE, cellOf, id, makeCtx, mutableCopy, pastOf, run, start, tickUntil, toHour, townOf, withoutError } from './fixture';

const quiet = makeCtx({ events: [] });
const at = (hour: number, seed = 1): Immutable<GameState> => toHour(quiet, start(seed, 'normal', quiet).state, hour);
const threat = (kind: 'ambush' | 'checkpoint', road: string, delay?: number, cell = 'cell-1'): AiAction => ({
  type: kind === 'ambush' ? 'ai/ambush' : 'ai/checkpoint',
  cell: id.cell(cell),
  road: id.road(road),
  reason: REASON,
  ...(delay === undefined ? {} : { delay }),
});
const attackTown = (cell: string, town: string): AiAction => ({ type: 'ai/attackTown', cell: id.cell(cell), town: id.town(town), reason: REASON });
const raid = (cell: string, entry: string): AiAction => ({ type: 'ai/raidBorder', cell: id.cell(cell), entry: id.entry(entry), reason: REASON });
/** Kati in the group's hands: the roads into it are "near held ground". */
const katiFallen = (s: Immutable<GameState>): Immutable<GameState> => {
  const c = mutableCopy(s);
  townOf(c, 'kati').control = 'fallen';
  return c;
};
const lastThreat = (s: Immutable<GameState>) => s.threats[s.threats.length - 1]!;

describe(`grace: nothing strikes before GRACE_HOURS (${GRACE_HOURS} h)`, () => {
  // The first hour at which a threat with the usual set-up is active on the grace's end.
  const firstSetup = GRACE_HOURS - THREAT_SETUP_HOURS;
  it.each<[string, number, () => AiAction, 'accepted' | 'refused']>([
    ['an ambush set at hour 0', 0, () => threat('ambush', 'kita-kati'), 'refused'],
    ['a checkpoint set at hour 0', 0, () => threat('checkpoint', 'kita-kati'), 'refused'],
    ['an ambush that would be active an hour before the grace ends', firstSetup - 1, () => threat('ambush', 'kita-kati'), 'refused'],
    ['an ambush active the hour the grace ends', firstSetup, () => threat('ambush', 'kita-kati'), 'accepted'],
    ['a checkpoint active the hour the grace ends', firstSetup, () => threat('checkpoint', 'kita-kati'), 'accepted'],
    ['an ambush set at hour 0, timed for the hour the grace ends', 0, () => threat('ambush', 'kita-kati', GRACE_HOURS), 'accepted'],
    ['an ambush set at hour 0, timed an hour too early', 0, () => threat('ambush', 'kita-kati', GRACE_HOURS - 1), 'refused'],
    ['an attack on a town at hour 0', 0, () => attackTown('cell-1', 'kati'), 'refused'],
    ['an attack on a town an hour before the grace ends', GRACE_HOURS - 1, () => attackTown('cell-1', 'kati'), 'refused'],
    ['an attack on a town the hour the grace ends', GRACE_HOURS, () => attackTown('cell-1', 'kati'), 'accepted'],
    ['a raid on the tankers waiting at a border an hour before the grace ends', GRACE_HOURS - 1, () => raid('cell-1', 'kayes-gate'), 'refused'],
    ['a raid on the tankers waiting at a border the hour the grace ends', GRACE_HOURS, () => raid('cell-1', 'kayes-gate'), 'accepted'],
  ])('%s is %s', (_what, hour, make, verdict) => {
    const state = at(hour);
    const action = make();
    const next = reduce(quiet, state, action);
    if (verdict === 'accepted') {
      expect(next.lastError).toBeNull();
      expect(next.aiMoves).toHaveLength(state.aiMoves.length + 1);
      if (action.type === 'ai/ambush' || action.type === 'ai/checkpoint') expect(lastThreat(next).from).toBeGreaterThanOrEqual(GRACE_HOURS);
    } else {
      expect(next.lastError).toMatchObject({ code: 'too-early', action: action.type });
      expect(withoutError(next)).toEqual({ ...state, lastError: null });
    }
  });

  it('moves, intimidation and a declared blockade are not attacks: the grace does not hold them back', () => {
    const state = at(0);
    const moves: Action[] = [
      { type: 'ai/move', cell: id.cell('cell-2'), to: id.town('siguiri'), reason: REASON },
      { type: 'ai/intimidate', cell: id.cell('cell-1'), corridor: id.corridor('senegal'), reason: REASON },
    ];
    expect(run(quiet, state, moves).aiMoves).toHaveLength(2);
    expect(run(quiet, state, [{ type: 'ai/declareBlockade', cell: id.cell('cell-1'), corridor: id.corridor('senegal'), reason: REASON }]).blockaded).toEqual(['senegal']);
  });

  it('a convoy sent at once on the road a cell could reach first gets through the grace untouched, whatever the seed', () => {
    // The strongest the group can do: an ambush timed for the end of the grace. A convoy
    // formed at hour 0 has crossed that road by then.
    for (let seed = 1; seed <= 10; seed++) {
      let state = run(quiet, at(0, seed), [threat('ambush', 'kayes-kita', GRACE_HOURS)]);
      const convoy = state.nextId;
      state = run(quiet, state, [{ type: 'convoy/form', entry: id.entry('kayes-gate'), tankers: 5, route: SENEGAL_ROUTE, departAt: 0, escort: [] }]);
      state = tickUntil(quiet, state, (s) => s.convoys.length === 0, 2 * HOURS_PER_DAY);
      expect(pastOf(state, convoy)).toMatchObject({ status: 'arrived', tankers: 5 });
      expect(state.metrics.convoysAttacked).toBe(0);
    }
  });
});

describe('threat set-up times', () => {
  const base = GRACE_HOURS + 1;

  it.each([
    ['an ambush on an ordinary road', 'ambush', (s: Immutable<GameState>) => s, 'kita-kati', THREAT_SETUP_HOURS, AMBUSH_HOURS],
    ['a checkpoint on an ordinary road', 'checkpoint', (s: Immutable<GameState>) => s, 'kita-kati', THREAT_SETUP_HOURS, CHECKPOINT_HOURS],
    ['an ambush next to a town the group holds', 'ambush', katiFallen, 'kita-kati', THREAT_SETUP_HOURS_NEAR_FALLEN, AMBUSH_HOURS],
    ['a checkpoint next to a town the group holds', 'checkpoint', katiFallen, 'kita-kati', THREAT_SETUP_HOURS_NEAR_FALLEN, CHECKPOINT_HOURS],
    ['an ambush on a road that does not touch the fallen town', 'ambush', katiFallen, 'kita-bougouni', THREAT_SETUP_HOURS, AMBUSH_HOURS],
  ] as const)('%s is active after %s set-up hours by default, then lasts its duration', (_what, kind, setup, road, setupHoursExpected, lasts) => {
    const state = setup(at(base));
    expect(setupHours(state, quiet, road)).toBe(setupHoursExpected);
    const next = run(quiet, state, [threat(kind, road)]);
    expect(lastThreat(next)).toMatchObject({ kind, road, from: base + setupHoursExpected, until: base + setupHoursExpected + lasts });
    expect(cellOf(next, 'cell-1').readyAt).toBe(base + setupHoursExpected + lasts);
  });

  it('the group sets up faster near held ground (THREAT_SETUP_HOURS_NEAR_FALLEN < THREAT_SETUP_HOURS)', () => {
    expect(THREAT_SETUP_HOURS_NEAR_FALLEN).toBeLessThan(THREAT_SETUP_HOURS);
  });

  const maxDelay = THREAT_SETUP_HOURS + THREAT_MAX_EXTRA_DELAY;
  it.each<[string, (s: Immutable<GameState>) => Immutable<GameState>, number, 'accepted' | 'refused']>([
    ['the usual set-up', (s) => s, THREAT_SETUP_HOURS, 'accepted'],
    ['an hour less than the usual set-up', (s) => s, THREAT_SETUP_HOURS - 1, 'refused'],
    ['the short set-up, on an ordinary road', (s) => s, THREAT_SETUP_HOURS_NEAR_FALLEN, 'refused'],
    ['the short set-up, next to a fallen town', katiFallen, THREAT_SETUP_HOURS_NEAR_FALLEN, 'accepted'],
    ['an hour less than the short set-up, next to a fallen town', katiFallen, THREAT_SETUP_HOURS_NEAR_FALLEN - 1, 'refused'],
    ['the longest timing (THREAT_SETUP_HOURS + THREAT_MAX_EXTRA_DELAY)', (s) => s, maxDelay, 'accepted'],
    ['an hour beyond the longest timing', (s) => s, maxDelay + 1, 'refused'],
    ['an hour beyond the longest timing, next to a fallen town', katiFallen, maxDelay + 1, 'refused'],
    ['a fractional delay', (s) => s, THREAT_SETUP_HOURS + 0.5, 'refused'],
  ])('an ambush timed with %s is %s', (_what, setup, delay, verdict) => {
    const state = setup(at(base));
    const next = reduce(quiet, state, threat('ambush', 'kita-kati', delay));
    if (verdict === 'accepted') {
      expect(next.lastError).toBeNull();
      expect(lastThreat(next)).toMatchObject({ from: base + delay, until: base + delay + AMBUSH_HOURS });
    } else {
      expect(next.lastError).toMatchObject({ code: 'bad-delay' });
      expect(withoutError(next)).toEqual({ ...state, lastError: null });
    }
  });

  /** Whether a convoy leaving Kayes `offset` hours after the ambush on its first road is active gets hit. */
  function hitLeaving(offset: number): boolean {
    let state = run(quiet, at(base), [threat('ambush', 'kayes-kita')]);
    const { from } = lastThreat(state);
    state = toHour(quiet, state, from + offset);
    const convoy = state.nextId;
    state = run(quiet, state, [{ type: 'convoy/form', entry: id.entry('kayes-gate'), tankers: 10, route: SENEGAL_ROUTE, departAt: state.hour, escort: [] }]);
    state = tickUntil(quiet, state, (s) => !s.convoys.some((c) => c.id === convoy), 2 * HOURS_PER_DAY);
    return state.metrics.convoysAttacked > 0 && pastOf(state, convoy).tankers < 10;
  }
  it.each([
    [0, true],
    [AMBUSH_HOURS - 1, true],
    [AMBUSH_HOURS, false],
    [AMBUSH_HOURS + 5, false],
  ])('a convoy entering the road %i hours after the ambush is active: hit %s (it waits AMBUSH_HOURS)', (offset, hit) => {
    expect(hitLeaving(offset)).toBe(hit);
  });

  it('an ambush that met no convoy expires after AMBUSH_HOURS and frees its cell', () => {
    let state = run(quiet, at(base), [threat('ambush', 'kita-kati')]);
    const { until } = lastThreat(state);
    state = toHour(quiet, state, until);
    expect(state.threats).toEqual([]);
    expect(reduce(quiet, state, { type: 'ai/move', cell: id.cell('cell-1'), to: id.town('kati'), reason: REASON }).lastError).toBeNull();
  });
});
