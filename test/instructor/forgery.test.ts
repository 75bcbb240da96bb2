/**
 * Results forged the way a student with the source code would forge them, each played to
 * a consistent file with the game's own code (so that its daily hashes match its log): the
 * dashboard must still flag every one. A replay proves that a file is one game; the class
 * proves it is the class's game.
 */
import type { Immutable } from 'immer';
import { describe, expect, it } from 'vitest';
import { playMatch } from '../../src/ai/match';
import { encodeSettingsFile, parseSettingsFile, type ShareLink } from '../../src/app/share';
import { classDifferences, type ClassReference } from '../../src/dashboard/class';
import { verifyRequest, type LevelLookup } from '../../src/dashboard/verify';
import type { Level } from '../../src/levels/schema';
import type { Reason } from '../../src/sim/reason';
import { levelHash } from '../../src/sim/context';
import { createInitialState } from '../../src/sim/init';
import { stateHash, step } from '../../src/sim/replay';
import { buildResult, type ResultFile } from '../../src/sim/result';
import { scenarioContext, type ScenarioSettings } from '../../src/sim/scenario';
import type { Action, Difficulty, GameState } from '../../src/sim/state';
import { loadLevelFile } from '../helpers';
import { english } from '../reason-helpers';

const bamako = loadLevelFile('levels/bamako-2025.json');
const levels: LevelLookup = new Map<string, Level | null>([['bamako-2025', bamako]]);
/** Short games keep the test quick; the dashboard replays a result for the days it says it lasted. */
const DAYS = 6;

/** The class as the instructor set it up: two injects (one of their own, with an effect), four policies, a time limit, a locked speed. */
const classLink: ShareLink = {
  level: 'bamako-2025',
  seed: 41,
  difficulty: 'normal',
  settings: {
    injects: [
      { day: 2, event: 'kayes-convoys-destroyed' },
      { day: 3, title: { en: 'Drivers strike', fr: 'Grève des chauffeurs' }, body: { en: 'Pay is late.', fr: 'La paie est en retard.' }, effects: { trust: -3 } },
    ],
    policies: ['purchaseCap', 'hazardPay', 'curfew', 'closeSchools'],
    timeLimitMin: 30,
    speedLock: 2,
  },
};
const classFile = parseSettingsFile(encodeSettingsFile(classLink, bamako), ['bamako-2025']);
if (!classFile.ok) throw new Error(english(classFile.reason));
const reference: ClassReference = { link: classFile.value, levelHash: classFile.value.levelHash };

/** A game played to the end of DAYS on these settings, as a consistent result file (what a forger with the source produces). */
function playedOn(settings: ScenarioSettings, seed = classLink.seed, difficulty: Difficulty = classLink.difficulty, policy: 'baseline' | 'expert' = 'baseline'): ResultFile {
  const scenario = scenarioContext(bamako, settings, DAYS);
  if (!scenario.ok) throw new Error(english(scenario.reason));
  const match = playMatch(scenario.ctx, { seed, difficulty, policy });
  return buildResult({ ctx: scenario.ctx, state: match.state, log: match.log, dailyHashes: match.dailyHashes, player: { alias: 'forger' }, settings });
}

/** The dashboard's verdict: verified by replay, and how the game differs from the class (as the page says it). */
async function check(result: ResultFile): Promise<{ verified: boolean; differences: string[] }> {
  const response = await verifyRequest({ id: 1, kind: 'file', text: JSON.stringify(result) }, levels);
  if (!response.ok) return { verified: false, differences: [] };
  return { verified: true, differences: classDifferences(reference, response.stats.scenario).map((d) => d.key) };
}

/**
 * A log edited and made consistent again with the game's own reducer: every action of the
 * edited log applied in turn, the daily hashes and the summary rebuilt from what it gives. A
 * replay that read the blockade's moves from the log would find nothing wrong.
 */
function rebuilt(honest: ResultFile, edit: (log: Action[]) => Action[]): ResultFile {
  const scenario = scenarioContext(bamako, honest.settings, honest.days);
  if (!scenario.ok) throw new Error(english(scenario.reason));
  const log = edit(honest.log.map((a) => ({ ...a }) as Action));
  const dailyHashes: string[] = [];
  let state: Immutable<GameState> = createInitialState(scenario.ctx, honest.seed, honest.difficulty);
  for (const action of log) state = step(scenario.ctx, state, action, dailyHashes);
  const forged = buildResult({ ctx: scenario.ctx, state, log, dailyHashes, player: honest.player, settings: honest.settings });
  expect(forged.summary.finalStateHash).toBe(stateHash(state));
  return forged;
}

const isAi = (a: Action): boolean => a.type.startsWith('ai/');

describe('a result whose blockade moves were edited, and its hashes rebuilt', () => {
  const honest = playedOn(classLink.settings, classLink.seed, classLink.difficulty, 'expert');
  const attacks = honest.log.flatMap((a, i) => (isAi(a) && a.type !== 'ai/move' ? [i] : []));

  it('has blockade moves to edit', () => {
    expect(attacks.length).toBeGreaterThan(0);
  });

  it.each<[string, (log: Action[]) => Action[]]>([
    ['every blockade move dropped', (log) => log.filter((a) => !isAi(a))],
    ['the first attack dropped', (log) => log.filter((_, i) => i !== attacks[0])],
    [
      'two blockade moves swapped',
      (log) => {
        const ai = log.flatMap((a, i) => (isAi(a) ? [i] : []));
        const [a, b] = [ai[0]!, ai.find((i) => JSON.stringify(log[i]) !== JSON.stringify(log[ai[0]!]))!];
        [log[a], log[b]] = [log[b]!, log[a]!];
        return log;
      },
    ],
    ['a blockade move added', (log) => [...log.slice(0, attacks[0]!), log[attacks[0]!]!, ...log.slice(attacks[0]!)]],
    [
      'an attack moved to another target',
      (log) => {
        const move = log[attacks[0]!] as Action & { road?: string; town?: string; corridor?: string };
        const other = <T extends { id: string }>(list: readonly T[], id: string): string => list.find((x) => x.id !== id)!.id;
        if (move.road !== undefined) move.road = other(bamako.roads, move.road);
        else if (move.town !== undefined) move.town = other(bamako.towns, move.town);
        else if (move.corridor !== undefined) move.corridor = other(bamako.corridors, move.corridor);
        return log;
      },
    ],
  ])('%s: flagged, with the day it goes wrong', async (_name, edit) => {
    const forged = rebuilt(honest, edit);
    const response = await verifyRequest({ id: 3, kind: 'file', text: JSON.stringify(forged) }, levels);
    expect(response.ok).toBe(false);
    if (response.ok) return;
    expect(response.flag.key).toBe('dash.flag.mismatch');
    expect(response.flag.day).toBeGreaterThanOrEqual(1);
    expect(english(response.flag.detail as Reason)).toMatch(/^day \d+: /);
  });

  it('the unedited game, rebuilt the same way, is verified', async () => {
    const response = await verifyRequest({ id: 4, kind: 'file', text: JSON.stringify(rebuilt(honest, (log) => log)) }, levels);
    expect(response.ok).toBe(true);
  });
});

describe('a result checked against the class', () => {
  it('is the class’s game when played on the class’s link', async () => {
    expect(await check(playedOn(classLink.settings))).toEqual({ verified: true, differences: [] });
  });

  it.each<[string, () => ResultFile, string[]]>([
    ['a bonus effect added to the class’s inject, and the game played on it', () => playedOn({ ...classLink.settings, injects: [classLink.settings.injects[0]!, { ...classLink.settings.injects[1]!, effects: { trust: 20, stockL: 5_000_000 } }] }), ['dash.diff.effects']],
    ['the airlift re-enabled (all policies on offer)', () => playedOn({ ...classLink.settings, policies: undefined }), ['dash.diff.policies']],
    ['a command-line game: no injects, no restrictions', () => playedOn({ injects: [] }), ['dash.diff.injectCount', 'dash.diff.policies', 'dash.diff.speed', 'dash.diff.timeLimit']],
    ['an inject moved to another day', () => playedOn({ ...classLink.settings, injects: [{ ...classLink.settings.injects[0]!, day: 5 }, classLink.settings.injects[1]!] }), ['dash.diff.inject']],
    ['another seed (a friendlier blockade)', () => playedOn(classLink.settings, 42), ['dash.diff.seed']],
    ['an easier difficulty', () => playedOn(classLink.settings, classLink.seed, 'easy'), ['dash.diff.difficulty']],
    ['no speed lock and no time limit', () => playedOn({ ...classLink.settings, speedLock: undefined, timeLimitMin: undefined }), ['dash.diff.speed', 'dash.diff.timeLimit']],
    ['a longer time limit', () => playedOn({ ...classLink.settings, timeLimitMin: 240 }), ['dash.diff.timeLimit']],
  ])('flags %s, naming the difference', async (_name, forge, expected) => {
    const verdict = await check(forge());
    // The replay cannot tell: the file is one consistent game. The class can.
    expect(verdict.verified).toBe(true);
    expect(verdict.differences).toEqual(expected);
  });

  it('flags a game of another version of the scenario', () => {
    const played = { level: { id: 'bamako-2025', hash: '0123456789abcdef' }, seed: classLink.seed, difficulty: classLink.difficulty, settings: classLink.settings };
    expect(classDifferences(reference, played).map((d) => d.key)).toEqual(['dash.diff.version']);
    expect(classDifferences({ ...reference, levelHash: levelHash(bamako) }, { ...played, level: { id: 'bamako-2025', hash: levelHash(bamako) } })).toEqual([]);
  });

  it('flags a game of another scenario with that alone', () => {
    const played = { level: { id: 'tutorial', hash: '0123456789abcdef' }, seed: 1, difficulty: 'easy' as const, settings: { injects: [] } };
    expect(classDifferences(reference, played)).toEqual([{ key: 'dash.diff.level', params: { played: 'tutorial', class: 'bamako-2025' } }]);
  });

  it('refuses outright an effect the instructor page does not offer (a depot of 50 million litres)', async () => {
    const honest = playedOn(classLink.settings);
    const forged = { ...honest, settings: { ...honest.settings, injects: [honest.settings.injects[0]!, { ...honest.settings.injects[1]!, effects: { stockL: 50_000_000 } }] } };
    const response = await verifyRequest({ id: 2, kind: 'file', text: JSON.stringify(forged) }, levels);
    expect(response.ok).toBe(false);
    if (!response.ok) expect(english(response.flag.detail as Reason)).toContain('must be at most 5,000,000');
  });
});
