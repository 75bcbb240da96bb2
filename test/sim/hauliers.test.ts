import { describe, expect, it } from 'vitest';
import { BORDER_WAIT_DAYS, HOURS_PER_DAY, MORALE_DRIFT_PER_DAY, MORALE_REFUSAL } from '../../src/sim/balance';
import { REASON, SENEGAL_ROUTE, STOCKED, entryOf, fixture, id, makeCtx, run, start, toHour } from './fixture';

// A depot that lasts: morale is followed for weeks, longer than the fixture's own stock.
const quiet = makeCtx({ events: [], ...STOCKED });

/** The fixture with the Senegal gate's offer and usual morale replaced. */
function gate(tankersPerDay: number, morale: number) {
  const [kayes, ...rest] = fixture().entryPoints;
  return makeCtx({ events: [], ...STOCKED, entryPoints: [{ ...kayes!, tankersPerDay, morale }, ...rest] });
}

describe('tankers offered each morning', () => {
  const rows: [number, number][] = [];
  for (const perDay of [0, 7, 20, 133]) for (const morale of [100, 70, 51, 50, MORALE_REFUSAL, MORALE_REFUSAL - 1, 0]) rows.push([perDay, morale]);

  it.each(rows)('%i tankers a day at full morale, morale %i: round(tankersPerDay × morale / 100), none below MORALE_REFUSAL', (perDay, morale) => {
    const c = gate(perDay, morale);
    const { state } = start(1, 'normal', c);
    const expected = morale < MORALE_REFUSAL ? 0 : Math.round((perDay * morale) / 100);
    expect(entryOf(state, 'kayes-gate').offered).toBe(expected);
    const refused = state.news.some((n) => n.kind === 'refusal' && n.facts.entry === 'kayes-gate');
    expect(refused).toBe(morale < MORALE_REFUSAL && perDay > 0);
  });

  it('a closed entry point offers nothing, whatever its drivers’ morale', () => {
    const { state } = start(1, 'normal', quiet);
    expect(entryOf(state, 'siguiri-gate')).toMatchObject({ open: false, offered: 0 });
  });

  it('tankers not taken wait at the border: each morning’s offer joins them, up to BORDER_WAIT_DAYS days of offers', () => {
    const { state } = start(1, 'normal', quiet);
    const daily = entryOf(state, 'kayes-gate').offered;
    const cap = quiet.entries.get('kayes-gate')!.tankersPerDay * BORDER_WAIT_DAYS;
    expect(daily).toBeGreaterThan(0);
    let next = run(quiet, state, [{ type: 'convoy/form', entry: id.entry('kayes-gate'), tankers: 2, route: SENEGAL_ROUTE, departAt: 0, escort: [] }]);
    expect(entryOf(next, 'kayes-gate').offered).toBe(daily - 2);
    let waiting = daily - 2;
    // Enough mornings to reach the cap and stay on it.
    for (let day = 1; day <= BORDER_WAIT_DAYS + 3; day++) {
      next = toHour(quiet, next, day * HOURS_PER_DAY);
      waiting = Math.min(cap, waiting + daily);
      expect(entryOf(next, 'kayes-gate').offered).toBe(waiting);
    }
    expect(waiting).toBe(cap);
  });
});

describe('driver morale', () => {
  const usual = quiet.entries.get('kayes-gate')!.morale;

  it('after a blow, climbs back MORALE_DRIFT_PER_DAY a day to the entry’s usual morale, and no further', () => {
    let state = run(quiet, start(1, 'normal', quiet).state, [{ type: 'ai/intimidate', cell: id.cell('cell-1'), corridor: id.corridor('senegal'), reason: REASON }]);
    const low = entryOf(state, 'kayes-gate').morale;
    expect(low).toBeLessThan(usual);
    const days = Math.ceil((usual - low) / MORALE_DRIFT_PER_DAY) + 3;
    for (let day = 1; day <= days; day++) {
      state = toHour(quiet, state, day * HOURS_PER_DAY);
      expect(entryOf(state, 'kayes-gate').morale).toBe(Math.min(usual, low + day * MORALE_DRIFT_PER_DAY));
    }
    expect(entryOf(state, 'kayes-gate').morale).toBe(usual);
  });

  it('after good news, sinks back MORALE_DRIFT_PER_DAY a day to the usual morale, and no further', () => {
    const boost = 20;
    const event = { ...fixture().events![0]!, day: 1, effects: { morale: { corridor: 'senegal', delta: boost } } };
    const c = makeCtx({ events: [event], ...STOCKED });
    let state = start(1, 'normal', c).state;
    const high = Math.min(100, usual + boost);
    expect(entryOf(state, 'kayes-gate').morale).toBe(high);
    const days = Math.ceil((high - usual) / MORALE_DRIFT_PER_DAY) + 3;
    for (let day = 1; day <= days; day++) {
      state = toHour(c, state, day * HOURS_PER_DAY);
      expect(entryOf(state, 'kayes-gate').morale).toBe(Math.max(usual, high - day * MORALE_DRIFT_PER_DAY));
    }
  });

  it('at the usual level, stays there day after day', () => {
    const state = toHour(quiet, start(1, 'normal', quiet).state, 5 * HOURS_PER_DAY);
    expect(entryOf(state, 'kayes-gate').morale).toBe(usual);
  });

  it('drivers who refused come back once morale recovers to MORALE_REFUSAL', () => {
    // Usual morale just above refusal; an event on day 1 knocks it to zero.
    const usualHere = MORALE_REFUSAL + 3;
    const [kayes, ...rest] = fixture().entryPoints;
    const blow = { ...fixture().events![0]!, day: 1, effects: { morale: { corridor: 'senegal', delta: -100 } } };
    const c = makeCtx({ events: [blow], ...STOCKED, entryPoints: [{ ...kayes!, tankersPerDay: 20, morale: usualHere }, ...rest] });
    let state = start(1, 'normal', c).state;
    expect(entryOf(state, 'kayes-gate')).toMatchObject({ morale: 0, offered: 0 });
    let refusedMornings = 1;
    for (let day = 1; day <= 60 && entryOf(state, 'kayes-gate').offered === 0; day++) {
      state = toHour(c, state, day * HOURS_PER_DAY);
      if (entryOf(state, 'kayes-gate').offered === 0) refusedMornings += 1;
    }
    expect(refusedMornings).toBe(Math.ceil(MORALE_REFUSAL / MORALE_DRIFT_PER_DAY));
    expect(entryOf(state, 'kayes-gate').morale).toBeGreaterThanOrEqual(MORALE_REFUSAL);
    expect(entryOf(state, 'kayes-gate').offered).toBeGreaterThan(0);
  });
});
