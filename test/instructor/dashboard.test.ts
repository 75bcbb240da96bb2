/**
 * The class dashboard's reading of results: only a game that replays to the same daily
 * hashes is counted, with numbers from the replay; everything else is flagged with a reason.
 * Then what it says about the class: the summary, the questions, the CSV.
 */
import { describe, expect, it } from 'vitest';
import { playMatch } from '../../src/ai/match';
import { resultCode } from '../../src/app/results';
import { classSummary, discussionPrompts, studentStats, type StudentStats } from '../../src/dashboard/analysis';
import { csvCell, toCsv } from '../../src/dashboard/csv';
import { verifyRequest, type LevelLookup } from '../../src/dashboard/verify';
import type { Level } from '../../src/levels/schema';
import type { Reason } from '../../src/sim/reason';
import { buildResult, type ResultFile } from '../../src/sim/result';
import { scenarioContext } from '../../src/sim/scenario';
import { outcomeOf, type Outcome } from '../../src/sim/selectors';
import type { Action } from '../../src/sim/state';
import { dashboard } from '../../src/strings/dashboard';
import { loadLevelFile } from '../helpers';
import { english, expectClear } from '../reason-helpers';

const tutorial = loadLevelFile('levels/tutorial.json');
const levels: LevelLookup = new Map<string, Level | null>([
  ['tutorial', tutorial],
  ['broken', null],
]);

/** A tutorial game played by a scripted player, with the instructor's settings, as its result file. */
function played(seed: number, policy: 'baseline' | 'random' | 'idle', settings = { injects: [] as { day: number; title?: { en: string; fr: string }; body?: { en: string; fr: string }; event?: string }[] }, alias = `student-${seed}`) {
  const scenario = scenarioContext(tutorial, settings);
  if (!scenario.ok) throw new Error(english(scenario.reason));
  const match = playMatch(scenario.ctx, { seed, difficulty: 'normal', policy });
  const result = buildResult({ ctx: scenario.ctx, state: match.state, log: match.log, dailyHashes: match.dailyHashes, player: { alias }, settings });
  return { ctx: scenario.ctx, match, result };
}

const game = played(11, 'baseline', { injects: [{ day: 2, title: { en: 'Class news', fr: 'Nouvelle de la classe' }, body: { en: 'A rumour spreads.', fr: 'Une rumeur circule.' } }] });
const text = (result: ResultFile): string => JSON.stringify(result);

describe('checking a student’s result', () => {
  it('counts a genuine game, with its numbers taken from the replay', async () => {
    const response = await verifyRequest({ id: 1, kind: 'file', text: text(game.result) }, levels);
    expect(response.ok).toBe(true);
    if (!response.ok) return;
    const outcome = outcomeOf(game.ctx, game.match.state);
    expect(response.stats).toMatchObject({ alias: 'student-11', levelId: 'tutorial', seed: 11, injects: 1 });
    // The outcome is the rules' own selector on the replayed state, not a copy of the file's summary.
    expect(response.stats.result).toEqual(outcome);
    expect(response.stats.scenario).toEqual({ level: game.result.level, seed: 11, difficulty: 'normal', settings: game.result.settings });
    expect(response.stats.stockByDay).toHaveLength(game.match.state.history.length);
  });

  it('reads a pasted code the same as the file', async () => {
    const response = await verifyRequest({ id: 2, kind: 'code', text: await resultCode(game.result) }, levels);
    expect(response.ok && response.stats.finalStateHash).toBe(game.result.summary.finalStateHash);
  });

  it('does not believe a summary the student edited', async () => {
    const edited = { ...game.result, summary: { ...game.result.summary, score: 100 } };
    const response = await verifyRequest({ id: 3, kind: 'file', text: text(edited) }, levels);
    expect(response.ok).toBe(false);
    if (!response.ok) expect(response.flag.key).toBe('dash.flag.mismatch');
  });

  it('flags a game whose log was changed, naming the first day that differs', async () => {
    const log = game.result.log.map((a) => ({ ...a })) as Action[];
    const at = log.findIndex((a) => a.type === 'convoy/form');
    expect(at).toBeGreaterThanOrEqual(0);
    log.splice(at, 1);
    const response = await verifyRequest({ id: 4, kind: 'file', text: text({ ...game.result, log }) }, levels);
    expect(response.ok).toBe(false);
    if (response.ok) return;
    expect(response.flag.key).toBe('dash.flag.mismatch');
    expect(response.flag.detail).toMatchObject({ code: 'verify.dayDiffers' });
    expect(english(response.flag.detail as Reason)).toMatch(/^day \d+: the state hash differs$/);
    expect(response.claimed?.alias).toBe('student-11');
  });

  it('flags a game whose injects were removed (the scenario is part of what is checked)', async () => {
    const response = await verifyRequest({ id: 5, kind: 'file', text: text({ ...game.result, settings: { injects: [] } }) }, levels);
    expect(response.ok).toBe(false);
  });

  it.each([
    ['a scenario the game does not have', { ...game.result, level: { ...game.result.level, id: 'paris-2030' } }, 'dash.flag.unknownLevel'],
    ['a scenario that failed to load', { ...game.result, level: { ...game.result.level, id: 'broken' } }, 'dash.flag.brokenLevel'],
    ['another version of the scenario', { ...game.result, level: { ...game.result.level, hash: '0123456789abcdef' } }, 'dash.flag.levelChanged'],
    ['settings the scenario cannot play', { ...game.result, settings: { injects: [{ day: 40, event: 'welcome' }] } }, 'dash.flag.scenario'],
  ])('flags a result for %s', async (_name, result, key) => {
    const response = await verifyRequest({ id: 6, kind: 'file', text: JSON.stringify(result) }, levels);
    expect(response.ok).toBe(false);
    if (!response.ok) expect(response.flag.key).toBe(key);
  });

  it.each([
    ['file', 'not json at all'],
    ['file', '{"format":"something-else"}'],
    ['file', ''],
    ['code', 'LB1.!!'],
    ['code', 'LB9.abc'],
  ] as const)('flags what it cannot read (%s %j) without throwing', async (kind, input) => {
    const response = await verifyRequest({ id: 7, kind, text: input }, levels);
    expect(response.ok).toBe(false);
    if (!response.ok) {
      expect(response.flag.key).toBe('dash.flag.unreadable');
      expectClear(response.flag.detail as Reason);
    }
  });
});

describe('a student’s game in numbers', () => {
  const { ctx, match, result } = played(3, 'random');
  const stats = studentStats(ctx, result, match.state);

  it('counts every convoy formed and those with an escort', () => {
    expect(stats.convoys).toBe(match.state.pastConvoys.length + match.state.convoys.length);
    expect(stats.escortedConvoys).toBeLessThanOrEqual(stats.convoys);
  });

  it('lists each policy enacted once, in order', () => {
    const enacted = match.log.flatMap((a) => (a.type === 'policy/enact' ? [a.policy] : []));
    expect(stats.policies).toEqual([...new Set(enacted)]);
  });

  it('groups every blockade move by its reason', () => {
    expect(stats.reasons.reduce((sum, r) => sum + r.count, 0)).toBe(match.state.aiMoves.length);
    for (const r of stats.reasons) expect(r.key).toMatch(/^ai\./);
  });
});

type Metrics = Outcome['metrics'];
/** A student as the dashboard sees them, with only what a test cares about changed. */
function student(over: Partial<Omit<StudentStats, 'result'>> & Partial<Metrics> & { outcome?: Outcome['outcome']; score?: number; daysSurvived?: number }): StudentStats {
  const { outcome = 'held', score = 60, daysSurvived = 60, fuelDeliveredL = 1_000_000, tankersDelivered = 20, tankersLost = 4, servicesKept = 80, trust = 50, ruralSecurity = 80, livesLost = 0, educationDaysLost = 0, budgetLeftM = 0, stockL = 0, ...rest } = over;
  return {
    alias: 'x',
    levelId: 'bamako-2025',
    levelTitle: { en: 'Bamako', fr: 'Bamako' },
    difficulty: 'normal',
    seed: rest.seed ?? 1,
    days: 60,
    result: { outcome, score, daysSurvived, metrics: { fuelDeliveredL, tankersDelivered, tankersLost, servicesKept, trust, ruralSecurity, livesLost, driversTaken: 0, educationDaysLost, budgetLeftM, stockL } },
    scenario: { level: { id: 'bamako-2025', hash: '0000000000000000' }, seed: rest.seed ?? 1, difficulty: 'normal', settings: { injects: [] } },
    convoys: 10,
    escortedConvoys: 5,
    policies: [],
    stockByDay: [1, 2, 3],
    reasons: [{ key: 'ai.ambush.habit', count: 3, example: {} }],
    injects: 0,
    finalStateHash: '0000000000000000',
    ...rest,
  };
}

const keysOf = (prompts: { key: string }[]): string[] => prompts.map((p) => p.key);

describe('questions for the class', () => {
  it('ask what closing the schools cost when half the class did it', () => {
    const rows = [student({ policies: ['closeSchools'], educationDaysLost: 12 }), student({ policies: ['closeSchools'] }), student({}), student({})];
    const prompts = discussionPrompts(rows);
    const schools = prompts.find((p) => p.key === 'dash.q.schoolsMany');
    expect(schools?.params).toMatchObject({ count: 2, n: 4, lost: 6 });
  });

  it('ask why nobody closed the schools when the real government did', () => {
    expect(keysOf(discussionPrompts([student({}), student({}), student({})]))).toContain('dash.q.schoolsNone');
    expect(keysOf(discussionPrompts([student({}), student({}), student({})], ['hazardPay']))).not.toContain('dash.q.schoolsNone');
  });

  it('compare games that held with games that collapsed', () => {
    const prompts = discussionPrompts([student({ convoys: 20 }), student({ outcome: 'collapsed', convoys: 4 })]);
    expect(prompts[0]).toEqual({ key: 'dash.q.split', params: { held: 1, collapsed: 1, n: 2, convoysHeld: 20, convoysCollapsed: 4 } });
  });

  it('compare losses with and without escorts, and name the blockade’s favourite move', () => {
    const rows = [student({ escortedConvoys: 9, tankersLost: 2 }), student({ escortedConvoys: 1, tankersLost: 12, reasons: [{ key: 'ai.checkpoint', count: 9, example: {} }] })];
    const prompts = discussionPrompts(rows);
    expect(prompts.find((p) => p.key === 'dash.q.escorts')?.params).toEqual({ escorted: 1, lostEscorted: 2, unescorted: 1, lostUnescorted: 12 });
    expect(prompts.find((p) => p.key === 'dash.q.reason')?.params).toMatchObject({ reason: 'dash.reason.ai.checkpoint', count: 9, students: 1 });
  });

  it('count unfinished games apart: neither held nor collapsed', () => {
    const rows = [student({ outcome: 'collapsed', daysSurvived: 20 }), student({ outcome: 'playing', daysSurvived: 5 }), student({ outcome: 'playing', daysSurvived: 7 })];
    const prompts = discussionPrompts(rows);
    expect(prompts.find((p) => p.key === 'dash.q.allCollapsed')?.params).toEqual({ n: 1, days: 20 });
    expect(prompts.find((p) => p.key === 'dash.q.unfinished')?.params).toEqual({ count: 2, n: 3 });
    expect(keysOf(discussionPrompts([student({ outcome: 'playing' })]))).not.toContain('dash.q.allCollapsed');
  });

  it('raise the rural ban and its place in the 2025 story', () => {
    expect(keysOf(discussionPrompts([student({ policies: ['banRuralSales'] })]))).toContain('dash.q.ruralBan');
  });

  it('always end with the real timeline, and ask nothing of an empty class', () => {
    expect(discussionPrompts([])).toEqual([]);
    expect(keysOf(discussionPrompts([student({})])).at(-1)).toBe('dash.q.real');
  });

  it('have every placeholder of their text filled, in English and French', () => {
    const classes = [
      [student({ policies: ['closeSchools', 'banRuralSales', 'emergencyAirlift'], ruralSecurity: 20 }), student({ outcome: 'collapsed', escortedConvoys: 0 })],
      [student({ policies: ['closeSchools'] }), student({}), student({}), student({})],
      [student({}), student({}), student({})],
      [student({ outcome: 'collapsed' })],
      [student({ outcome: 'playing' }), student({})],
    ];
    for (const rows of classes) {
      for (const prompt of discussionPrompts(rows)) {
        for (const catalog of [dashboard.en, dashboard.fr] as Record<string, string>[]) {
          const template = catalog[prompt.key];
          expect(template, prompt.key).toBeDefined();
          for (const [, name] of template!.matchAll(/\{(\w+)\}/g)) expect(prompt.params, `${prompt.key} {${name}}`).toHaveProperty(name!);
          for (const value of Object.values(prompt.params)) if (typeof value === 'string' && value.startsWith('dash.')) expect(catalog[value], value).toBeDefined();
        }
      }
    }
  });

  it('sum the class up', () => {
    const sum = classSummary([student({ policies: ['hazardPay'], score: 40 }), student({ outcome: 'collapsed', policies: ['hazardPay', 'curfew'], score: 61, seed: 2 })]);
    expect(sum).toMatchObject({ students: 2, held: 1, collapsed: 1, meanScore: 51, scenarios: 2 });
    expect(sum.policyUse).toEqual([
      { policy: 'hazardPay', students: 2 },
      { policy: 'curfew', students: 1 },
    ]);
    expect(sum.reasons).toEqual([{ key: 'ai.ambush.habit', count: 6, students: 2, example: {} }]);
  });
});

describe('the CSV export', () => {
  it('quotes what needs quoting and defuses formulas typed as aliases', () => {
    expect(csvCell('Awa')).toBe('Awa');
    expect(csvCell('Traoré, A.')).toBe('"Traoré, A."');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('is UTF-8 with a byte-order mark and CRLF lines', () => {
    expect(toCsv(['a', 'b'], [[1, 'é']])).toBe('\uFEFFa,b\r\n1,é\r\n');
  });
});
