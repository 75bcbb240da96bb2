import { produce, type Immutable } from 'immer';
import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../../src/app/i18n';
import { SECTORS } from '../../src/levels/constants';
import { createInitialState } from '../../src/sim/init';
import type { GameState, NewsItem } from '../../src/sim/state';
import { COVER_ALERT_DAYS, detectAlerts, TRUST_ALERT, type Alert } from '../../src/ui/alerts/detect';
import { daysAtPlan, plannedDailyL } from '../../src/ui/hud/model';
import { alertText } from '../../src/ui/alerts/text';
import { shippedContext } from '../helpers';

const ctx = shippedContext('tutorial');
const start: Immutable<GameState> = createInitialState(ctx, 1, 'normal');
const daily = plannedDailyL(ctx, start);

const news = (kind: NewsItem['kind'], facts: NewsItem['facts']): NewsItem => ({ hour: 30, kind, facts });
/** A state like `base` with these news items added and these changes made. */
const after = (base: Immutable<GameState>, items: NewsItem[], change: (s: GameState) => void = () => undefined): Immutable<GameState> =>
  produce(base, (s) => {
    s.hour += 1;
    s.news.push(...items);
    change(s as GameState);
  });
const withStockDays = (days: number) => (s: GameState) => void (s.fuel.stockL = Math.round(days * daily));
const withTrust = (trust: number) => (s: GameState) => void (s.city.trust = trust);
const kinds = (alerts: Alert[]): string[] => alerts.map((a) => a.kind);

afterEach(() => setLang('en'));

describe('alerts are read from what changed between two states', () => {
  const atTrust = (n: number) => produce(start, withTrust(n));
  const atCover = (days: number) => produce(start, withStockDays(days));
  const rows: [string, Immutable<GameState>, Immutable<GameState>, string[]][] = [
    ['nothing happened', start, after(start, []), []],
    ['the very same state', start, start, []],
    ['a town fell', start, after(start, [news('town', { town: 'kolondieba', fallen: 1, garrison: 0, need: 2 })]), ['townLost']],
    ['a town was attacked and held', start, after(start, [news('town', { town: 'kolondieba', held: 1, garrison: 2, need: 2 })]), []],
    ['a town was retaken', start, after(start, [news('town', { town: 'kolondieba', retaken: 1 })]), []],
    ['a convoy was attacked', start, after(start, [news('attack', { convoy: 2, road: 'sikasso-bougouni', lost: 4, left: 6, escorted: 1 })]), ['convoyAttacked']],
    ['an escort beat off an attack', start, after(start, [news('repelled', { convoy: 2, road: 'sikasso-bougouni', lost: 1 })]), ['attackRepelled']],
    ['tankers burned at a border', start, after(start, [news('raid', { entry: 'zegoua', lost: 5, left: 20 })]), ['borderRaid']],
    ['a blockade declared is not an attack', start, after(start, [news('blockade', { corridor: 'cote-divoire' })]), []],
    ['drivers threatened, a convoy arrived', start, after(start, [news('intimidation', { corridor: 'guinea' }), news('arrival', { convoy: 1, tankers: 10, litres: 460000 })]), []],
    [
      'two strikes in one step, in order',
      start,
      after(start, [news('attack', { convoy: 3, road: 'zegoua-sikasso', lost: 2, left: 8, escorted: 0 }), news('town', { town: 'siby', fallen: 1, garrison: 0, need: 1 })]),
      ['convoyAttacked', 'townLost'],
    ],
    ['trust falls under the threshold', atTrust(TRUST_ALERT + 5), after(atTrust(TRUST_ALERT + 5), [], withTrust(TRUST_ALERT - 1)), ['trustLow']],
    ['trust falls to exactly the threshold', atTrust(TRUST_ALERT + 5), after(atTrust(TRUST_ALERT + 5), [], withTrust(TRUST_ALERT)), []],
    ['trust already under it falls further', atTrust(TRUST_ALERT - 1), after(atTrust(TRUST_ALERT - 1), [], withTrust(TRUST_ALERT - 8)), []],
    ['trust rises', atTrust(TRUST_ALERT - 1), after(atTrust(TRUST_ALERT - 1), [], withTrust(TRUST_ALERT + 3)), []],
    ['the depot falls under a day of the plan', atCover(1.3), after(atCover(1.3), [], withStockDays(0.8)), ['stockLow']],
    ['the depot falls to exactly a day: the next night empties it', atCover(1.3), after(atCover(1.3), [], withStockDays(1)), ['stockLow']],
    ['the depot falls, still above a day', atCover(2), after(atCover(2), [], withStockDays(1.1)), []],
    ['the depot, already under a day, falls further', atCover(0.8), after(atCover(0.8), [], withStockDays(0.3)), []],
    ['the depot rises above a day', atCover(0.8), after(atCover(0.8), [], withStockDays(2)), []],
    [
      'a rationed plan keeps the same stock above a day',
      atCover(0.9),
      after(atCover(0.9), [], (s) => {
        for (const sector of SECTORS) s.plan[sector] = Math.floor(s.plan[sector] / 2);
      }),
      [],
    ],
    [
      'a bigger plan brings the same stock under a day',
      // Half the plan: 0.75 days of full demand last 1.5 days; at the full plan again, 0.75.
      produce(atCover(0.75), (s) => {
        for (const sector of SECTORS) s.plan[sector] = Math.floor(s.plan[sector] / 2);
      }),
      after(atCover(0.75), []),
      ['stockLow'],
    ],
  ];
  it.each(rows)('%s', (_name, before, next, expected) => {
    expect(kinds(detectAlerts(ctx, before, next))).toEqual(expected);
  });

  it('the cover is counted at the plan in force, not at full demand', () => {
    expect(daily).toBeGreaterThan(0);
    expect(daysAtPlan(ctx, atCover(2))).toBeCloseTo(2, 5);
    const half = produce(atCover(2), (s) => {
      for (const sector of SECTORS) s.plan[sector] = Math.floor(s.plan[sector] / 2);
    });
    expect(daysAtPlan(ctx, half)).toBeGreaterThan(3.9);
    expect(COVER_ALERT_DAYS).toBe(1);
  });

  it('an alert carries the numbers it is about', () => {
    const [town] = detectAlerts(ctx, start, after(start, [news('town', { town: 'kolondieba', fallen: 1, garrison: 1, need: 2 })]));
    expect(town).toEqual({ kind: 'townLost', hour: 30, town: 'kolondieba', garrison: 1, need: 2 });
    const [low] = detectAlerts(ctx, atCover(1.3), after(atCover(1.3), [], withStockDays(0.5)));
    expect(low).toMatchObject({ kind: 'stockLow', days: expect.closeTo(0.5, 2) as number });
  });
});

describe('each alert says what happened and what to do, in English and French', () => {
  const all: Alert[] = [
    { kind: 'townLost', hour: 30, town: 'kolondieba', garrison: 0, need: 2 },
    { kind: 'convoyAttacked', hour: 30, convoy: 2, road: 'sikasso-bougouni', lost: 1, left: 9, escorted: true },
    { kind: 'attackRepelled', hour: 30, convoy: 2, road: 'sikasso-bougouni', lost: 3 },
    { kind: 'borderRaid', hour: 30, entry: 'zegoua', lost: 7 },
    { kind: 'trustLow', hour: 30, trust: 22, threshold: TRUST_ALERT },
    { kind: 'stockLow', hour: 30, days: 0.42, stockL: 580_000 },
  ];
  it.each(['en', 'fr'] as const)('%s: a title, a reason with its numbers, and a next step naming a panel', (lang) => {
    setLang(lang);
    for (const alert of all) {
      const text = alertText(ctx, alert);
      expect(text.title, alert.kind).toMatch(/\S/);
      expect(text.why, alert.kind).toMatch(/\d/);
      expect(text.todo, alert.kind).toMatch(lang === 'en' ? /^What to do: / : /^Que faire : /);
      expect(text.title + text.why + text.todo, alert.kind).not.toMatch(/\{\w+\}/);
    }
  });

  it('counts follow each language’s plural rules', () => {
    const attack = all[1]!;
    const low = all[5]!;
    expect(alertText(ctx, attack).why).toBe('1 tanker burned; 9 still on the road.');
    expect(alertText(ctx, low).why).toMatch(/: 0\.4 days at the plan in force\.$/);
    setLang('fr');
    expect(alertText(ctx, attack).why).toBe('1 camion-citerne brûlé ; 9 encore sur la route.');
    expect(alertText(ctx, low).why).toMatch(/ : 0,4 jour avec le plan en vigueur\.$/);
    expect(alertText(ctx, all[0]!).title).toBe('Kolondiéba est tombée aux mains du groupe armé');
  });
});
