import type { Immutable } from 'immer';
import { describe, expect, it } from 'vitest';
import {
  CHECKPOINT_HOLD_HOURS,
  GRACE_HOURS,
  HOURS_PER_DAY,
  MORALE_PER_ESCORTED_ARRIVAL,
  MORALE_PER_STRONG_ESCORT_ARRIVAL,
  REDEPLOY_HOURS,
  SPEED_KMH,
  STRONG_ESCORT,
  THREAT_SETUP_HOURS,
} from '../../src/sim/balance';
import type { LevelContext } from '../../src/sim/context';
import { reduce } from '../../src/sim/reducer';
import type { Action, GameState, RoadId, UnitId } from '../../src/sim/state';
import {
  KITA_BOUGOUNI_ROUTE,
  REASON,
  SENEGAL_ROUTE,
  convoyOf,
  entryOf,
  fuelAccounted,
  id,
  makeCtx,
  pastOf,
  roadOf,
  run,
  start,
  tickUntil,
  ticks,
  toHour,
  unitOf,
  withoutError,
  mutableCopy,
} from './fixture';

const quiet = makeCtx({ events: [] });
type FormAction = Extract<Action, { type: 'convoy/form' }>;

function form(over: Partial<Omit<FormAction, 'type'>> = {}): FormAction {
  return { type: 'convoy/form', entry: id.entry('kayes-gate'), tankers: 5, route: SENEGAL_ROUTE, departAt: 0, escort: [], ...over };
}
const escort = (...units: string[]): UnitId[] => units.map(id.unit);

/** Hours a road takes at its terrain's speed. */
const legHours = (ctx: LevelContext, road: RoadId): number => {
  const r = roadOf(ctx, road);
  return Math.ceil(r.km / SPEED_KMH[r.terrain]);
};
const routeHours = (ctx: LevelContext, route: readonly RoadId[]): number => route.reduce((h, r) => h + legHours(ctx, r), 0);

/** Where the rules put a convoy after `hours` on the move: SPEED_KMH[terrain] an hour, each road begun at its start. */
function expectedPosition(ctx: LevelContext, route: readonly RoadId[], hours: number): { leg: number; km: number } | 'arrived' {
  let leg = 0;
  let km = 0;
  for (let h = 0; h < hours; h++) {
    const road = roadOf(ctx, route[leg]!);
    km += SPEED_KMH[road.terrain];
    if (km >= road.km) {
      leg += 1;
      km = 0;
      if (leg === route.length) return 'arrived';
    }
  }
  return { leg, km };
}

/** A game with one convoy formed now; returns its id. */
function withConvoy(over: Partial<Omit<FormAction, 'type'>> = {}, ctx = quiet, seed = 1): { state: Immutable<GameState>; convoy: number } {
  const { state } = start(seed, 'normal', ctx);
  const convoy = state.nextId;
  return { state: run(ctx, state, [form({ departAt: state.hour, ...over })]), convoy };
}

describe('forming a convoy: refusals', () => {
  const offered = (s: Immutable<GameState>): number => entryOf(s, 'kayes-gate').offered;
  type Row = [string, (s: Immutable<GameState>) => Immutable<GameState>, (s: Immutable<GameState>) => FormAction, string];
  const rows: Row[] = [
    ['an entry point the level does not have', (s) => s, () => form({ entry: id.entry('dakar') }), 'unknown-entry'],
    ['an entry point that is closed (it needs a policy)', (s) => s, () => form({ entry: id.entry('siguiri-gate'), route: KITA_BOUGOUNI_ROUTE }), 'entry-closed'],
    ['more tankers than the hauliers offer', (s) => s, (s) => form({ tankers: offered(s) + 1 }), 'not-offered'],
    ['no tankers', (s) => s, () => form({ tankers: 0 }), 'bad-tankers'],
    ['a fractional number of tankers', (s) => s, () => form({ tankers: 1.5 }), 'bad-tankers'],
    ['roads that do not join up', (s) => s, () => form({ route: ['kayes-kita', 'bougouni-bamako'].map(id.road) }), 'bad-route'],
    ['a route that does not start at the entry point', (s) => s, () => form({ route: ['kita-kati', 'kati-bamako'].map(id.road) }), 'bad-route'],
    ['a route that stops short of the depot', (s) => s, () => form({ route: ['kayes-kita', 'kita-kati'].map(id.road) }), 'bad-route'],
    ['a route that loops back through a town', (s) => s, () => form({ route: ['kayes-kita', 'kita-kati', 'kita-kati'].map(id.road) }), 'bad-route'],
    ['an unknown road', (s) => s, () => form({ route: ['kayes-kita', 'kita-timbuktu'].map(id.road) }), 'bad-route'],
    ['an empty route', (s) => s, () => form({ route: [] }), 'bad-route'],
    ['a departure in the past', (s) => ticks(quiet, s, 3), (s) => form({ departAt: s.hour - 1 }), 'bad-departure'],
    ['a departure weeks ahead', (s) => s, (s) => form({ departAt: s.hour + 30 * HOURS_PER_DAY }), 'bad-departure'],
    ['an unknown escort unit', (s) => s, () => form({ escort: escort('legion') }), 'unknown-unit'],
    ['the same unit twice in the escort', (s) => s, () => form({ escort: escort('escort-a', 'escort-a') }), 'bad-escort'],
    ['an escort already escorting another convoy', (s) => run(quiet, s, [form({ escort: escort('escort-a') })]), () => form({ escort: escort('escort-a') }), 'unit-busy'],
    [
      'an escort still redeploying',
      (s) => run(quiet, s, [{ type: 'unit/order', unit: id.unit('escort-b'), task: { kind: 'patrol', road: id.road('kita-kati') } }]),
      () => form({ escort: escort('escort-b') }),
      'unit-moving',
    ],
  ];

  it.each(rows)('a convoy with %s is refused and changes nothing', (_what, setup, action, code) => {
    const state = setup(start(1, 'normal', quiet).state);
    const next = reduce(quiet, state, action(state));
    expect(next.lastError?.code).toBe(code);
    expect(next.lastError?.action).toBe('convoy/form');
    expect(withoutError(next)).toEqual({ ...state, lastError: null });
  });
});

describe('a formed convoy', () => {
  it('takes its tankers from the offer, loads their fuel and engages its escort', () => {
    const { state } = start(1, 'normal', quiet);
    const offered = entryOf(state, 'kayes-gate').offered;
    const next = run(quiet, state, [form({ tankers: 4, escort: escort('escort-a') })]);
    const convoy = convoyOf(next, state.nextId);
    expect(convoy).toMatchObject({ status: 'waiting', tankers: 4, tankersAtStart: 4, leg: 0, km: 0, path: ['kayes', 'kita', 'kati', 'bamako'] });
    expect(entryOf(next, 'kayes-gate').offered).toBe(offered - 4);
    expect(next.fuel.acquiredL - state.fuel.acquiredL).toBe(4 * quiet.level.tankerL);
    expect(unitOf(next, 'escort-a').task).toEqual({ kind: 'escort', convoy: convoy.id });
    expect(fuelAccounted(quiet, next)).toBe(0);
  });

  it('waits until its departure hour, then moves SPEED_KMH[terrain] an hour, road by road, to the depot', () => {
    const departAt = 5;
    const { state: formed, convoy } = withConvoy({ departAt });
    let state = formed;
    const total = routeHours(quiet, SENEGAL_ROUTE);
    for (let h = 0; h < departAt; h++) {
      state = ticks(quiet, state, 1);
      expect(convoyOf(state, convoy)).toMatchObject({ status: 'waiting', leg: 0, km: 0 });
    }
    for (let moved = 1; moved < total; moved++) {
      state = ticks(quiet, state, 1);
      const expected = expectedPosition(quiet, SENEGAL_ROUTE, moved);
      expect(expected).not.toBe('arrived');
      expect(convoyOf(state, convoy)).toMatchObject({ status: 'moving', ...(expected as object) });
    }
    expect(expectedPosition(quiet, SENEGAL_ROUTE, total)).toBe('arrived');
    state = ticks(quiet, state, 1);
    expect(state.convoys).toEqual([]);
    expect(pastOf(state, convoy).status).toBe('arrived');
    expect(state.hour).toBe(departAt + total);
  });

  it('on arrival raises the stock by tankers × tankerL, counts the delivery and frees its escort after REDEPLOY_HOURS', () => {
    const total = routeHours(quiet, SENEGAL_ROUTE);
    // Avoid arriving on a midnight, when the day's release and morale drift would blur the check.
    const departAt = (total % HOURS_PER_DAY === 0 ? 1 : 0);
    const { state: formed, convoy } = withConvoy({ tankers: 6, escort: escort('escort-a', 'escort-b'), departAt });
    let state = formed;
    state = toHour(quiet, state, departAt + total - 1);
    const before = state;
    expect(convoyOf(before, convoy).status).toBe('moving');
    state = ticks(quiet, state, 1);

    const litres = 6 * quiet.level.tankerL;
    expect(state.fuel.stockL + state.fuel.consumedL - (before.fuel.stockL + before.fuel.consumedL)).toBe(litres);
    expect(state.metrics.tankersDelivered - before.metrics.tankersDelivered).toBe(6);
    expect(state.metrics.litresDelivered - before.metrics.litresDelivered).toBe(litres);
    const record = pastOf(state, convoy);
    expect(record).toMatchObject({ status: 'arrived', tankers: 6, tankersAtStart: 6, escorts: 2 });
    for (const u of ['escort-a', 'escort-b']) {
      expect(unitOf(state, u).task).toEqual({ kind: 'idle' });
      expect(unitOf(state, u).readyAt).toBe(record.endedAt + REDEPLOY_HOURS);
    }
    // News names a convoy by the number the player sees, not by its id.
    expect(state.news.at(-1)).toMatchObject({ kind: 'arrival', facts: { convoy: record.number, tankers: 6, litres } });
    // An escorted convoy that gets through gives drivers heart; this escort is a strong one.
    expect(unitOf(state, 'escort-a').strength + unitOf(state, 'escort-b').strength).toBeGreaterThanOrEqual(STRONG_ESCORT);
    const usual = entryOf(before, 'kayes-gate').morale;
    expect(entryOf(state, 'kayes-gate').morale).toBe(Math.min(100, usual + MORALE_PER_STRONG_ESCORT_ARRIVAL));
    expect(fuelAccounted(quiet, state)).toBe(0);
  });

  it.each([
    ['a weak escort (below STRONG_ESCORT)', ['escort-b'], MORALE_PER_ESCORTED_ARRIVAL],
    ['a strong escort (STRONG_ESCORT or more)', ['escort-a'], MORALE_PER_STRONG_ESCORT_ARRIVAL],
  ] as const)('an arrival under %s raises driver morale by its own step', (_what, units, step) => {
    const strength = units.reduce((sum, u) => sum + unitOf(start(1, 'normal', quiet).state, u).strength, 0);
    expect(strength >= STRONG_ESCORT).toBe(step === MORALE_PER_STRONG_ESCORT_ARRIVAL);
    const total = routeHours(quiet, SENEGAL_ROUTE);
    const departAt = total % HOURS_PER_DAY === 0 ? 1 : 0;
    let { state } = withConvoy({ departAt, escort: escort(...units) });
    state = toHour(quiet, state, departAt + total - 1);
    const morale = entryOf(state, 'kayes-gate').morale;
    state = ticks(quiet, state, 1);
    expect(state.convoys).toEqual([]);
    expect(entryOf(state, 'kayes-gate').morale).toBe(Math.min(100, morale + step));
  });

  it('an unescorted arrival leaves driver morale where it was', () => {
    const total = routeHours(quiet, SENEGAL_ROUTE);
    const departAt = (total % HOURS_PER_DAY === 0 ? 1 : 0);
    let { state } = withConvoy({ departAt });
    state = toHour(quiet, state, departAt + total - 1);
    const morale = entryOf(state, 'kayes-gate').morale;
    state = ticks(quiet, state, 1);
    expect(state.convoys).toEqual([]);
    expect(entryOf(state, 'kayes-gate').morale).toBe(morale);
  });
});

describe('halting and resuming', () => {
  it('a halted convoy does not move; resumed, it moves on from where it stopped', () => {
    const { state: formed, convoy } = withConvoy();
    let state = formed;
    state = ticks(quiet, state, 1);
    const km = convoyOf(state, convoy).km;
    expect(km).toBeGreaterThan(0);
    state = run(quiet, state, [{ type: 'convoy/halt', convoy: id.convoy(convoy) }]);
    state = ticks(quiet, state, 5);
    expect(convoyOf(state, convoy)).toMatchObject({ status: 'halted', leg: 0, km });
    state = run(quiet, state, [{ type: 'convoy/resume', convoy: id.convoy(convoy) }]);
    expect(convoyOf(state, convoy).status).toBe('moving');
    state = ticks(quiet, state, 1);
    const expected = expectedPosition(quiet, SENEGAL_ROUTE, 2);
    expect(convoyOf(state, convoy)).toMatchObject(expected as object);
  });

  it('a convoy halted before its departure hour goes back to waiting when resumed', () => {
    const { state: formed, convoy } = withConvoy({ departAt: 10 });
    let state = formed;
    state = run(quiet, state, [
      { type: 'convoy/halt', convoy: id.convoy(convoy) },
      { type: 'convoy/resume', convoy: id.convoy(convoy) },
    ]);
    expect(convoyOf(state, convoy).status).toBe('waiting');
  });

  it.each<[string, (s: Immutable<GameState>, c: number) => Immutable<GameState>, Action['type'], string]>([
    ['halting a halted convoy', (s, c) => run(quiet, s, [{ type: 'convoy/halt', convoy: id.convoy(c) }]), 'convoy/halt', 'already-halted'],
    ['halting a convoy on its way back', (s, c) => run(quiet, ticks(quiet, s, 1), [{ type: 'convoy/turnBack', convoy: id.convoy(c) }]), 'convoy/halt', 'returning'],
    ['resuming a convoy that is not halted', (s) => s, 'convoy/resume', 'not-halted'],
    ['turning back a convoy already on its way back', (s, c) => run(quiet, ticks(quiet, s, 1), [{ type: 'convoy/turnBack', convoy: id.convoy(c) }]), 'convoy/turnBack', 'returning'],
    ['turning back a convoy that has arrived', (s) => tickUntil(quiet, s, (x) => x.convoys.length === 0), 'convoy/turnBack', 'convoy-ended'],
    ['halting a convoy that has arrived', (s) => tickUntil(quiet, s, (x) => x.convoys.length === 0), 'convoy/halt', 'convoy-ended'],
  ])('%s is refused', (_what, setup, type, code) => {
    const { state: formed, convoy } = withConvoy();
    const state = setup(formed, convoy);
    const next = reduce(quiet, state, { type, convoy: id.convoy(convoy) } as Action);
    expect(next.lastError?.code).toBe(code);
    expect(withoutError(next)).toEqual({ ...state, lastError: null });
  });

  it.each<Action['type']>(['convoy/halt', 'convoy/resume', 'convoy/turnBack'])('%s of a convoy that never existed is refused with unknown-convoy', (type) => {
    const { state } = withConvoy();
    const next = reduce(quiet, state, { type, convoy: id.convoy(999) } as Action);
    expect(next.lastError?.code).toBe('unknown-convoy');
  });
});

describe('turning back', () => {
  it('a convoy that has not left returns at once, its fuel counted as returned, its escort freed', () => {
    const { state: formed, convoy } = withConvoy({ departAt: 4, tankers: 3, escort: escort('escort-a') });
    let state = formed;
    state = run(quiet, state, [{ type: 'convoy/turnBack', convoy: id.convoy(convoy) }]);
    expect(state.convoys).toEqual([]);
    expect(pastOf(state, convoy).status).toBe('returned');
    expect(state.fuel.returnedL).toBe(3 * quiet.level.tankerL);
    expect(unitOf(state, 'escort-a')).toMatchObject({ task: { kind: 'idle' }, readyAt: state.hour + REDEPLOY_HOURS });
    expect(fuelAccounted(quiet, state)).toBe(0);
  });

  it('a convoy on the road drives back the way it came, at the same speed, and its fuel counts as returned', () => {
    const hoursOut = 2;
    const { state: formed, convoy } = withConvoy({ tankers: 3 });
    let state = formed;
    state = ticks(quiet, state, hoursOut);
    const stock = state.fuel.stockL + state.fuel.consumedL;
    state = run(quiet, state, [{ type: 'convoy/turnBack', convoy: id.convoy(convoy) }]);
    const road = roadOf(quiet, 'kayes-kita');
    expect(convoyOf(state, convoy)).toMatchObject({ status: 'returning', leg: 0, km: road.km - hoursOut * SPEED_KMH[road.terrain] });
    state = ticks(quiet, state, hoursOut - 1);
    expect(convoyOf(state, convoy).status).toBe('returning');
    state = ticks(quiet, state, 1);
    expect(pastOf(state, convoy).status).toBe('returned');
    expect(state.fuel.returnedL).toBe(3 * quiet.level.tankerL);
    // Returned fuel never reaches the depot.
    expect(state.fuel.stockL + state.fuel.consumedL).toBe(stock);
    expect(fuelAccounted(quiet, state)).toBe(0);
  });

  it('a convoy turned back while held waits out its hold before it drives off', () => {
    const { state: formed, convoy } = withConvoy({ tankers: 3 });
    const moving = mutableCopy(ticks(quiet, formed, 2));
    const held = moving.convoys.find((c) => c.id === convoy)!;
    held.status = 'held';
    held.heldUntil = moving.hour + 5;
    let state = run(quiet, moving, [{ type: 'convoy/turnBack', convoy: id.convoy(convoy) }]);
    const km = convoyOf(state, convoy).km;
    state = ticks(quiet, state, 5);
    expect(convoyOf(state, convoy)).toMatchObject({ status: 'returning', km });
    state = ticks(quiet, state, 1);
    expect(convoyOf(state, convoy).km).toBeGreaterThan(km);
  });

  it('a convoy several roads out comes all the way back to its entry point', () => {
    const { state: formed, convoy } = withConvoy({ tankers: 2 });
    let state = formed;
    state = tickUntil(quiet, state, (s) => convoyOf(s, convoy).leg === 1);
    state = ticks(quiet, state, 1);
    state = run(quiet, state, [{ type: 'convoy/turnBack', convoy: id.convoy(convoy) }]);
    state = tickUntil(quiet, state, (s) => s.convoys.length === 0, 48);
    expect(pastOf(state, convoy).status).toBe('returned');
    expect(state.metrics.tankersDelivered).toBe(0);
    expect(state.fuel.returnedL).toBe(2 * quiet.level.tankerL);
  });
});

describe('rerouting', () => {
  it.each<[string, (s: Immutable<GameState>, c: number) => Immutable<GameState>, RoadId[], string]>([
    ['a convoy on its way back', (s, c) => run(quiet, ticks(quiet, s, 1), [{ type: 'convoy/turnBack', convoy: id.convoy(c) }]), KITA_BOUGOUNI_ROUTE, 'returning'],
    ['roads that do not join up', (s) => s, ['kayes-kita', 'bougouni-bamako'].map(id.road), 'bad-route'],
    ['a route that stops short of the depot', (s) => s, ['kayes-kita', 'kita-bougouni'].map(id.road), 'bad-route'],
    [
      'a route back through a town already passed',
      (s, c) => ticks(quiet, tickUntil(quiet, s, (x) => convoyOf(x, c).leg === 1), 1),
      ['kita-kati', 'kita-bougouni', 'bougouni-bamako'].map(id.road),
      'bad-route',
    ],
    ['not a list of roads', (s) => s, 'kita-bougouni' as unknown as RoadId[], 'bad-route'],
  ])('rerouting %s is refused', (_what, setup, route, code) => {
    const { state: formed, convoy } = withConvoy();
    const state = setup(formed, convoy);
    const next = reduce(quiet, state, { type: 'convoy/reroute', convoy: id.convoy(convoy), route });
    expect(next.lastError?.code).toBe(code);
    expect(withoutError(next)).toEqual({ ...state, lastError: null });
  });

  it('rerouting a convoy that has arrived is refused with convoy-ended', () => {
    const { state: formed, convoy } = withConvoy();
    const state = tickUntil(quiet, formed, (s) => s.convoys.length === 0);
    expect(reduce(quiet, state, { type: 'convoy/reroute', convoy: id.convoy(convoy), route: KITA_BOUGOUNI_ROUTE }).lastError?.code).toBe('convoy-ended');
  });

  it('a convoy that has not left takes the whole new route', () => {
    const { state: formed, convoy } = withConvoy({ departAt: 3 });
    let state = formed;
    state = run(quiet, state, [{ type: 'convoy/reroute', convoy: id.convoy(convoy), route: KITA_BOUGOUNI_ROUTE }]);
    expect(convoyOf(state, convoy)).toMatchObject({ route: KITA_BOUGOUNI_ROUTE, path: ['kayes', 'kita', 'bougouni', 'bamako'] });
    state = tickUntil(quiet, state, (s) => s.convoys.length === 0);
    expect(pastOf(state, convoy)).toMatchObject({ status: 'arrived', route: KITA_BOUGOUNI_ROUTE });
    expect(state.hour).toBe(3 + routeHours(quiet, KITA_BOUGOUNI_ROUTE));
  });

  it('a convoy on the road finishes its current road, then follows the new route from the next town', () => {
    const { state: formed, convoy } = withConvoy();
    let state = formed;
    state = ticks(quiet, state, 1);
    const { km } = convoyOf(state, convoy);
    state = run(quiet, state, [{ type: 'convoy/reroute', convoy: id.convoy(convoy), route: ['kita-bougouni', 'bougouni-bamako'].map(id.road) }]);
    expect(convoyOf(state, convoy)).toMatchObject({ leg: 0, km, route: KITA_BOUGOUNI_ROUTE, path: ['kayes', 'kita', 'bougouni', 'bamako'] });
    state = tickUntil(quiet, state, (s) => s.convoys.length === 0);
    expect(pastOf(state, convoy).status).toBe('arrived');
  });
});

describe('ambushes', () => {
  /** Tankers a convoy loses driving into an active ambush on its first road. */
  function ambushLoss(seed: number, units: UnitId[]): number {
    let state = toHour(quiet, start(seed, 'normal', quiet).state, GRACE_HOURS);
    state = run(quiet, state, [{ type: 'ai/ambush', cell: id.cell('cell-1'), road: id.road('kayes-kita'), reason: REASON }]);
    state = ticks(quiet, state, THREAT_SETUP_HOURS);
    const convoy = state.nextId;
    const tankers = entryOf(state, 'kayes-gate').offered;
    state = run(quiet, state, [form({ tankers, departAt: state.hour, escort: units })]);
    state = tickUntil(quiet, state, (s) => s.convoys.length === 0, 3 * HOURS_PER_DAY);
    expect(fuelAccounted(quiet, state)).toBe(0);
    const record = pastOf(state, convoy);
    return record.tankersAtStart - record.tankers;
  }
  const seeds = Array.from({ length: 40 }, (_, i) => i + 1);

  it('a convoy with no escort on a road with an active ambush loses tankers, more on average than one with a strong escort', () => {
    const alone = seeds.map((seed) => ambushLoss(seed, []));
    const guarded = seeds.map((seed) => ambushLoss(seed, escort('escort-a', 'escort-b')));
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(alone.filter((lost) => lost > 0).length).toBeGreaterThan(seeds.length * 0.8);
    expect(mean(alone)).toBeGreaterThan(mean(guarded));
  });

  it('an ambush strikes once: it is spent, the attack is counted and the lost fuel is recorded', () => {
    let state = toHour(quiet, start(3, 'normal', quiet).state, GRACE_HOURS);
    state = run(quiet, state, [{ type: 'ai/ambush', cell: id.cell('cell-1'), road: id.road('kayes-kita'), reason: REASON }]);
    expect(state.threats).toHaveLength(1);
    state = ticks(quiet, state, THREAT_SETUP_HOURS);
    const convoy = state.nextId;
    state = run(quiet, state, [form({ tankers: 10, departAt: state.hour })]);
    state = ticks(quiet, state, 1);
    expect(state.threats).toEqual([]);
    expect(state.metrics.convoysAttacked).toBe(1);
    const hit = state.convoys.find((c) => c.id === convoy) ?? pastOf(state, convoy);
    const lost = 10 - hit.tankers;
    expect(lost).toBeGreaterThan(0);
    expect(state.metrics.tankersLost).toBe(lost);
    expect(state.fuel.lostL).toBe(lost * quiet.level.tankerL);
    expect(state.news.some((n) => n.kind === 'attack' && n.facts.convoy === hit.number)).toBe(true);
    // Spent, it does not strike the next convoy down the same road.
    const next = state.nextId;
    state = run(quiet, state, [form({ tankers: 5, departAt: state.hour })]);
    state = tickUntil(quiet, state, (s) => !s.convoys.some((c) => c.id === next), 3 * HOURS_PER_DAY);
    expect(pastOf(state, next)).toMatchObject({ status: 'arrived', tankers: 5 });
    expect(state.metrics.convoysAttacked).toBe(1);
  });

  it('an ambush still setting up does not strike a convoy that has already passed', () => {
    let state = toHour(quiet, start(1, 'normal', quiet).state, GRACE_HOURS);
    const convoy = state.nextId;
    state = run(quiet, state, [form({ departAt: state.hour })]);
    state = ticks(quiet, state, legHours(quiet, id.road('kayes-kita')) + 1);
    expect(convoyOf(state, convoy).leg).toBe(1);
    state = run(quiet, state, [{ type: 'ai/ambush', cell: id.cell('cell-1'), road: id.road('kayes-kita'), reason: REASON }]);
    state = tickUntil(quiet, state, (s) => s.convoys.length === 0);
    expect(pastOf(state, convoy).tankers).toBe(pastOf(state, convoy).tankersAtStart);
    expect(state.metrics.convoysAttacked).toBe(0);
  });
});

describe('checkpoints', () => {
  function atCheckpoint(units: UnitId[]): { state: Immutable<GameState>; convoy: number; hitAt: number } {
    let state = toHour(quiet, start(1, 'normal', quiet).state, GRACE_HOURS);
    state = run(quiet, state, [{ type: 'ai/checkpoint', cell: id.cell('cell-1'), road: id.road('kayes-kita'), reason: REASON }]);
    state = ticks(quiet, state, THREAT_SETUP_HOURS);
    const convoy = state.nextId;
    const hitAt = state.hour;
    state = run(quiet, state, [form({ tankers: 10, departAt: hitAt, escort: units })]);
    return { state: ticks(quiet, state, 1), convoy, hitAt };
  }

  it(`holds a weakly escorted convoy CHECKPOINT_HOLD_HOURS (${CHECKPOINT_HOLD_HOURS} h) and seizes part of it`, () => {
    const { state: atStop, convoy, hitAt } = atCheckpoint([]);
    let state = atStop;
    const held = convoyOf(state, convoy);
    expect(held).toMatchObject({ status: 'held', heldUntil: hitAt + CHECKPOINT_HOLD_HOURS, km: 0 });
    expect(held.tankers).toBeLessThan(10);
    expect(held.tankers).toBeGreaterThan(0);
    expect(state.threats).toHaveLength(1);
    state = ticks(quiet, state, CHECKPOINT_HOLD_HOURS - 1);
    expect(convoyOf(state, convoy)).toMatchObject({ status: 'held', km: 0 });
    state = ticks(quiet, state, 1);
    const road = roadOf(quiet, 'kayes-kita');
    expect(convoyOf(state, convoy)).toMatchObject({ status: 'moving', km: SPEED_KMH[road.terrain] });
  });

  it('is broken up by an escort at least as strong as the cell, and the convoy drives on intact', () => {
    const { state, convoy } = atCheckpoint(escort('escort-a', 'escort-b'));
    const road = roadOf(quiet, 'kayes-kita');
    expect(convoyOf(state, convoy)).toMatchObject({ status: 'moving', tankers: 10, km: SPEED_KMH[road.terrain] });
    expect(state.threats).toEqual([]);
    expect(state.news.some((n) => n.kind === 'checkpoint' && n.facts.cleared === 1)).toBe(true);
  });

  it('a held convoy cannot cut its hold short by halting and resuming', () => {
    const { state: atStop, convoy, hitAt } = atCheckpoint([]);
    let state = atStop;
    state = run(quiet, state, [
      { type: 'convoy/halt', convoy: id.convoy(convoy) },
      { type: 'convoy/resume', convoy: id.convoy(convoy) },
    ]);
    state = ticks(quiet, state, CHECKPOINT_HOLD_HOURS - 1);
    expect(state.hour).toBe(hitAt + CHECKPOINT_HOLD_HOURS);
    expect(convoyOf(state, convoy).km).toBe(0);
  });
});
