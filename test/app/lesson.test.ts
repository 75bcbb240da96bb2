/**
 * The lesson an instructor sets: a locked speed and a time limit. Both hold across a save
 * and a reload, the lock forbids the controls it must, and time running out stops the game
 * where it is (it is not a collapse).
 */
import { describe, expect, it } from 'vitest';
import { changesAnything, settingsInWords } from '../../src/app/briefing';
import { setLang } from '../../src/app/i18n';
import { makeSave, parseSave } from '../../src/app/saves';
import { GameSession } from '../../src/app/session';
import { scenarioContext, type ScenarioSettings } from '../../src/sim/scenario';
import { loadLevelFile } from '../helpers';

const tutorial = loadLevelFile('levels/tutorial.json');

function lesson(settings: ScenarioSettings): GameSession {
  const scenario = scenarioContext(tutorial, settings);
  if (!scenario.ok) throw new Error(scenario.reason.code);
  return GameSession.start(scenario.ctx, 5, 'normal', settings);
}

/** A save written and read back, as a reload does. */
function reload(session: GameSession): GameSession {
  const parsed = parseSave(JSON.stringify(makeSave(session, '2026-01-01T00:00:00.000Z')));
  if (!parsed.ok) throw new Error(parsed.reason.code);
  const save = parsed.value;
  const scenario = scenarioContext(tutorial, save.settings);
  if (!scenario.ok) throw new Error(scenario.reason.code);
  return GameSession.resume(scenario.ctx, save.seed, save.difficulty, save.log, save.settings, save.lessonMs);
}

describe('a locked speed', () => {
  it('is the only speed students can play at', () => {
    const session = lesson({ injects: [], speedLock: 2 });
    session.setSpeed(4);
    expect(session.speed).toBe(2);
    session.setSpeed(0);
    expect(session.speed).toBe(0);
  });

  it('forbids skipping to the next morning', () => {
    const session = lesson({ injects: [], speedLock: 1 });
    expect(session.canSkipAhead).toBe(false);
    session.advanceToMorning();
    expect(session.state.hour).toBe(0);
    expect(lesson({ injects: [] }).canSkipAhead).toBe(true);
  });

  it('holds after a reload', () => {
    const session = lesson({ injects: [], speedLock: 4 });
    session.advanceHours(30);
    const again = reload(session);
    expect(again.speedLock).toBe(4);
    expect(again.state.hour).toBe(30);
    again.setSpeed(1);
    expect(again.speed).toBe(4);
  });
});

describe('a time limit', () => {
  it('counts lesson time while the game is on screen, running or paused', () => {
    const session = lesson({ injects: [], timeLimitMin: 2 });
    expect(session.lessonLeftMs).toBe(120_000);
    for (let i = 0; i < 30; i++) session.update(1000);
    expect(session.lessonLeftMs).toBe(90_000);
    expect(session.state.hour).toBe(0);
  });

  it('does not count the minutes a sleeping tab missed as more than a frame', () => {
    const session = lesson({ injects: [], timeLimitMin: 2 });
    session.update(10 * 60_000);
    expect(session.lessonLeftMs).toBe(119_000);
  });

  it('stops the game where it is when the time is up: not a collapse', () => {
    const session = lesson({ injects: [], timeLimitMin: 1 });
    session.setSpeed(4);
    for (let i = 0; i < 70 && !session.finished; i++) session.update(1000);
    expect(session.timeUp).toBe(true);
    expect(session.finished).toBe(true);
    expect(session.speed).toBe(0);
    expect(session.state.status).toBe('playing');
    const hour = session.state.hour;
    session.setSpeed(1);
    session.update(1000);
    session.advanceToMorning();
    expect(session.state.hour).toBe(hour);
    expect(session.result('A. K.').summary.outcome).toBe('playing');
  });

  it('keeps the time already used across a reload, and stays up once up', () => {
    const session = lesson({ injects: [], timeLimitMin: 1 });
    for (let i = 0; i < 45; i++) session.update(1000);
    const again = reload(session);
    expect(again.lessonLeftMs).toBe(15_000);
    for (let i = 0; i < 15; i++) again.update(1000);
    expect(again.timeUp).toBe(true);
    expect(reload(again).timeUp).toBe(true);
  });

  it('tells a paused game when a minute of the lesson has passed, so the time left on screen is right', () => {
    const session = lesson({ injects: [], timeLimitMin: 2 });
    const seen: (number | null)[] = [];
    session.subscribe(() => seen.push(session.lessonMinutesLeft));
    for (let i = 0; i < 61; i++) session.update(1000);
    expect(session.speed).toBe(0);
    expect(seen).toEqual([1]);
  });

  it('is not there unless the instructor set one', () => {
    const session = lesson({ injects: [] });
    session.update(1000);
    expect(session.lessonLeftMs).toBeNull();
    expect(session.timeUp).toBe(false);
  });
});

describe('what a class link changes, in words', () => {
  const bamako = loadLevelFile('levels/bamako-2025.json');
  const settings: ScenarioSettings = {
    injects: [
      { day: 2, event: 'kayes-convoys-destroyed' },
      { day: 4, title: { en: 'Aid', fr: 'Aide' }, body: { en: 'Fuel arrives.', fr: 'Du carburant arrive.' }, effects: { stockL: 2_000_000, trust: -3, blockade: 'guinea' } },
      { day: 5, title: { en: 'Rumour', fr: 'Rumeur' }, body: { en: 'Nothing.', fr: 'Rien.' } },
    ],
    policies: ['hazardPay', 'curfew'],
    timeLimitMin: 30,
    speedLock: 2,
  };
  const name = (id: string): string => id;

  it('names every change, every effect included, before play', () => {
    setLang('en');
    expect(settingsInWords(settings, bamako, name)).toEqual([
      'You have 30 minutes of lesson time. The game stops when they are used up, even if you reload the page.',
      'The game runs at speed ×2: you can play and pause, but not change the speed or skip to the next morning.',
      'Policies on offer: curfew, hazardPay (2 of 10).',
      expect.stringMatching(/^Day 2: “.+” happens \(again\), with this effect on the game: /),
      'Day 4: news written by your instructor, with this effect on the game: depot +2,000,000 L; public trust −3 points; the armed group declares a blockade (Guinea corridor (Conakry–Kankan–Kourémalé–Bamako)).',
      'Day 5: news written by your instructor, with no effect on the game.',
    ]);
  });

  it('says it in French too', () => {
    setLang('fr');
    const lines = settingsInWords(settings, bamako, name);
    setLang('en');
    expect(lines[4]).toBe('Jour 4 : une nouvelle écrite par votre enseignant, avec cet effet sur la partie : dépôt +2\u202f000\u202f000 L ; confiance publique −3 points ; le groupe armé déclare un blocus (Corridor guinéen (Conakry–Kankan–Kourémalé–Bamako)).');
  });

  it('is nothing for a link that changes nothing', () => {
    expect(settingsInWords({ injects: [] }, bamako, name)).toEqual([]);
    expect(changesAnything({ injects: [] })).toBe(false);
    expect(changesAnything({ injects: [], speedLock: 1 })).toBe(true);
  });
});
