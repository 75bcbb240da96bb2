import { describe, expect, it } from 'vitest';
import { SECTORS, type PolicyId } from '../../src/levels/schema';
import { HOURS_PER_DAY, SERVICE_THRESHOLD } from '../../src/sim/balance';
import { nextServiceLevel, serviceTarget, settleTrust, updatePrices, updateServices } from '../../src/sim/rules/city';
import { sectorMap } from '../../src/sim/sectors';
import type { GameState, TrustChange } from '../../src/sim/state';
import { fixture, makeCtx, run, start, toHour, mutableCopy } from './fixture';

const quiet = makeCtx({ events: [] });
const T = SERVICE_THRESHOLD;

/** A copy of a fresh state with some policies in force, for calling one rule directly. */
function fresh(active: PolicyId[] = []): GameState {
  const s = mutableCopy(start(1, 'normal', quiet).state);
  for (const p of s.policies) if (active.includes(p.id)) p.status = 'active';
  return s;
}

describe('serviceTarget: where a service heads for a supply ratio', () => {
  it.each([
    ['full supply keeps full service', 100, 100],
    ['at the threshold the service follows supply', T, T],
    ['just below the threshold it drops steeply', T - 1, Math.floor(((T - 1) * (T - 1)) / T)],
    ['half the threshold gives a quarter of it', Math.floor(T / 2), Math.floor((Math.floor(T / 2) ** 2) / T)],
    ['no supply, no service', 0, 0],
    ['more than full supply is still full service', 150, 100],
    ['a negative ratio counts as none', -20, 0],
  ])('%s (%i percent → %i)', (_rule, supply, target) => {
    expect(serviceTarget(supply)).toBe(target);
  });

  it('is proportional at or above the threshold and strictly worse below it', () => {
    for (let r = 0; r <= 100; r++) {
      if (r >= T) expect(serviceTarget(r)).toBe(r);
      else if (r > 0) expect(serviceTarget(r)).toBeLessThan(r);
    }
  });

  it('never rises when supply falls (monotonic)', () => {
    for (let r = 1; r <= 100; r++) expect(serviceTarget(r)).toBeGreaterThanOrEqual(serviceTarget(r - 1));
  });
});

describe('nextServiceLevel: services move halfway toward their target each day', () => {
  it.each([
    [100, 0, 50],
    [50, 0, 25],
    [0, 100, 50],
    [100, 100, 100],
    [40, 60, 50],
    [1, 0, 0],
    [99, 100, 100],
    [0, 1, 1],
  ])('from %i toward %i the next day is %i', (current, target, next) => {
    expect(nextServiceLevel(current, target)).toBe(next);
  });

  it('never overshoots and reaches any target within eight days (halving the gap)', () => {
    for (const current of [0, 13, 50, 77, 100]) {
      for (const target of [0, 13, 50, 77, 100]) {
        let level = current;
        for (let day = 0; day < 8; day++) {
          const next = nextServiceLevel(level, target);
          expect(Math.abs(target - next)).toBeLessThanOrEqual(Math.abs(target - level));
          expect((next - level) * (target - level)).toBeGreaterThanOrEqual(0);
          level = next;
        }
        expect(level).toBe(target);
      }
    }
  });

  it('a cut bites with a delay: a service does not fall from full to nothing in a day', () => {
    expect(nextServiceLevel(100, serviceTarget(0))).toBeGreaterThan(0);
  });
});

describe('services in play', () => {
  // Supply ratios for the power sector on day 1, and the level it should end the day at.
  it.each([100, Math.min(100, T + 10), T, T - 10, 20, 0])('a day at %i percent of power demand moves power toward serviceTarget', (pct) => {
    const { state } = start(1, 'normal', quiet);
    const plan = sectorMap((s) => (s === 'power' ? Math.floor((quiet.level.sectors.power.demandL * pct) / 100) : quiet.level.sectors[s].demandL));
    const day1 = toHour(quiet, run(quiet, state, [{ type: 'plan/set', plan }]), HOURS_PER_DAY);
    expect(day1.services.power).toBe(nextServiceLevel(100, serviceTarget(pct)));
    for (const s of SECTORS) if (s !== 'power') expect(day1.services[s]).toBe(100);
  });

  it('a sector the level does not supply at all (zero demand) keeps full service', () => {
    const f = fixture();
    const ctx = makeCtx({ events: [], sectors: { ...f.sectors, schools: { demandL: 0, trustWeight: 3 } } });
    const day1 = toHour(ctx, start(1, 'normal', ctx).state, HOURS_PER_DAY);
    expect(day1.services.schools).toBe(100);
  });
});

describe('power hours follow the power service', () => {
  it('full power gives about 19 hours a day, as in Bamako before the crisis', () => {
    const s = fresh();
    updateServices(quiet, s, sectorMap((x) => quiet.level.sectors[x].demandL));
    expect(s.city.powerHours).toBe(19);
  });

  it('fall day after day when power plants get no fuel, down to a few hours, never below zero', () => {
    const s = fresh();
    const noPower = sectorMap((x) => (x === 'power' ? 0 : quiet.level.sectors[x].demandL));
    let previous = s.city.powerHours;
    for (let day = 0; day < 10; day++) {
      updateServices(quiet, s, noPower);
      expect(s.city.powerHours).toBeLessThanOrEqual(previous);
      previous = s.city.powerHours;
    }
    expect(s.services.power).toBe(0);
    expect(s.city.powerHours).toBeGreaterThanOrEqual(0);
    expect(s.city.powerHours).toBeLessThanOrEqual(6);
  });

  it('are never fewer for more power', () => {
    const seen: { power: number; hours: number }[] = [];
    for (let start = 0; start <= 100; start += 5) {
      for (const pct of [0, 50, 100]) {
        const s = fresh();
        s.services.power = start;
        updateServices(quiet, s, sectorMap((x) => Math.floor((quiet.level.sectors[x].demandL * (x === 'power' ? pct : 100)) / 100)));
        seen.push({ power: s.services.power, hours: s.city.powerHours });
      }
    }
    seen.sort((a, b) => a.power - b.power);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.hours).toBeGreaterThanOrEqual(seen[i - 1]!.hours);
  });
});

describe('prices and queues', () => {
  const base = quiet.level.economy.pumpPriceCfa;
  function prices(retail: number, active: PolicyId[] = []): GameState['city'] {
    const s = fresh(active);
    s.services.retail = retail;
    updatePrices(quiet, s);
    return s.city;
  }

  it('with no scarcity the pump and black-market prices are the official price and there is no queue', () => {
    expect(prices(100)).toMatchObject({ pumpPrice: base, blackPrice: base, queueHours: 0 });
  });

  it.each([80, 50, 20, 0])('at %i percent retail service prices rise, the black market above the pump, and queues form', (retail) => {
    const city = prices(retail);
    expect(city.pumpPrice).toBeGreaterThan(base);
    expect(city.blackPrice).toBeGreaterThan(city.pumpPrice);
    expect(city.queueHours).toBeGreaterThan(0);
  });

  it('the scarcer the fuel, the higher the prices and the longer the queues', () => {
    let previous = prices(100);
    for (let retail = 95; retail >= 0; retail -= 5) {
      const city = prices(retail);
      expect(city.pumpPrice).toBeGreaterThanOrEqual(previous.pumpPrice);
      expect(city.blackPrice).toBeGreaterThanOrEqual(previous.blackPrice);
      expect(city.queueHours).toBeGreaterThanOrEqual(previous.queueHours);
      previous = city;
    }
  });

  it.each([80, 50, 0])('price controls hold the pump price at %i percent retail service but feed the black market and the queues', (retail) => {
    const free = prices(retail);
    const controlled = prices(retail, ['priceControls']);
    expect(controlled.pumpPrice).toBe(base);
    expect(controlled.blackPrice).toBeGreaterThan(free.blackPrice);
    expect(controlled.queueHours).toBeGreaterThan(free.queueHours);
  });

  it('a purchase cap shortens the queues', () => {
    const free = prices(20);
    const capped = prices(20, ['purchaseCap']);
    expect(free.queueHours).toBeGreaterThan(1);
    expect(capped.queueHours).toBeLessThan(free.queueHours);
  });

  it('food prices climb while transport is short and ease back to 100 when it recovers', () => {
    const s = fresh();
    s.services.transport = 20;
    updatePrices(quiet, s);
    expect(s.city.foodIndex).toBeGreaterThan(100);
    s.services.transport = 100;
    for (let day = 0; day < 50; day++) updatePrices(quiet, s);
    expect(s.city.foodIndex).toBe(100);
  });
});

describe('public trust', () => {
  const hungry = sectorMap(() => 0);
  const sumOf = (why: readonly TrustChange[]): number => why.reduce((total, t) => total + t.delta, 0);

  it('each day’s breakdown (trustWhy) sums to the day’s change in trust', () => {
    // The fixture's scripted event on day 3 adds an "events" cause to the services one.
    const ctx = makeCtx();
    let state = run(ctx, start(1, 'normal', ctx).state, [{ type: 'plan/set', plan: hungry }]);
    const causes = new Set<string>();
    for (let day = 1; day <= 6 && state.status === 'playing'; day++) {
      const next = toHour(ctx, state, day * HOURS_PER_DAY);
      if (next.city.trust > 0) expect(next.city.trust - state.city.trust).toBe(sumOf(next.trustWhy));
      for (const t of next.trustWhy) {
        expect(t.delta).not.toBe(0);
        causes.add(t.cause);
      }
      state = next;
    }
    expect(causes).toContain('services');
    expect(causes).toContain('events');
  });

  it('lists each cause once a day', () => {
    const ctx = makeCtx();
    let state = run(ctx, start(1, 'normal', ctx).state, [{ type: 'plan/set', plan: hungry }]);
    state = toHour(ctx, state, 3 * HOURS_PER_DAY);
    const causes = state.trustWhy.map((t) => t.cause);
    expect(new Set(causes).size).toBe(causes.length);
  });

  it('a city with full services and no queues slowly regains trust', () => {
    const day1 = toHour(quiet, start(1, 'normal', quiet).state, HOURS_PER_DAY);
    expect(day1.trustWhy).toEqual([{ cause: 'recovery', delta: 1 }]);
  });

  it.each([
    [95, 20, 100],
    [3, -10, 0],
    [50, 0, 50],
    [100, 100, 100],
    [0, -100, 0],
  ])('is clamped to 0..100: %i with a change of %i becomes %i', (trust, delta, expected) => {
    const s = fresh();
    s.city.trust = trust;
    s.city.pendingTrust = delta === 0 ? [] : [{ cause: 'events', delta }];
    settleTrust(s);
    expect(s.city.trust).toBe(expected);
    expect(s.city.pendingTrust).toEqual([]);
  });

  it('a huge boost from an event leaves trust at 100, not above', () => {
    const f = fixture();
    const first = f.events![0]!;
    const ctx = makeCtx({ events: [{ ...first, day: 1, effects: { trust: 100 } }] });
    const day1 = toHour(ctx, start(1, 'normal', ctx).state, HOURS_PER_DAY);
    expect(day1.city.trust).toBe(100);
  });
});
