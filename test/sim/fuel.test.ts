import type { Immutable } from 'immer';
import { describe, expect, it } from 'vitest';
import { SECTORS, type Sector } from '../../src/levels/schema';
import { AIRLIFT_L_PER_DAY, HOURS_PER_DAY, PURCHASE_CAP_RETAIL } from '../../src/sim/balance';
import type { LevelContext } from '../../src/sim/context';
import { reduce } from '../../src/sim/reducer';
import { demandToday, releaseFuel } from '../../src/sim/rules/fuel';
import { sectorMap } from '../../src/sim/sectors';
import type { GameState, SectorMap } from '../../src/sim/state';
import { makeCtx, policyOf, run, start, tickUntil, toHour, withoutError, mutableCopy } from './fixture';

const quiet = makeCtx({ events: [] });
const demandOf = (ctx: LevelContext, s: Sector): number => ctx.level.sectors[s].demandL;
const sum = (m: SectorMap): number => SECTORS.reduce((total, s) => total + m[s], 0);

/** What `releaseFuel` gives each sector, on a copy of the state. */
function release(ctx: LevelContext, state: Immutable<GameState>): { given: SectorMap; after: Immutable<GameState> } {
  const after = mutableCopy(state);
  const given = releaseFuel(ctx, after);
  return { given, after };
}

function withPlan(state: Immutable<GameState>, plan: SectorMap): Immutable<GameState> {
  return { ...state, plan };
}

describe('plan/set validation', () => {
  const { state } = start(1, 'normal', quiet);
  const full = sectorMap((s) => demandOf(quiet, s));
  const without = (s: Sector): Record<string, number> => Object.fromEntries(Object.entries(full).filter(([k]) => k !== s));

  it.each<[string, unknown]>([
    ['a negative amount', { ...full, power: -1 }],
    ['a fractional amount', { ...full, water: 1000.5 }],
    ['a sector left out', without('hospitals')],
    ['an amount too big to mean anything', { ...full, retail: Number.MAX_SAFE_INTEGER }],
    ['an amount that is not a number', { ...full, schools: '30000' }],
    ['NaN', { ...full, security: Number.NaN }],
    ['no plan at all', null],
  ])('a plan with %s is refused with bad-plan and changes nothing else', (_what, plan) => {
    const next = reduce(quiet, state, { type: 'plan/set', plan: plan as SectorMap });
    expect(next.lastError?.code).toBe('bad-plan');
    expect(withoutError(next)).toEqual(state);
    expect(next.plan).toBe(state.plan);
  });

  it('a plan with whole, non-negative litres for every sector replaces the old one', () => {
    const plan = sectorMap((s) => (s === 'retail' ? 0 : demandOf(quiet, s) * 2));
    const next = run(quiet, state, [{ type: 'plan/set', plan }]);
    expect(next.plan).toEqual(plan);
    expect(next.lastError).toBeNull();
  });
});

describe('the daily release', () => {
  it('starts with a plan that asks for every sector’s full demand', () => {
    const { state } = start(1, 'normal', quiet);
    expect(state.plan).toEqual(sectorMap((s) => demandOf(quiet, s)));
  });

  // Multiples of each sector's demand the plan asks for: under, exactly, over, nothing.
  const shapes: [string, (s: Sector, i: number) => number][] = [
    ['exactly the demand', () => 1],
    ['twice the demand', () => 2],
    ['half the demand', () => 0.5],
    ['nothing', () => 0],
    ['a mix of under, exact and over', (_s, i) => [0, 0.5, 1, 3][i % 4]!],
  ];

  it.each(shapes)('with enough stock, each sector gets min(plan, demand) when the plan asks for %s', (_what, factor) => {
    const { state } = start(1, 'normal', quiet);
    const plan = sectorMap((s) => Math.round(demandOf(quiet, s) * factor(s, SECTORS.indexOf(s))));
    const { given, after } = release(quiet, withPlan(state, plan));
    const expected = sectorMap((s) => Math.min(plan[s], demandOf(quiet, s)));
    expect(given).toEqual(expected);
    expect(after.fuel.stockL).toBe(state.fuel.stockL - sum(expected));
    expect(after.fuel.consumedL).toBe(state.fuel.consumedL + sum(expected));
  });

  it('with enough stock, a day of play consumes exactly what the plan asks for, up to demand', () => {
    const { state } = start(1, 'normal', quiet);
    const plan = sectorMap((s) => (s === 'power' ? 0 : s === 'retail' ? demandOf(quiet, s) * 4 : Math.floor(demandOf(quiet, s) / 3)));
    const day1 = toHour(quiet, run(quiet, state, [{ type: 'plan/set', plan }]), HOURS_PER_DAY);
    const expected = SECTORS.reduce((total, s) => total + Math.min(plan[s], demandOf(quiet, s)), 0);
    expect(day1.fuel.consumedL).toBe(expected);
    expect(day1.fuel.stockL).toBe(state.fuel.stockL - expected);
  });

  describe('with a short stock', () => {
    const stocks = [0, 1, 7, 123_457, Math.floor(quiet.totalDemandL / 3), quiet.totalDemandL - 1];
    it.each(stocks)('every sector gets the same share of its request, and no litre is created or lost (stock %i L)', (stockL) => {
      const { state } = start(1, 'normal', quiet);
      const short: Immutable<GameState> = { ...state, fuel: { ...state.fuel, stockL } };
      const asked = sectorMap((s) => demandOf(quiet, s));
      const total = sum(asked);
      const { given, after } = release(quiet, short);
      for (const s of SECTORS) {
        // given = floor(asked × stock / total): the same share for every sector, rounded down.
        expect(given[s] * total).toBeLessThanOrEqual(asked[s] * stockL);
        expect((given[s] + 1) * total).toBeGreaterThan(asked[s] * stockL);
      }
      expect(sum(given)).toBeLessThanOrEqual(stockL);
      expect(stockL - sum(given)).toBeLessThan(SECTORS.length);
      expect(after.fuel.stockL + after.fuel.consumedL).toBe(short.fuel.stockL + short.fuel.consumedL);
      expect(after.fuel.stockL).toBeGreaterThanOrEqual(0);
    });

    it('over several days of shortage the depot never goes below empty and stock + consumed stays constant', () => {
      const ctx = makeCtx({ events: [], depot: { town: 'bamako', stockL: Math.floor(quiet.totalDemandL * 2.5) } });
      let { state } = start(1, 'normal', ctx);
      const total = state.fuel.stockL + state.fuel.consumedL;
      for (let day = 1; day <= 4; day++) {
        state = toHour(ctx, state, day * HOURS_PER_DAY);
        expect(state.fuel.stockL).toBeGreaterThanOrEqual(0);
        expect(state.fuel.stockL + state.fuel.consumedL).toBe(total);
      }
      expect(state.fuel.stockL).toBeLessThan(SECTORS.length);
    });
  });
});

describe('policies that change demand', () => {
  it('a purchase cap lowers retail demand to PURCHASE_CAP_RETAIL percent once in force', () => {
    let { state } = start(1, 'normal', quiet);
    const base = demandOf(quiet, 'retail');
    expect(demandToday(quiet, state).retail).toBe(base);
    state = run(quiet, state, [{ type: 'policy/enact', policy: 'purchaseCap' }]);
    expect(demandToday(quiet, state).retail).toBe(base);
    state = tickUntil(quiet, state, (s) => policyOf(s, 'purchaseCap').status === 'active');
    const capped = Math.round((base * PURCHASE_CAP_RETAIL) / 100);
    expect(demandToday(quiet, state).retail).toBe(capped);
    for (const s of SECTORS) if (s !== 'retail') expect(demandToday(quiet, state)[s]).toBe(demandOf(quiet, s));

    // The plan still asks for the full retail demand; only the capped amount leaves the depot.
    const before = state.fuel.consumedL;
    const next = toHour(quiet, state, state.hour + HOURS_PER_DAY);
    expect(next.fuel.consumedL - before).toBe(quiet.totalDemandL - base + capped);
  });

  it('closing schools sets school demand to zero, so no fuel goes to them', () => {
    let { state } = start(1, 'normal', quiet);
    state = run(quiet, state, [{ type: 'policy/enact', policy: 'closeSchools' }]);
    state = tickUntil(quiet, state, (s) => policyOf(s, 'closeSchools').status === 'active');
    expect(demandToday(quiet, state).schools).toBe(0);
    const before = state.fuel.consumedL;
    const next = toHour(quiet, state, state.hour + HOURS_PER_DAY);
    expect(next.fuel.consumedL - before).toBe(quiet.totalDemandL - demandOf(quiet, 'schools'));
    expect(next.services.schools).toBe(0);
  });
});

describe('the emergency airlift', () => {
  it('adds AIRLIFT_L_PER_DAY to the depot each day it is in force, and counts it as acquired', () => {
    const ctx = quiet;
    let { state } = start(1, 'normal', ctx);
    state = run(ctx, state, [{ type: 'policy/enact', policy: 'emergencyAirlift' }]);

    // Pending: nothing flies in yet.
    const pendingDay = toHour(ctx, state, HOURS_PER_DAY);
    expect(policyOf(pendingDay, 'emergencyAirlift').status).toBe('pending');
    expect(pendingDay.fuel.acquiredL).toBe(state.fuel.acquiredL);

    state = tickUntil(ctx, pendingDay, (s) => policyOf(s, 'emergencyAirlift').status === 'active');
    for (let i = 0; i < 3; i++) {
      const next = toHour(ctx, state, state.hour + HOURS_PER_DAY);
      expect(next.fuel.acquiredL - state.fuel.acquiredL).toBe(AIRLIFT_L_PER_DAY);
      expect(next.fuel.stockL + next.fuel.consumedL - (state.fuel.stockL + state.fuel.consumedL)).toBe(AIRLIFT_L_PER_DAY);
      state = next;
    }
  });

  it('stops when the airlift is revoked', () => {
    let { state } = start(1, 'normal', quiet);
    state = run(quiet, state, [{ type: 'policy/enact', policy: 'emergencyAirlift' }]);
    state = tickUntil(quiet, state, (s) => policyOf(s, 'emergencyAirlift').status === 'active');
    state = run(quiet, state, [{ type: 'policy/revoke', policy: 'emergencyAirlift' }]);
    const next = toHour(quiet, state, state.hour + HOURS_PER_DAY);
    expect(next.fuel.acquiredL).toBe(state.fuel.acquiredL);
  });
});
