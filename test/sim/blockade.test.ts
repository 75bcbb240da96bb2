import type { Immutable } from 'immer';
import { describe, expect, it } from 'vitest';
import { AMBUSH_HOURS, CELL_COOLDOWN_HOURS, CELL_SPEED_KMH, CHECKPOINT_HOURS, GRACE_HOURS, HOURS_PER_DAY, THREAT_SETUP_HOURS } from '../../src/sim/balance';
import { reduce } from '../../src/sim/reducer';
import type { AiAction, AiReason, GameState } from '../../src/sim/state';
import { REASON, cellOf, entryOf, id, makeCtx, run, start, ticks, toHour, townOf, withoutError, mutableCopy } from './fixture';

// cell-1 starts in Kita (roads to Kayes, Kati, Bougouni); cell-2 in Bougouni (roads to Kita, Siguiri, Bamako).
const quiet = makeCtx({ events: [] });
const because = (code: string): AiReason => ({ code, factors: [{ name: 'test', value: code.length }] });

const move = (cell: string, to: string, reason = REASON): AiAction => ({ type: 'ai/move', cell: id.cell(cell), to: id.town(to), reason });
const ambush = (cell: string, road: string, reason = REASON): AiAction => ({ type: 'ai/ambush', cell: id.cell(cell), road: id.road(road), reason });
const checkpoint = (cell: string, road: string, reason = REASON): AiAction => ({ type: 'ai/checkpoint', cell: id.cell(cell), road: id.road(road), reason });
const intimidate = (cell: string, corridor: string, reason = REASON): AiAction => ({ type: 'ai/intimidate', cell: id.cell(cell), corridor: id.corridor(corridor), reason });
const attackTown = (cell: string, town: string, reason = REASON): AiAction => ({ type: 'ai/attackTown', cell: id.cell(cell), town: id.town(town), reason });
const declare = (cell: string, corridor: string, reason = REASON): AiAction => ({ type: 'ai/declareBlockade', cell: id.cell(cell), corridor: id.corridor(corridor), reason });
/** The first hour at which anything may strike: threats and attacks wait out GRACE_HOURS. */
const afterGrace = (): Immutable<GameState> => toHour(quiet, start(1, 'normal', quiet).state, GRACE_HOURS);

describe('blockade moves: refusals', () => {
  const same = (s: Immutable<GameState>): Immutable<GameState> => s;
  const fallen = (s: Immutable<GameState>): Immutable<GameState> => {
    const c = mutableCopy(s);
    townOf(c, 'kati').control = 'fallen';
    return c;
  };
  it.each<[string, (s: Immutable<GameState>) => Immutable<GameState>, AiAction, string]>([
    ['a cell that does not exist', same, move('cell-9', 'kati'), 'unknown-cell'],
    ['a cell still resting after its last move', (s) => run(quiet, s, [intimidate('cell-1', 'senegal')]), move('cell-1', 'kati'), 'cell-busy'],
    ['a cell still on the move', (s) => run(quiet, s, [move('cell-1', 'kati')]), ambush('cell-1', 'kati-bamako'), 'cell-busy'],
    ['a move to a town with no road from the cell', same, move('cell-1', 'bamako'), 'not-adjacent'],
    ['an ambush on a road that does not touch the cell’s town', same, ambush('cell-1', 'bougouni-bamako'), 'not-adjacent'],
    ['a checkpoint on an unknown road', same, checkpoint('cell-1', 'kita-nioro'), 'not-adjacent'],
    ['an attack on a town out of reach', same, attackTown('cell-2', 'kati'), 'not-adjacent'],
    ['an attack on a town that is not rural', same, attackTown('cell-1', 'kita'), 'not-rural'],
    ['an attack on a town that has already fallen', fallen, attackTown('cell-1', 'kati'), 'already-fallen'],
    ['intimidation on a corridor the cell is not on', same, intimidate('cell-2', 'senegal'), 'not-on-corridor'],
    ['a blockade of an unknown corridor', same, declare('cell-1', 'niger'), 'unknown-corridor'],
    ['a blockade of a corridor the cell is not on', same, declare('cell-2', 'senegal'), 'not-on-corridor'],
    ['a blockade of a corridor already under blockade', (s) => run(quiet, s, [declare('cell-1', 'senegal')]), declare('cell-2', 'senegal'), 'already-blockaded'],
    ['an ambush on a road that already has a threat', (s) => run(quiet, s, [ambush('cell-1', 'kita-bougouni')]), checkpoint('cell-2', 'kita-bougouni'), 'road-taken'],
    ['a move with no reason', same, { type: 'ai/move', cell: id.cell('cell-1'), to: id.town('kati') } as unknown as AiAction, 'no-reason'],
    ['a move whose reason has no code', same, move('cell-1', 'kati', { factors: [] } as unknown as AiReason), 'no-reason'],
    ['a move whose reason has no factors', same, move('cell-1', 'kati', { code: 'x' } as unknown as AiReason), 'no-reason'],
  ])('%s is refused, changes nothing and is not recorded', (_what, setup, action, code) => {
    const state = setup(afterGrace());
    const next = reduce(quiet, state, action);
    expect(next.lastError).toMatchObject({ code, action: action.type });
    expect(withoutError(next)).toEqual({ ...state, lastError: null });
    expect(next.aiMoves).toBe(state.aiMoves);
  });
});

describe('cells on the move', () => {
  it.each([
    ['kita', 'kati'],
    ['kita', 'kayes'],
    ['kita', 'bougouni'],
  ])('a cell moving from %s to %s arrives after the road’s km at CELL_SPEED_KMH', (from, to) => {
    let state = toHour(quiet, start(1, 'normal', quiet).state, 7);
    expect(cellOf(state, 'cell-1').town).toBe(from);
    state = run(quiet, state, [move('cell-1', to)]);
    const road = [...quiet.roads.values()].find((r) => (r.from === from && r.to === to) || (r.from === to && r.to === from))!;
    expect(cellOf(state, 'cell-1')).toMatchObject({ town: to, readyAt: 7 + Math.ceil(road.km / CELL_SPEED_KMH) });
    // It can act again only once it has arrived.
    const early = reduce(quiet, ticks(quiet, state, cellOf(state, 'cell-1').readyAt - state.hour - 1), move('cell-1', from));
    expect(early.lastError?.code).toBe('cell-busy');
    const onTime = toHour(quiet, state, cellOf(state, 'cell-1').readyAt);
    expect(reduce(quiet, onTime, move('cell-1', from)).lastError).toBeNull();
  });
});

describe('threats', () => {
  it.each([
    ['an ambush', ambush, AMBUSH_HOURS],
    ['a checkpoint', checkpoint, CHECKPOINT_HOURS],
  ] as const)('%s is active THREAT_SETUP_HOURS after it is set, for its duration, then expires', (_what, make, lasts) => {
    const at = GRACE_HOURS + 2;
    let state = toHour(quiet, start(1, 'normal', quiet).state, at);
    state = run(quiet, state, [make('cell-1', 'kita-kati')]);
    expect(state.threats).toEqual([expect.objectContaining({ road: 'kita-kati', cell: 'cell-1', from: at + THREAT_SETUP_HOURS, until: at + THREAT_SETUP_HOURS + lasts })]);
    // The cell is tied to the threat for as long as it stands.
    expect(cellOf(state, 'cell-1').readyAt).toBe(at + THREAT_SETUP_HOURS + lasts);
    state = toHour(quiet, state, at + THREAT_SETUP_HOURS + lasts - 1);
    expect(state.threats).toHaveLength(1);
    state = ticks(quiet, state, 1);
    expect(state.threats).toEqual([]);
  });
});

describe('pressure on drivers', () => {
  it('declaring a blockade lowers driver morale on that corridor only, and costs trust', () => {
    const { state } = start(1, 'normal', quiet);
    const next = run(quiet, state, [declare('cell-1', 'senegal')]);
    expect(next.blockaded).toEqual(['senegal']);
    expect(entryOf(next, 'kayes-gate').morale).toBeLessThan(entryOf(state, 'kayes-gate').morale);
    expect(entryOf(next, 'siguiri-gate').morale).toBe(entryOf(state, 'siguiri-gate').morale);
    expect(next.city.pendingTrust.find((t) => t.cause === 'blockade')?.delta).toBeLessThan(0);
    expect(next.news.at(-1)).toMatchObject({ kind: 'blockade', facts: { corridor: 'senegal' } });
    expect(cellOf(next, 'cell-1').readyAt).toBe(CELL_COOLDOWN_HOURS);
  });

  it('a declared blockade keeps wearing morale down, day after day, compared with no blockade', () => {
    const { state } = start(1, 'normal', quiet);
    let blockaded = run(quiet, state, [declare('cell-1', 'senegal')]);
    let open = run(quiet, state, [intimidate('cell-1', 'senegal')]);
    // Same first blow (intimidation and the declaration both hit the corridor's morale); then compare drift.
    const gap = entryOf(open, 'kayes-gate').morale - entryOf(blockaded, 'kayes-gate').morale;
    for (let day = 1; day <= 5; day++) {
      blockaded = toHour(quiet, blockaded, day * HOURS_PER_DAY);
      open = toHour(quiet, open, day * HOURS_PER_DAY);
      expect(entryOf(blockaded, 'kayes-gate').morale).toBeLessThan(entryOf(open, 'kayes-gate').morale - gap);
    }
  });

  it('intimidating drivers lowers morale on that corridor only, and tomorrow’s offer with it', () => {
    const { state } = start(1, 'normal', quiet);
    const next = run(quiet, state, [intimidate('cell-1', 'senegal')]);
    expect(entryOf(next, 'kayes-gate').morale).toBeLessThan(entryOf(state, 'kayes-gate').morale);
    expect(entryOf(next, 'siguiri-gate').morale).toBe(entryOf(state, 'siguiri-gate').morale);
    expect(next.news.at(-1)).toMatchObject({ kind: 'intimidation', facts: { corridor: 'senegal' } });
    // Tankers not sent wait at the border, so compare with the same morning without the threat.
    const tomorrow = toHour(quiet, next, HOURS_PER_DAY);
    const untouched = toHour(quiet, state, HOURS_PER_DAY);
    expect(entryOf(tomorrow, 'kayes-gate').offered).toBeLessThan(entryOf(untouched, 'kayes-gate').offered);
  });
});

describe('the record of blockade moves', () => {
  it('every accepted move is recorded in aiMoves with its hour, kind, cell, target and reason', () => {
    const plan: [AiAction, string, string][] = [
      [ambush('cell-1', 'kayes-kita', because('habit')), 'ambush', 'kayes-kita'],
      [checkpoint('cell-2', 'bougouni-bamako', because('weak-escort')), 'checkpoint', 'bougouni-bamako'],
      [intimidate('cell-1', 'senegal', because('morale')), 'intimidate', 'senegal'],
      [attackTown('cell-2', 'bougouni', because('exposed')), 'attackTown', 'bougouni'],
      [declare('cell-1', 'guinea', because('pressure')), 'declareBlockade', 'guinea'],
      [move('cell-2', 'siguiri', because('regroup')), 'move', 'siguiri'],
    ];
    let state = toHour(quiet, start(1, 'normal', quiet).state, GRACE_HOURS + 3);
    const expected: unknown[] = [];
    for (const [action, kind, target] of plan) {
      // A busy cell is refused and leaves no record; once ready, the same move is accepted.
      if (state.hour < cellOf(state, action.cell).readyAt) {
        expect(reduce(quiet, state, action).lastError?.code).toBe('cell-busy');
        state = toHour(quiet, state, cellOf(state, action.cell).readyAt);
      }
      state = run(quiet, state, [action]);
      expected.push({ hour: state.hour, kind, cell: action.cell, target, reason: action.reason });
    }
    expect(state.aiMoves).toEqual(expected);
  });

  it('a threat set up where a garrison watches is sometimes reported as intel before it strikes', () => {
    let reported = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const state = toHour(quiet, start(seed, 'normal', quiet).state, GRACE_HOURS);
      const next = run(quiet, state, [ambush('cell-1', 'kita-kati')]);
      const fresh = next.intel.slice(state.intel.length);
      for (const report of fresh) expect(report).toMatchObject({ kind: 'ambush', road: 'kita-kati', source: 'garrison' });
      reported += fresh.length;
    }
    expect(reported).toBeGreaterThan(0);
  });
});
