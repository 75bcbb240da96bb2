/**
 * Hauliers and their drivers: tankers offered each morning wait at the border up to
 * BORDER_WAIT_DAYS days of offers; violence on a corridor frightens its drivers (an
 * attack, the tankers burned or seized, more when an escort failed); hazard pay softens
 * the fear and lets morale settle higher.
 */
import type { Immutable } from 'immer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BORDER_WAIT_DAYS,
  CELL_MAX_STRENGTH,
  ESCORTED_LOSS_FEAR,
  GRACE_HOURS,
  HAZARD_PAY_FEAR,
  HAZARD_PAY_MORALE,
  HOURS_PER_DAY,
  MORALE_DRIFT_PER_DAY,
  MORALE_PER_ATTACK,
  MORALE_PER_BURNED,
  MORALE_REFUSAL,
  THREAT_SETUP_HOURS,
} from '../../src/sim/balance';
import { driftMorale, refreshOffers, violenceFear } from '../../src/sim/rules/hauliers';
import type { GameState, UnitId } from '../../src/sim/state';
import { REASON, SENEGAL_ROUTE, STOCKED, cellOf, entryOf, fixture, id, makeCtx, mutableCopy, pastOf, policyOf, run, start, tickUntil, toHour, unitOf } from './fixture';

const quiet = makeCtx({ events: [], ...STOCKED });
const usual = quiet.entries.get('kayes-gate')!.morale;

/** The fixture with the Senegal gate's offer and usual morale replaced. */
function gate(tankersPerDay: number, morale: number) {
  const [kayes, ...rest] = fixture().entryPoints;
  return makeCtx({ events: [], ...STOCKED, entryPoints: [{ ...kayes!, tankersPerDay, morale }, ...rest] });
}
const withPolicy = (s: Immutable<GameState>, p: string): Immutable<GameState> => {
  const c = mutableCopy(s);
  policyOf(c, p).status = 'active';
  return c;
};

describe(`tankers not sent wait at the border, up to BORDER_WAIT_DAYS (${BORDER_WAIT_DAYS}) days of offers`, () => {
  const rows: [number, number][] = [];
  for (const perDay of [7, 20, 133]) for (const morale of [100, 70, MORALE_REFUSAL]) rows.push([perDay, morale]);
  it.each(rows)('%i tankers a day at morale %i: each morning adds its offer, up to tankersPerDay × BORDER_WAIT_DAYS', (perDay, morale) => {
    const c = gate(perDay, morale);
    let state = start(1, 'normal', c).state;
    const daily = Math.round((perDay * morale) / 100);
    const cap = perDay * BORDER_WAIT_DAYS;
    for (let morning = 1; morning <= BORDER_WAIT_DAYS + 3; morning++) {
      expect(entryOf(state, 'kayes-gate').offered).toBe(Math.min(cap, morning * daily));
      state = toHour(c, state, morning * HOURS_PER_DAY);
    }
  });

  it('tankers sent leave room for the next mornings’ offers', () => {
    let state = toHour(quiet, start(1, 'normal', quiet).state, 5 * HOURS_PER_DAY);
    const cap = quiet.entries.get('kayes-gate')!.tankersPerDay * BORDER_WAIT_DAYS;
    const daily = Math.round((quiet.entries.get('kayes-gate')!.tankersPerDay * usual) / 100);
    expect(entryOf(state, 'kayes-gate').offered).toBe(cap);
    state = run(quiet, state, [{ type: 'convoy/form', entry: id.entry('kayes-gate'), tankers: cap, route: SENEGAL_ROUTE, departAt: state.hour, escort: [] }]);
    expect(entryOf(state, 'kayes-gate').offered).toBe(0);
    state = toHour(quiet, state, 6 * HOURS_PER_DAY);
    expect(entryOf(state, 'kayes-gate').offered).toBe(daily);
  });

  it('an entry point that closes sends its waiting drivers home', () => {
    let state = start(1, 'normal', quiet).state;
    state = tickUntil(quiet, run(quiet, state, [{ type: 'policy/enact', policy: 'alternateCorridor' }]), (s) => policyOf(s, 'alternateCorridor').status === 'active');
    state = toHour(quiet, state, state.hour + 2 * HOURS_PER_DAY);
    expect(entryOf(state, 'siguiri-gate').offered).toBeGreaterThan(0);
    state = run(quiet, state, [{ type: 'policy/revoke', policy: 'alternateCorridor' }]);
    expect(entryOf(state, 'siguiri-gate').offered).toBe(0);
    expect(entryOf(toHour(quiet, state, state.hour + HOURS_PER_DAY), 'siguiri-gate').offered).toBe(0);
  });

  it('property: whatever the morale and the tankers sent, the tankers waiting stay within 0..tankersPerDay × BORDER_WAIT_DAYS and grow by the morning’s offer; below MORALE_REFUSAL they all go home', () => {
    const def = quiet.entries.get('kayes-gate')!;
    const cap = def.tankersPerDay * BORDER_WAIT_DAYS;
    fc.assert(
      fc.property(fc.array(fc.record({ morale: fc.integer({ min: 0, max: 100 }), sent: fc.integer({ min: 0, max: 100 }) }), { maxLength: 40 }), (mornings) => {
        const s = mutableCopy(start(1, 'normal', quiet).state);
        const e = entryOf(s, 'kayes-gate');
        for (const m of mornings) {
          e.offered -= Math.min(e.offered, m.sent);
          e.morale = m.morale;
          const before = e.offered;
          refreshOffers(quiet, s);
          const expected = m.morale < MORALE_REFUSAL ? 0 : Math.min(cap, before + Math.round((def.tankersPerDay * m.morale) / 100));
          if (e.offered !== expected || e.offered < 0 || e.offered > cap) return false;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});

describe('violence frightens drivers', () => {
  const calm = mutableCopy(start(1, 'normal', quiet).state);
  const paid = mutableCopy(withPolicy(calm, 'hazardPay'));
  const base = (lost: number): number => MORALE_PER_ATTACK + Math.floor(lost / MORALE_PER_BURNED);
  it.each([
    ['an attack that burns nothing', 0, false, calm, base(0)],
    ['an attack on an escorted convoy that burns nothing', 0, true, calm, base(0)],
    ['10 tankers burned', 10, false, calm, base(10)],
    ['11 tankers burned', 11, false, calm, base(11)],
    ['10 tankers burned under escort (ESCORTED_LOSS_FEAR)', 10, true, calm, Math.floor((base(10) * ESCORTED_LOSS_FEAR) / 100)],
    ['10 tankers burned, with hazard pay (HAZARD_PAY_FEAR)', 10, false, paid, Math.floor((base(10) * HAZARD_PAY_FEAR) / 100)],
    ['10 tankers burned under escort, with hazard pay', 10, true, paid, Math.floor((Math.floor((base(10) * ESCORTED_LOSS_FEAR) / 100) * HAZARD_PAY_FEAR) / 100)],
  ])('%s: MORALE_PER_ATTACK + lost / MORALE_PER_BURNED, scaled for a failed escort and hazard pay', (_what, lost, escorted, state, fear) => {
    expect(violenceFear(state, lost, escorted)).toBe(fear);
  });

  it('property: fear grows with the tankers lost, an escort that failed frightens more, hazard pay less', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 }), fc.boolean(), (a, b, escorted) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return (
          violenceFear(calm, lo, escorted) <= violenceFear(calm, hi, escorted) &&
          violenceFear(calm, lo, true) >= violenceFear(calm, lo, false) &&
          violenceFear(paid, lo, escorted) <= violenceFear(calm, lo, escorted) &&
          violenceFear(paid, lo, escorted) >= 0
        );
      }),
      { numRuns: 500 },
    );
  });

  /** A convoy of 10 driving into an ambush set by cell-1 at full strength on the Senegal road; the state just after. */
  function ambushed(seed: number, escort: UnitId[]): { before: Immutable<GameState>; after: Immutable<GameState>; lost: number } {
    let state = mutableCopy(toHour(quiet, start(seed, 'normal', quiet).state, GRACE_HOURS));
    cellOf(state, 'cell-1').strength = CELL_MAX_STRENGTH;
    state = mutableCopy(run(quiet, state, [{ type: 'ai/ambush', cell: id.cell('cell-1'), road: id.road('kayes-kita'), reason: REASON }]));
    let s: Immutable<GameState> = toHour(quiet, state, state.hour + THREAT_SETUP_HOURS);
    const convoy = s.nextId;
    s = run(quiet, s, [{ type: 'convoy/form', entry: id.entry('kayes-gate'), tankers: 10, route: SENEGAL_ROUTE, departAt: s.hour, escort }]);
    const before = s;
    const after = tickUntil(quiet, s, (x) => x.metrics.convoysAttacked > 0, 12);
    const c = after.convoys.find((x) => x.id === convoy) ?? pastOf(after, convoy);
    return { before, after, lost: 10 - c.tankers };
  }

  it.each([1, 2, 3, 4, 5])('seed %i: an ambush on an unescorted convoy costs its corridor’s drivers violenceFear(lost), and no other corridor’s', (seed) => {
    const { before, after, lost } = ambushed(seed, []);
    expect(lost).toBeGreaterThan(0);
    expect(entryOf(after, 'kayes-gate').morale).toBe(Math.max(0, entryOf(before, 'kayes-gate').morale - violenceFear(mutableCopy(before), lost, false)));
    expect(entryOf(after, 'siguiri-gate').morale).toBe(entryOf(before, 'siguiri-gate').morale);
  });

  it.each([1, 2, 3])('seed %i: an escorted convoy that burns frightens its drivers more than the same losses unescorted would', (seed) => {
    // A weak escort against the strongest cell: beaten, not repelled.
    const { before, after, lost } = ambushed(seed, [id.unit('escort-b')]);
    expect(unitOf(before, 'escort-b').strength).toBeLessThan(CELL_MAX_STRENGTH);
    expect(lost).toBeGreaterThan(0);
    const drop = entryOf(before, 'kayes-gate').morale - entryOf(after, 'kayes-gate').morale;
    expect(drop).toBe(Math.min(entryOf(before, 'kayes-gate').morale, violenceFear(mutableCopy(before), lost, true)));
    expect(drop).toBeGreaterThan(violenceFear(mutableCopy(before), lost, false));
  });

  it('the next morning, frightened drivers offer fewer tankers than in the same game without the ambush', () => {
    const { after } = ambushed(2, []);
    // The same convoy on the same road at the same hour, with no ambush waiting for it.
    let calmRoad = toHour(quiet, start(2, 'normal', quiet).state, GRACE_HOURS + THREAT_SETUP_HOURS);
    calmRoad = run(quiet, calmRoad, [{ type: 'convoy/form', entry: id.entry('kayes-gate'), tankers: 10, route: SENEGAL_ROUTE, departAt: calmRoad.hour, escort: [] }]);
    const morning = Math.ceil((after.hour + 1) / HOURS_PER_DAY) * HOURS_PER_DAY;
    /** Every waiting tanker sent: the morning then shows that morning's offer alone. */
    const clear = (s: Immutable<GameState>): Immutable<GameState> => {
      const c = mutableCopy(s);
      for (const e of c.entries) e.offered = 0;
      return c;
    };
    const hit = toHour(quiet, clear(after), morning);
    const spared = toHour(quiet, clear(toHour(quiet, calmRoad, after.hour)), morning);
    expect(spared.metrics.convoysAttacked).toBe(0);
    expect(entryOf(hit, 'kayes-gate').offered).toBeLessThan(entryOf(spared, 'kayes-gate').offered);
  });
});

describe('hazard pay', () => {
  it.each([1, 2, 3])('seed %i: the same ambush frightens paid drivers less', (seed) => {
    // Hazard pay changes no draw: the ambush goes the same way, only the fear differs.
    const unpaid = ambushedOnce(seed, false);
    const paid = ambushedOnce(seed, true);
    expect(paid.lost).toBe(unpaid.lost);
    expect(paid.drop).toBeLessThan(unpaid.drop);
  });

  it(`lets morale settle HAZARD_PAY_MORALE (${HAZARD_PAY_MORALE}) above the usual level, and no higher; revoked, morale sinks back MORALE_DRIFT_PER_DAY a day`, () => {
    let state = withPolicy(start(1, 'normal', quiet).state, 'hazardPay');
    state = toHour(quiet, state, (HAZARD_PAY_MORALE + 2) * HOURS_PER_DAY);
    expect(entryOf(state, 'kayes-gate').morale).toBe(usual + HAZARD_PAY_MORALE);
    state = toHour(quiet, state, state.hour + 3 * HOURS_PER_DAY);
    expect(entryOf(state, 'kayes-gate').morale).toBe(usual + HAZARD_PAY_MORALE);
    state = run(quiet, state, [{ type: 'policy/revoke', policy: 'hazardPay' }]);
    for (let day = 1; day <= 3; day++) {
      state = toHour(quiet, state, state.hour + HOURS_PER_DAY);
      expect(entryOf(state, 'kayes-gate').morale).toBe(usual + HAZARD_PAY_MORALE - day * MORALE_DRIFT_PER_DAY);
    }
  });

  it.each([0, 10, MORALE_REFUSAL - 1, usual - 5])('after a blow to %i, paid drivers recover faster than unpaid ones', (low) => {
    const unpaid = mutableCopy(start(1, 'normal', quiet).state);
    entryOf(unpaid, 'kayes-gate').morale = low;
    const paid = mutableCopy(withPolicy(unpaid, 'hazardPay'));
    driftMorale(quiet, unpaid);
    driftMorale(quiet, paid);
    expect(entryOf(unpaid, 'kayes-gate').morale).toBe(low + MORALE_DRIFT_PER_DAY);
    expect(entryOf(paid, 'kayes-gate').morale).toBeGreaterThan(low + MORALE_DRIFT_PER_DAY);
  });
});

/** Morale lost and tankers lost when an unescorted convoy meets an ambush, with or without hazard pay. */
function ambushedOnce(seed: number, hazardPay: boolean): { lost: number; drop: number } {
  let state = mutableCopy(toHour(quiet, start(seed, 'normal', quiet).state, GRACE_HOURS));
  if (hazardPay) policyOf(state, 'hazardPay').status = 'active';
  state = mutableCopy(run(quiet, state, [{ type: 'ai/ambush', cell: id.cell('cell-1'), road: id.road('kayes-kita'), reason: REASON }]));
  let s: Immutable<GameState> = toHour(quiet, state, state.hour + THREAT_SETUP_HOURS);
  s = run(quiet, s, [{ type: 'convoy/form', entry: id.entry('kayes-gate'), tankers: 10, route: SENEGAL_ROUTE, departAt: s.hour, escort: [] }]);
  const after = tickUntil(quiet, s, (x) => x.metrics.convoysAttacked > 0, 12);
  return { lost: after.metrics.tankersLost, drop: entryOf(s, 'kayes-gate').morale - entryOf(after, 'kayes-gate').morale };
}

describe('refusing drivers go home', () => {
  it('below MORALE_REFUSAL the tankers waiting at the border go home, and no convoy can be formed from them', () => {
    const s = mutableCopy(start(1, 'normal', quiet).state);
    const e = entryOf(s, 'kayes-gate');
    e.offered = 40;
    e.morale = MORALE_REFUSAL - 1;
    refreshOffers(quiet, s);
    expect(e.offered).toBe(0);
    const route = quiet.routes.get(id.entry('kayes-gate'))![0]!;
    expect(() => run(quiet, s, [{ type: 'convoy/form', entry: id.entry('kayes-gate'), tankers: 1, route, departAt: s.hour, escort: [] }])).toThrow(/not-offered/);
  });
});
