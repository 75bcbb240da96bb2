import { playerView } from '../../src/ai/coordinator';
import type { GameState } from '../../src/sim/state';
import type { Immutable } from 'immer';
import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../../src/app/i18n';
import { GameSession } from '../../src/app/session';
import { baseline } from '../../src/ai/players';
import { SECTORS } from '../../src/levels/schema';
import { HOURS_PER_DAY } from '../../src/sim/balance';
import { sectorMap } from '../../src/sim/sectors';
import type { EntryId, NewsItem, RoadId, SimError, TownId } from '../../src/sim/state';
import {
  arrivalsText,
  convoyEta,
  daysAtPlan,
  errorText,
  feedEntries,
  intelText,
  newsText,
  planShares,
  presetShares,
  previewPlan,
  PRESETS,
  rerouteOptions,
  routeInfo,
  routeRiskText,
  serviceBand,
  sharesToPlan,
  taskText,
} from '../../src/ui/hud/model';
import { demandToday } from '../../src/sim/rules/fuel';
import { POLICIES } from '../../src/levels/constants';
import { effectiveHour } from '../../src/ui/hud/policies';
import { riskLevel } from '../../src/scenes/model';
import { shippedContext } from '../helpers';

const ctx = shippedContext('bamako-2025');
const tutorial = shippedContext('tutorial');

/** A game played by the baseline coordinator for some hours. */
function played(hours: number, c = ctx): GameSession {
  const session = GameSession.start(c, 3, 'normal');
  while (session.state.hour < hours && !session.over) {
    for (const a of baseline(playerView(session.state), c)) session.dispatch(a);
    session.advanceHours(1);
  }
  return session;
}

afterEach(() => setLang('en'));

describe('the plan preview tells what tonight will really do', () => {
  it.each(PRESETS)('the "%s" preset: services and stock after midnight match the preview', (preset) => {
    const session = played(2 * HOURS_PER_DAY + 20);
    const plan = sharesToPlan(ctx, session.state, presetShares(preset));
    expect(session.dispatch({ type: 'plan/set', plan })).toBeNull();
    const preview = previewPlan(ctx, session.state, plan);
    // Convoys that reach the depot before midnight add to the stock the preview leaves.
    const deliveredBefore = session.state.metrics.litresDelivered;
    session.advanceHours(HOURS_PER_DAY - (session.state.hour % HOURS_PER_DAY));
    const arrived = session.state.metrics.litresDelivered - deliveredBefore;
    for (const p of preview.sectors) expect(session.state.services[p.sector], p.sector).toBe(p.next);
    expect(session.state.city.powerHours).toBe(preview.powerHoursNext);
    expect(session.state.fuel.stockL).toBe(preview.stockAfter + arrived);
  });

  it('a short depot shares its stock in proportion, like the rules', () => {
    const session = GameSession.start(ctx, 1, 'normal');
    const state = structuredClone(session.state) as GameState;
    state.fuel.stockL = 100_000;
    const full = sharesToPlan(ctx, state, presetShares('full'));
    const preview = previewPlan(ctx, state, full);
    expect(preview.short).toBe(true);
    expect(preview.totalGiven).toBeLessThanOrEqual(100_000);
    expect(preview.stockAfter).toBeGreaterThanOrEqual(0);
  });

  it('presets never cut hospitals, water or security, and ration less than full', () => {
    const state = GameSession.start(ctx, 1, 'normal').state;
    for (const p of PRESETS) for (const s of ['hospitals', 'water', 'security'] as const) expect(presetShares(p)[s]).toBe(100);
    const litres = (p: (typeof PRESETS)[number]): number => SECTORS.reduce((sum, s) => sum + sharesToPlan(ctx, state, presetShares(p))[s], 0);
    expect(litres('essential')).toBeLessThan(litres('ration'));
    expect(litres('ration')).toBeLessThan(litres('full'));
    expect(litres('full')).toBe(ctx.totalDemandL);
  });

  it('shares and litres convert back and forth', () => {
    const state = GameSession.start(ctx, 1, 'normal').state;
    const shares = sectorMap((s) => (SECTORS.indexOf(s) * 13) % 101);
    expect(planShares(ctx, state, sharesToPlan(ctx, state, shares))).toEqual(shares);
  });

  it('a closed sector keeps its share of its usual demand for when it reopens', () => {
    const state = structuredClone(GameSession.start(ctx, 1, 'normal').state) as GameState;
    state.policies.find((p) => p.id === 'closeSchools')!.status = 'active';
    const plan = sharesToPlan(ctx, state, presetShares('full'));
    expect(plan.schools).toBe(ctx.level.sectors.schools.demandL);
    expect(previewPlan(ctx, state, plan).sectors.find((p) => p.sector === 'schools')!.next).toBe(0);
  });

  it.each([
    [false, 25, 0],
    [false, 100, 100],
    [true, 40, 0],
    [true, 100, 100],
  ])('schools shut (%s) with transport at %i: the preview gives schools %i tomorrow, as the rules would (they reopen at 50)', (shut, transport, schools) => {
    const state = structuredClone(GameSession.start(ctx, 1, 'normal').state) as GameState;
    state.city.schoolsShut = shut;
    state.services.transport = transport;
    // A full plan keeps transport where it is when it is at 100; starved transport falls further.
    const plan = sharesToPlan(ctx, state, transport === 100 ? presetShares('full') : sectorMap((s) => (s === 'transport' ? 0 : 100)));
    expect(previewPlan(ctx, state, plan).sectors.find((p) => p.sector === 'schools')!.next).toBe(schools);
  });

  it('service bands: good from 80, strained from 60, failing below', () => {
    expect([100, 80, 79, 60, 59, 0].map(serviceBand)).toEqual(['good', 'good', 'strained', 'strained', 'failing', 'failing']);
  });
});

describe('routes and convoys', () => {
  it('a route gives its length, driving hours, known risk and the intel on it', () => {
    const state = structuredClone(GameSession.start(ctx, 1, 'normal').state) as GameState;
    const route = ctx.routes.get('zegoua')![0]!;
    state.intel = [{ id: 99, hour: 0, kind: 'ambush', road: route[1]!, confidence: 60, source: 'informant' }];
    const info = routeInfo(ctx, state, 'zegoua', route);
    expect(info.km).toBe(route.reduce((s, r) => s + ctx.roads.get(r)!.km, 0));
    expect(info.knownRisk).toBe(route.reduce((s, r) => s + ctx.roads.get(r)!.risk, 0));
    expect(info.path[0]).toBe('zegoua');
    expect(info.path.at(-1)).toBe('bamako');
    expect(info.hours).toBeGreaterThanOrEqual(Math.ceil(info.km / 45));
    expect(info.intel.map((i) => i.id)).toEqual([99]);
  });

  it('the estimated arrival of a fresh convoy is its route time', () => {
    const session = GameSession.start(tutorial, 1, 'normal');
    const route = tutorial.routes.get('zegoua')![0]!;
    expect(session.dispatch({ type: 'convoy/form', entry: 'zegoua' as EntryId, tankers: 5, route, departAt: 0, escort: [] })).toBeNull();
    const convoy = session.state.convoys[0]!;
    const hours = convoyEta(tutorial, session.state, convoy);
    expect(hours).toBe(routeInfo(tutorial, session.state, 'zegoua', route).hours);
    session.advanceHours(hours);
    expect(session.state.pastConvoys[0]?.status).toBe('arrived');
  });

  it('reroute options are accepted by the rules', () => {
    const session = GameSession.start(ctx, 1, 'normal');
    const entry = [...ctx.routes.entries()].find(([, routes]) => routes.length > 1)![0];
    const route = ctx.routes.get(entry)![0]!;
    const offered = session.state.entries.find((e) => e.id === entry)!.offered;
    expect(session.dispatch({ type: 'convoy/form', entry: entry as EntryId, tankers: Math.max(1, offered), route, departAt: 0, escort: [] })).toBeNull();
    const convoy = session.state.convoys[0]!;
    const options = rerouteOptions(ctx, convoy);
    expect(options.length).toBeGreaterThan(0);
    for (const option of options) expect(option.join('>')).not.toBe(route.join('>'));
    expect(session.dispatch({ type: 'convoy/reroute', convoy: convoy.id, route: options[0] as RoadId[] })).toBeNull();
  });
});

describe('news, intel and errors read as sentences in both languages', () => {
  const session = played(20 * HOURS_PER_DAY);
  const kinds = new Set(session.state.news.map((n) => n.kind));

  it.each(['en', 'fr'] as const)('every news item of a played game has text (%s)', (lang) => {
    setLang(lang);
    expect(kinds.size).toBeGreaterThan(3);
    for (const item of session.state.news) {
      const text = newsText(ctx, item);
      expect(text.title).not.toMatch(/hud\.|\{/);
      if (text.body) expect(text.body).not.toMatch(/hud\.|\{/);
    }
  });

  it('each kind of news is rendered, including the ones this game did not produce', () => {
    const samples: Immutable<NewsItem>[] = [
      { hour: 1, kind: 'attack', facts: { convoy: 3, road: 'kadiana-kolondieba', lost: 4, left: 6 } },
      { hour: 1, kind: 'repelled', facts: { convoy: 3, road: 'kadiana-kolondieba' } },
      { hour: 1, kind: 'arrival', facts: { convoy: 3, tankers: 6, litres: 276_000 } },
      { hour: 1, kind: 'town', facts: { town: 'kita', fallen: 1 } },
      { hour: 1, kind: 'town', facts: { town: 'kita', held: 1 } },
      { hour: 1, kind: 'town', facts: { town: 'kita', retaken: 1 } },
      { hour: 1, kind: 'policy', facts: { policy: 'curfew', status: 'unfunded' } },
      { hour: 1, kind: 'blockade', facts: { corridor: 'senegal' } },
      { hour: 1, kind: 'intimidation', facts: { corridor: 'senegal' } },
      { hour: 1, kind: 'checkpoint', facts: { road: 'kayes-kita', cleared: 1, by: 'patrol' } },
      { hour: 1, kind: 'checkpoint', facts: { convoy: 3, road: 'kayes-kita', lost: 2, cleared: 0 } },
      { hour: 1, kind: 'refusal', facts: { entry: 'diboli', morale: 20 } },
    ];
    for (const lang of ['en', 'fr'] as const) {
      setLang(lang);
      const titles = samples.map((s) => newsText(ctx, s).title);
      for (const title of titles) expect(title).not.toMatch(/hud\.|\{/);
      expect(new Set(titles).size).toBe(titles.length);
    }
    setLang('en');
    expect(newsText(ctx, samples[0]!)).toMatchObject({ tag: 'blockade', title: 'Convoy 3 attacked on Kadiana–Kolondiéba' });
    expect(newsText(ctx, samples[9]!).tag).toBe('blockade');
  });

  it('intel reports name the place and the threat', () => {
    expect(intelText(ctx, { id: 1, hour: 0, kind: 'cell', town: 'kadiana' as TownId, confidence: 60, source: 'informant' })).toBe('Armed men seen near Kadiana');
    expect(intelText(ctx, { id: 1, hour: 0, kind: 'ambush', road: 'kayes-kita' as RoadId, confidence: 60, source: 'patrol' })).toContain('Kayes–Kita');
  });

  it("the rules' errors are translated, unknown codes fall back to the rules' message", () => {
    const error = (code: string): SimError => ({ code, message: `raw ${code}`, action: 'x' });
    setLang('fr');
    expect(errorText(error('not-offered'))).toMatch(/transporteurs/);
    expect(errorText(error('something-new'))).toBe('raw something-new');
  });
});

describe('convoys are named by the number the player knows them by', () => {
  it('1, 2, 3 in the order formed, in news and tasks, though the rules’ ids jump', () => {
    setLang('en');
    const session = GameSession.start(ctx, 1, 'normal');
    const entry = session.state.entries.find((e) => e.offered > 2)!;
    const route = ctx.routes.get(entry.id)![0]!;
    for (let i = 0; i < 3; i++) expect(session.dispatch({ type: 'convoy/form', entry: entry.id as EntryId, tankers: 1, route, departAt: 0, escort: [] })).toBeNull();
    const convoys = session.state.convoys;
    expect(convoys.map((c) => c.number)).toEqual([1, 2, 3]);
    expect(convoys.map((c) => c.id)).not.toEqual([1, 2, 3]);
    const third = convoys[2]!;
    // News records the number the player knows (the rules write convoy.number into its facts).
    expect(newsText(ctx, { hour: 1, kind: 'repelled', facts: { convoy: third.number, road: route[0]! } }).title).toContain('Convoy 3 ');
    const escort = { ...session.state.units[0]!, task: { kind: 'escort' as const, convoy: third.id } };
    expect(taskText(ctx, escort, session.state)).toContain('Convoy 3');
  });
});

describe("the top bar's days of cover", () => {
  it('follow the plan in force: the stock over what the plan draws a day, longer when rationed', () => {
    const session = GameSession.start(ctx, 1, 'normal');
    const state = session.state;
    const full = daysAtPlan(ctx, state);
    const half = sharesToPlan(ctx, state, presetShares('ration'));
    expect(session.dispatch({ type: 'plan/set', plan: half })).toBeNull();
    const rationed = daysAtPlan(ctx, session.state);
    expect(rationed).toBeGreaterThan(full);
    const drawn = SECTORS.reduce((sum, s) => sum + Math.min(session.state.plan[s], demandToday(ctx, session.state)[s]), 0);
    expect(rationed).toBeCloseTo(session.state.fuel.stockL / drawn, 9);
    expect(previewPlan(ctx, session.state, session.state.plan).daysAtPlan).toBe(rationed);
  });
});

describe('a policy says when it comes into force, as the rules bring it in', () => {
  // Decided at the very start of a day, in the middle of one, just before and at midnight.
  const hours = [0, 6, 23, 24, 30];
  it.each(POLICIES.filter((id) => ctx.level.policies.includes(id)))('%s', (id) => {
    for (const at of hours) {
      const session = GameSession.start(ctx, 1, 'normal');
      // Convoys and plans of a reasonable player keep the city alive through the longest delay.
      const live = (): void => {
        for (const a of baseline(playerView(session.state), ctx)) if (!a.type.startsWith('policy/')) session.dispatch(a);
        session.advanceHours(1);
      };
      while (session.state.hour < at) live();
      expect(session.state.hour).toBe(at);
      expect(session.dispatch({ type: 'policy/enact', policy: id })).toBeNull();
      const shown = effectiveHour(id, session.state.hour);
      for (let h = session.state.hour; h < shown + HOURS_PER_DAY && session.state.policies.find((p) => p.id === id)!.status === 'pending'; h++) live();
      const p = session.state.policies.find((x) => x.id === id)!;
      expect({ at, over: session.over, status: p.status, since: p.since }).toEqual({ at, over: false, status: 'active', since: shown });
    }
  });
});

describe("a route's known risk on the map's scale", () => {
  it('names the band of its worst road, as the map colours it, and counts its roads by band', () => {
    setLang('en');
    const session = GameSession.start(ctx, 1, 'normal');
    for (const [entry, routes] of ctx.routes) {
      for (const route of routes) {
        const info = routeInfo(ctx, session.state, ctx.entries.get(entry)!.town, route);
        const risks = route.map((r) => ctx.roads.get(r)!.risk);
        expect(info.worstRisk).toBe(Math.max(...risks));
        expect(info.riskLevel).toBe(riskLevel(Math.max(...risks)));
        expect(info.roadsByLevel.low + info.roadsByLevel.medium + info.roadsByLevel.high).toBe(route.length);
        const text = routeRiskText(info);
        expect(text).toContain(`Known risk: ${info.riskLevel} on the map’s scale`);
        expect(text).toContain(`the worst at ${info.worstRisk} out of 100`);
        expect(text).not.toMatch(/\{|hud\./);
      }
    }
  });
});

describe('the News feed gathers a day’s arrivals into one line', () => {
  const arrival = (hour: number, convoy: number, tankers: number): NewsItem => ({ hour, kind: 'arrival', facts: { convoy, tankers, litres: tankers * 46_000 } });
  const attack: NewsItem = { hour: 12, kind: 'attack', facts: { convoy: 9, road: 'kadiana-kolondieba', lost: 2, left: 3 } };
  const event: NewsItem = { hour: 40, kind: 'blockade', facts: { corridor: 'senegal' } };
  const items = [arrival(10, 4, 30), attack, arrival(15, 5, 20), arrival(30, 6, 10), event];

  it('newest first; the day’s arrivals stand where the last of them came, a lone arrival stays as it is', () => {
    const entries = feedEntries(items, 100);
    expect(entries.map((e) => (e.kind === 'item' ? `${e.item.kind}@${e.key}` : `arrivals×${e.items.length}`))).toEqual(['blockade@104', 'arrival@103', 'arrivals×2', 'attack@101']);
    // Keys stay unique and stable for the feed's list.
    expect(new Set(entries.map((e) => e.key)).size).toBe(entries.length);
  });

  it.each([
    ['en', '2 convoys arrived at the Bamako depot (2.3 million L)', 'Convoy 4 and Convoy 5: 50 tankers unloaded.'],
    ['fr', '2 convois arrivés au dépôt de Bamako (2,3 millions de litres)', 'Convoi 4 et Convoi 5 : 50 camions-citernes déchargés.'],
  ] as const)('told in words (%s)', (lang, title, body) => {
    setLang(lang);
    const group = feedEntries(items).find((e) => e.kind === 'arrivals');
    expect(group?.kind).toBe('arrivals');
    const text = arrivalsText(GameSession.start(ctx, 1, 'normal').state, group!.kind === 'arrivals' ? group!.items : []);
    expect(text).toEqual({ tag: 'convoy', title, body });
  });
});
