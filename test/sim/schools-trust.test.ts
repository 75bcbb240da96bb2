/**
 * What a failing city costs. Schools shut when transport falls below SCHOOLS_SHUT_TRANSPORT
 * (pupils and teachers cannot travel) and reopen only once it is back to
 * SCHOOLS_REOPEN_TRANSPORT. Trust follows the essential services (hospitals, water,
 * security) every day they are short; people adapt to the others (power, transport,
 * schools, retail), which cost a point only on days they get worse below ADAPTED_THRESHOLD.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SECTORS, type Sector } from '../../src/levels/schema';
import { HOURS_PER_DAY } from '../../src/sim/balance';
import { ADAPTED_THRESHOLD, SCHOOLS_REOPEN_TRANSPORT, SCHOOLS_SHUT_TRANSPORT, nextServiceLevel, pressureTrust, serviceTarget, updateServices } from '../../src/sim/rules/city';
import { ESSENTIAL_SECTORS, isEssential, sectorMap } from '../../src/sim/sectors';
import type { GameState } from '../../src/sim/state';
import { STOCKED, makeCtx, mutableCopy, policyOf, run, start, toHour } from './fixture';

const quiet = makeCtx({ events: [], ...STOCKED });
const demand = (s: Sector): number => quiet.level.sectors[s].demandL;

/** A supply percent and a starting level from which one day brings transport to exactly `level`. */
function reach(level: number): { from: number; pct: number } {
  for (let from = 0; from <= 100; from++) {
    for (let pct = 0; pct <= 100; pct++) if (nextServiceLevel(from, serviceTarget(pct)) === level) return { from, pct };
  }
  throw new Error(`transport cannot reach ${level} in a day`);
}

/** One day's services with transport brought to `level`, every other sector fully supplied; schools shut before or not. */
function day(level: number, shutBefore: boolean): GameState {
  const s = mutableCopy(start(1, 'normal', quiet).state);
  const { from, pct } = reach(level);
  s.services.transport = from;
  s.city.schoolsShut = shutBefore;
  const given = sectorMap((sector) => (sector === 'transport' ? (demand(sector) * pct) / 100 : demand(sector)));
  updateServices(quiet, s, given);
  expect(s.services.transport).toBe(level);
  return s;
}

describe(`schools shut below SCHOOLS_SHUT_TRANSPORT (${SCHOOLS_SHUT_TRANSPORT}) and reopen at SCHOOLS_REOPEN_TRANSPORT (${SCHOOLS_REOPEN_TRANSPORT})`, () => {
  it.each([
    ['open', 100, 'open'],
    ['open', SCHOOLS_SHUT_TRANSPORT, 'open'],
    ['open', SCHOOLS_SHUT_TRANSPORT - 1, 'shut'],
    ['open', 0, 'shut'],
    ['shut', SCHOOLS_SHUT_TRANSPORT - 1, 'shut'],
    ['shut', SCHOOLS_SHUT_TRANSPORT, 'shut'],
    ['shut', SCHOOLS_REOPEN_TRANSPORT - 1, 'shut'],
    ['shut', SCHOOLS_REOPEN_TRANSPORT, 'open'],
    ['shut', 100, 'open'],
  ] as const)('schools %s, transport at %i: schools %s', (before, transport, after) => {
    const s = day(transport, before === 'shut');
    expect(s.city.schoolsShut).toBe(after === 'shut');
    // Shut schools teach nobody, however much fuel they get.
    if (after === 'shut') expect(s.services.schools).toBe(0);
    else expect(s.services.schools).toBeGreaterThan(0);
    const news = s.news.filter((n) => n.kind === 'schools');
    expect(news).toEqual(before === after ? [] : [expect.objectContaining({ facts: { shut: after === 'shut' ? 1 : 0, transport } })]);
  });

  it('in play: with no fuel for transport the schools shut, school days are lost, and they reopen only once transport is back to SCHOOLS_REOPEN_TRANSPORT', () => {
    const full = sectorMap(demand);
    let state = run(quiet, start(1, 'normal', quiet).state, [{ type: 'plan/set', plan: { ...full, transport: 0 } }]);
    let shutOn = 0;
    for (let d = 1; d <= 12 && shutOn === 0; d++) {
      state = toHour(quiet, state, d * HOURS_PER_DAY);
      if (state.city.schoolsShut) shutOn = d;
    }
    expect(shutOn).toBeGreaterThan(0);
    expect(state.history.at(-1)!.services.transport).toBeLessThan(SCHOOLS_SHUT_TRANSPORT);
    expect(state.history.at(-2)!.services.transport).toBeGreaterThanOrEqual(SCHOOLS_SHUT_TRANSPORT);
    const lostAtShut = state.metrics.educationDaysLost;
    state = run(quiet, state, [{ type: 'plan/set', plan: full }]);
    let reopenedOn = 0;
    for (let d = shutOn + 1; d <= shutOn + 12 && reopenedOn === 0; d++) {
      state = toHour(quiet, state, d * HOURS_PER_DAY);
      const transport = state.history.at(-1)!.services.transport;
      if (!state.city.schoolsShut) reopenedOn = d;
      else expect(transport).toBeLessThan(SCHOOLS_REOPEN_TRANSPORT);
    }
    expect(reopenedOn).toBeGreaterThan(shutOn);
    expect(state.history.at(-1)!.services.transport).toBeGreaterThanOrEqual(SCHOOLS_REOPEN_TRANSPORT);
    // Every day the schools were shut is a school day lost.
    expect(state.metrics.educationDaysLost - lostAtShut).toBe(reopenedOn - shutOn - 1);
  });
});

/** The end of day 1: one day in the history. */
const dayOne = toHour(quiet, start(1, 'normal', quiet).state, HOURS_PER_DAY);

/** The trust the services cost tonight, with one sector at `level` (yesterday `yesterday`) and every other at 100. */
function servicesTrust(sector: Sector, level: number, yesterday: number, opts: { shut?: boolean; closeSchools?: boolean } = {}): number {
  const s = mutableCopy(dayOne);
  s.history[s.history.length - 1]!.services = sectorMap((x) => (x === sector ? yesterday : 100));
  s.services = sectorMap((x) => (x === sector ? level : 100));
  s.city.schoolsShut = opts.shut ?? false;
  if (opts.closeSchools) policyOf(s, 'closeSchools').status = 'active';
  s.city.pendingTrust = [];
  pressureTrust(quiet, s);
  return s.city.pendingTrust.find((t) => t.cause === 'services')?.delta ?? 0;
}

describe('essential and adapted services in public trust', () => {
  const weight = (s: Sector): number => quiet.level.sectors[s].trustWeight;
  const essentialRows: [Sector, number, number][] = [];
  for (const s of ESSENTIAL_SECTORS) {
    for (const level of [100, 60, 59, 30, 0]) essentialRows.push([s, level, level < 60 ? -Math.ceil((weight(s) * (60 - level)) / 60) : 0]);
  }
  it.each(essentialRows)('essential %s at %i, the same as yesterday, costs %i every day', (sector, level, cost) => {
    expect(servicesTrust(sector, level, level)).toBe(cost);
  });

  const adapted = SECTORS.filter((s) => !isEssential(s));
  const adaptedRows: [Sector, string, number, number, number][] = [];
  for (const s of adapted) {
    adaptedRows.push(
      [s, 'falling below ADAPTED_THRESHOLD', ADAPTED_THRESHOLD - 1, ADAPTED_THRESHOLD + 10, -1],
      [s, 'falling to nothing', 0, 100, -1],
      [s, 'steady below ADAPTED_THRESHOLD', ADAPTED_THRESHOLD - 1, ADAPTED_THRESHOLD - 1, 0],
      [s, 'rising below ADAPTED_THRESHOLD', 10, 0, 0],
      [s, 'falling to ADAPTED_THRESHOLD', ADAPTED_THRESHOLD, 100, 0],
    );
  }
  it.each(adaptedRows)('adapted %s %s (%i, from %i) costs %i', (sector, _what, level, yesterday, cost) => {
    expect(servicesTrust(sector, level, yesterday)).toBe(cost);
  });

  it.each([
    ['shut for want of transport', { shut: true }],
    ['closed by decree', { closeSchools: true }],
  ])('schools %s cost no trust as a service (the cost is counted elsewhere)', (_what, opts) => {
    expect(servicesTrust('schools', 0, 100, opts)).toBe(0);
    expect(servicesTrust('schools', 0, 100)).toBe(-1);
  });

  it('a city whose essential services hold and whose queues are short regains trust even with little power', () => {
    const s = mutableCopy(dayOne);
    s.services.power = 10;
    s.city.queueHours = 0;
    s.city.pendingTrust = [];
    pressureTrust(quiet, s);
    expect(s.city.pendingTrust.find((t) => t.cause === 'recovery')?.delta).toBe(1);
  });

  it('property: an adapted service costs at most a point a day; an essential one costs more the lower it falls, nothing at 60 or above', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SECTORS), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (sector, a, b, yesterday) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        if (!isEssential(sector)) return [0, -1].includes(servicesTrust(sector, lo, yesterday));
        const costLo = servicesTrust(sector, lo, yesterday);
        const costHi = servicesTrust(sector, hi, yesterday);
        return costLo <= costHi && costHi <= 0 && (hi < 60 || costHi === 0) && costLo >= -weight(sector);
      }),
      { numRuns: 200 },
    );
  });
});
