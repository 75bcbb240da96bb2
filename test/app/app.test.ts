import { describe, expect, it } from 'vitest';
import { parseScenarioLink, scenarioSearch } from '../../src/app/link';
import { makeSave, memorySlot, parseSave, SAVE_VERSION } from '../../src/app/saves';
import { GameSession, MS_PER_HOUR } from '../../src/app/session';
import { defaultSettings, loadSettings, saveSettings } from '../../src/app/settings';
import { gameParts } from '../../src/strings';
import { dashboard } from '../../src/strings/dashboard';
import { instructor } from '../../src/strings/instructor';
import { shippedContext } from '../helpers';
import { english, french } from '../reason-helpers';

const levels = ['tutorial', 'bamako-2025'];

describe('scenario links', () => {
  it.each([
    ['', { kind: 'none' }],
    ['?level=tutorial', { kind: 'ok', link: { level: 'tutorial', seed: 1, difficulty: 'normal' } }],
    ['?level=bamako-2025&seed=42&difficulty=hard', { kind: 'ok', link: { level: 'bamako-2025', seed: 42, difficulty: 'hard' } }],
  ])('reads %j', (search, expected) => {
    expect(parseScenarioLink(search, levels)).toEqual(expected);
  });

  it.each([
    ['?level=paris', 'link.unknownLevel', 'no scenario “paris”'],
    ['?level=tutorial&seed=-3', 'link.badSeed', 'the seed “-3” is not a whole number'],
    ['?level=tutorial&seed=99999999999', 'link.badSeed', 'seed'],
    ['?level=tutorial&seed=1e3', 'link.badSeed', 'seed'],
    ['?level=tutorial&difficulty=brutal', 'link.badDifficulty', 'the difficulty “brutal”'],
    [`?level=tutorial&x=${'a'.repeat(3000)}`, 'link.tooLong', 'too long'],
  ])('explains what is wrong with %s', (search, code, words) => {
    const result = parseScenarioLink(search, levels);
    expect(result.kind).toBe('error');
    if (result.kind !== 'error') return;
    expect(result.reason.code).toBe(code);
    expect(english(result.reason)).toContain(words);
  });

  it('round-trips a link', () => {
    const link = { level: 'bamako-2025', seed: 7, difficulty: 'easy' as const };
    expect(parseScenarioLink(scenarioSearch(link), levels)).toEqual({ kind: 'ok', link });
  });
});

describe('settings', () => {
  it('defaults to French for French-speaking browsers and survives broken storage', () => {
    expect(defaultSettings(['fr-ML', 'en']).lang).toBe('fr');
    expect(defaultSettings(['en-GB']).lang).toBe('en');
    const fallback = defaultSettings([]);
    expect(loadSettings({ getItem: () => '{not json' }, fallback)).toEqual(fallback);
    expect(loadSettings({ getItem: () => JSON.stringify({ lang: 'de', volume: 7, sound: 'yes' }) }, fallback)).toEqual(fallback);
    expect(() => saveSettings({ setItem: () => { throw new Error('QuotaExceededError'); } }, fallback)).not.toThrow();
  });
});

describe('the browser session', () => {
  const ctx = shippedContext('tutorial');

  it('runs the clock only when unpaused, at the chosen speed', () => {
    const session = GameSession.start(ctx, 3, 'normal');
    session.update(5000);
    expect(session.state.hour).toBe(0);
    session.setSpeed(2);
    for (let frame = 0; frame < 4; frame++) session.update(MS_PER_HOUR / 4);
    expect(session.state.hour).toBe(2);
    // A tab that slept for an hour catches up by at most a few game hours, not the whole war.
    session.update(3_600_000);
    expect(session.state.hour).toBeLessThanOrEqual(3);
  });

  it('does not log refused commands, and resumes from its log at the same hash', () => {
    const session = GameSession.start(ctx, 3, 'normal');
    expect(session.dispatch({ type: 'policy/enact', policy: 'curfew' })?.code).toBe('unknown-policy');
    expect(session.log).toHaveLength(0);
    expect(session.dispatch({ type: 'policy/enact', policy: 'commsCampaign' })).toBeNull();
    session.advanceToMorning();
    session.advanceHours(30);
    const resumed = GameSession.resume(ctx, 3, 'normal', session.log);
    expect(resumed.hash).toBe(session.hash);
    expect(resumed.dailyHashes).toEqual(session.dailyHashes);
  });

  it('announces each new day once', () => {
    const session = GameSession.start(ctx, 3, 'normal');
    const days: number[] = [];
    session.onNewDay((d) => days.push(d));
    session.advanceHours(50);
    expect(days).toEqual([2, 3]);
  });
});

describe('saves', () => {
  const ctx = shippedContext('tutorial');
  const session = GameSession.start(ctx, 11, 'easy');
  session.advanceHours(40);
  const save = makeSave(session, '2026-11-25T10:00:00.000Z');

  it('round-trips and resumes at the saved hash', async () => {
    const slot = memorySlot();
    await slot.write(JSON.stringify(save));
    const parsed = parseSave((await slot.read())!);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(GameSession.resume(ctx, parsed.value.seed, parsed.value.difficulty, parsed.value.log).hash).toBe(save.stateHash);
  });

  it.each([
    ['not json', 'save.notJson', 'not JSON', 'pas du JSON'],
    ['[1,2]', 'save.notObject', 'not a saved game', 'pas une partie sauvegardée'],
    [JSON.stringify({ format: 'other' }), 'save.foreign', 'not a Lifeline', 'Lifeline'],
    [JSON.stringify({ ...save, version: '1' }), 'save.noVersion', 'no version', 'version'],
    [JSON.stringify({ ...save, version: SAVE_VERSION + 1 }), 'save.newer', `newer version of the game (save version ${SAVE_VERSION + 1})`, 'version plus récente'],
    [JSON.stringify({ ...save, version: 0 }), 'save.tooOld', 'save version 0 can no longer be read', 'ne peut plus être lue'],
    [JSON.stringify({ ...save, seed: -1 }), 'issue.tooSmall.number', 'the field “seed” must be at least 0', 'le champ « seed » doit valoir au moins 0'],
    [JSON.stringify({ ...save, seed: 1.5 }), 'issue.type.int', 'the field “seed” must be a whole number', 'nombre entier'],
    [JSON.stringify({ ...save, log: 'nope' }), 'issue.type.array', 'the field “log” must be a list', 'le champ « log » doit être une liste'],
    [JSON.stringify({ ...save, difficulty: 'brutal' }), 'issue.oneOf', 'the field “difficulty” must be one of: "easy", "normal", "hard"', 'l’une de ces valeurs'],
    [JSON.stringify({ ...save, day: undefined }), 'issue.missing', 'the field “day” is missing', 'le champ « day » manque'],
    [JSON.stringify({ ...save, cheat: true }), 'issue.unknownFields', 'the file has unknown fields: cheat', 'le fichier contient des champs inconnus : cheat'],
    ['x'.repeat(9 * 1024 * 1024), 'save.tooLarge', 'larger than 8 MiB', 'dépasse 8 Mio'],
  ])('rejects a bad save (%#) with a reason in English and French', (text, code, en, fr) => {
    const parsed = parseSave(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.reason.code).toBe(code);
    expect(english(parsed.reason)).toContain(en);
    expect(french(parsed.reason)).toContain(fr);
  });
});

describe('string catalogs', () => {
  it('have the same keys in English and French, none empty', () => {
    for (const part of [...gameParts, instructor, dashboard]) {
      expect(Object.keys(part.fr).sort()).toEqual(Object.keys(part.en).sort());
      for (const text of [...Object.values(part.en), ...Object.values(part.fr)]) expect(text.trim()).not.toBe('');
    }
  });
});
