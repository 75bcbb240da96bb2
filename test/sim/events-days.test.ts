import type { Immutable } from 'immer';
import { describe, expect, it } from 'vitest';
import { HOURS_PER_DAY } from '../../src/sim/balance';
import { reduce } from '../../src/sim/reducer';
import type { Action, GameState } from '../../src/sim/state';
import { REASON, SENEGAL_ROUTE, entryOf, fixture, id, makeCtx, run, start, tickUntil, toHour } from './fixture';

type LevelEvent = NonNullable<ReturnType<typeof fixture>['events']>[number];
const ctx = makeCtx();
const quiet = makeCtx({ events: [] });
const scripted = (day: number, effects: LevelEvent['effects']): LevelEvent => ({ ...fixture().events![0]!, id: `test-${day}`, day, effects });
const morning = (day: number): number => (day - 1) * HOURS_PER_DAY;
const eventNews = (s: Immutable<GameState>, event: string) => s.news.filter((n) => n.kind === 'event' && n.event === event);

describe('scripted events', () => {
  const [queues, relief] = ctx.level.events;

  it('fire on the morning of their day, once, with a news item that carries their text and cites their sources', () => {
    for (const event of [queues!, relief!]) {
      let state = toHour(ctx, start(1, 'normal', ctx).state, morning(event.day) - 1);
      expect(eventNews(state, event.id)).toEqual([]);
      state = toHour(ctx, state, morning(event.day));
      expect(eventNews(state, event.id)).toEqual([
        { hour: morning(event.day), kind: 'event', event: event.id, title: event.title, body: event.body, sources: event.sources, facts: {} },
      ]);
      const known = new Set(ctx.level.sources.map((s) => s.id));
      for (const source of event.sources) expect(known.has(source)).toBe(true);
      state = toHour(ctx, state, morning(event.day + 3));
      expect(eventNews(state, event.id)).toHaveLength(1);
    }
  });

  it('apply their effects: trust (settled that night), driver morale and food prices', () => {
    const effects = queues!.effects;
    const before = toHour(ctx, start(1, 'normal', ctx).state, morning(queues!.day));
    const eve = before.history.at(-1)!;
    expect(before.city.pendingTrust).toContainEqual({ cause: 'events', delta: effects.trust });
    expect(entryOf(before, 'kayes-gate').morale).toBe(ctx.entries.get('kayes-gate')!.morale + effects.morale!.delta);
    expect(entryOf(before, 'siguiri-gate').morale).toBe(ctx.entries.get('siguiri-gate')!.morale);
    expect(before.city.foodIndex).toBe(eve.foodIndex + effects.foodPrice!);
    const night = toHour(ctx, before, morning(queues!.day + 1));
    expect(night.trustWhy).toContainEqual({ cause: 'events', delta: effects.trust });
  });

  it('apply their effects: stock, counted as acquired, and budget', () => {
    const effects = relief!.effects;
    const eve = toHour(ctx, start(1, 'normal', ctx).state, morning(relief!.day));
    const last = eve.history.at(-1)!;
    expect(eve.fuel.stockL).toBe(last.stockL + effects.stockL!);
    const dayBefore = toHour(ctx, start(1, 'normal', ctx).state, morning(relief!.day) - 1);
    expect(eve.fuel.acquiredL - dayBefore.fuel.acquiredL).toBe(effects.stockL);
    expect(eve.city.budgetM - dayBefore.city.budgetM).toBe(effects.budgetM);
  });

  it('an event on day 1 fires as the game starts', () => {
    const c = makeCtx({ events: [scripted(1, { trust: -4 })] });
    const { state } = start(1, 'normal', c);
    expect(eventNews(state, 'test-1')).toHaveLength(1);
    expect(state.city.pendingTrust).toEqual([{ cause: 'events', delta: -4 }]);
  });

  it('an event can declare a blockade on a corridor', () => {
    const c = makeCtx({ events: [scripted(2, { blockade: 'senegal' })] });
    const state = toHour(c, start(1, 'normal', c).state, morning(2));
    expect(state.blockaded).toEqual(['senegal']);
    expect(state.news.some((n) => n.kind === 'blockade' && n.facts.corridor === 'senegal')).toBe(true);
  });

  it('an event that takes more fuel than the depot holds empties it, and the loss is accounted for', () => {
    const c = makeCtx({ events: [scripted(2, { stockL: -50_000_000 })] });
    const eve = toHour(c, start(1, 'normal', c).state, morning(2) - 1);
    const state = toHour(c, eve, morning(2));
    expect(state.fuel.stockL).toBe(0);
    expect(state.fuel.lostL).toBe(state.history.at(-1)!.stockL);
    expect(state.fuel.stockL + state.fuel.consumedL + state.fuel.lostL).toBe(state.fuel.acquiredL);
  });

  it('events with cell strength change every cell, within bounds', () => {
    const c = makeCtx({ events: [scripted(2, { cellStrength: -5 })] });
    const state = toHour(c, start(1, 'hard', c).state, morning(2));
    for (const cell of state.cells) expect(cell.strength).toBe(1);
  });
});

describe('the end of the game', () => {
  it('collapses when trust reaches zero', () => {
    const c = makeCtx({ events: [scripted(2, { trust: -100 })] });
    let state = toHour(c, start(1, 'normal', c).state, morning(2) + HOURS_PER_DAY - 1);
    expect(state.status).toBe('playing');
    state = toHour(c, state, morning(3));
    expect(state).toMatchObject({ status: 'collapsed', collapseReason: 'trust' });
    expect(state.city.trust).toBe(0);
    expect(state.history).toHaveLength(2);
  });

  it('collapses after collapse.noFuelDays days in a row with (almost) no fuel for the city', () => {
    // Trust weights at zero so that only the empty depot can end the game.
    const f = fixture();
    const sectors = Object.fromEntries(Object.entries(f.sectors).map(([k, v]) => [k, { ...v, trustWeight: 0 }])) as typeof f.sectors;
    const c = makeCtx({ events: [], sectors, depot: { town: 'bamako', stockL: 0 } });
    const days = c.level.collapse.noFuelDays;
    let state = toHour(c, start(1, 'normal', c).state, days * HOURS_PER_DAY - 1);
    expect(state.status).toBe('playing');
    expect(state.city.noFuelDays).toBe(days - 1);
    state = toHour(c, state, days * HOURS_PER_DAY);
    expect(state).toMatchObject({ status: 'collapsed', collapseReason: 'fuel' });
    expect(state.city.trust).toBeGreaterThan(0);
  });

  it('a day with enough fuel resets the count of days without', () => {
    const c = makeCtx({ events: [scripted(3, { stockL: 10_000_000 })], depot: { town: 'bamako', stockL: 0 } });
    const state = toHour(c, start(1, 'normal', c).state, 3 * HOURS_PER_DAY);
    expect(state.city.noFuelDays).toBe(0);
    expect(state.status).toBe('playing');
  });

  it('is held when the last day ends without collapse', () => {
    const c = makeCtx({ events: [], days: 3 });
    let state = toHour(c, start(1, 'normal', c).state, 3 * HOURS_PER_DAY - 1);
    expect(state.status).toBe('playing');
    state = toHour(c, state, 3 * HOURS_PER_DAY);
    expect(state).toMatchObject({ status: 'held', collapseReason: null });
    expect(state.history.map((h) => h.day)).toEqual([1, 2, 3]);
  });

  const after: Action[] = [
    { type: 'tick' },
    { type: 'plan/set', plan: { power: 0, hospitals: 0, water: 0, transport: 0, schools: 0, security: 0, retail: 0 } },
    { type: 'convoy/form', entry: id.entry('kayes-gate'), tankers: 1, route: SENEGAL_ROUTE, departAt: 72, escort: [] },
    { type: 'policy/enact', policy: 'curfew' },
    { type: 'ai/move', cell: id.cell('cell-1'), to: id.town('kati'), reason: REASON },
  ];
  it.each(after.map((a) => [a.type, a] as const))('after the end, %s is refused with game-over and changes nothing', (_type, action) => {
    const c = makeCtx({ events: [], days: 3 });
    const ended = tickUntil(c, start(1, 'normal', c).state, (s) => s.status !== 'playing');
    const next = reduce(c, ended, action);
    expect(next.lastError).toMatchObject({ code: 'game-over', action: action.type });
    expect({ ...next, lastError: null }).toEqual({ ...ended, lastError: null });
  });
});

describe('daily history', () => {
  it('records one row per day, at midnight, with that night’s figures and running totals of tankers', () => {
    let state = start(1, 'normal', quiet).state;
    state = run(quiet, state, [{ type: 'convoy/form', entry: id.entry('kayes-gate'), tankers: 3, route: SENEGAL_ROUTE, departAt: 0, escort: [] }]);
    for (let day = 1; day <= 5; day++) {
      state = toHour(quiet, state, day * HOURS_PER_DAY);
      expect(state.history).toHaveLength(day);
      const row = state.history.at(-1)!;
      expect(row).toMatchObject({
        day,
        stockL: state.fuel.stockL,
        trust: state.city.trust,
        services: state.services,
        powerHours: state.city.powerHours,
        tankersDelivered: state.metrics.tankersDelivered,
        tankersLost: state.metrics.tankersLost,
      });
    }
    expect(state.history[0]!.tankersDelivered).toBe(3);
    expect(state.history.at(-1)!.tankersDelivered).toBe(3);
  });
});
