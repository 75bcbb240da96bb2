import type { Immutable } from 'immer';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { RateLimiter, soundsFor } from '../../src/audio/sounds';
import { reduce } from '../../src/sim/reducer';
import type { GameState, NewsKind } from '../../src/sim/state';
import { SENEGAL_ROUTE, id, makeCtx, run, start, tickUntil } from '../sim/fixture';

const quiet = makeCtx({ events: [] });
const begin = (): Immutable<GameState> => start(1, 'normal', quiet).state;
const withNews = (state: Immutable<GameState>, ...kinds: NewsKind[]): Immutable<GameState> =>
  produce(state, (s) => {
    for (const kind of kinds) s.news.push({ hour: s.hour, kind, facts: {} });
  });

function formed(state: Immutable<GameState>, departAt = state.hour): Immutable<GameState> {
  return run(quiet, state, [{ type: 'convoy/form', entry: id.entry('kayes-gate'), tankers: 2, route: SENEGAL_ROUTE, departAt, escort: [] }]);
}

describe('soundsFor', () => {
  it('is silent when nothing changed', () => {
    const s = begin();
    expect(soundsFor(s, s)).toEqual([]);
    expect(soundsFor(s, reduce(quiet, s, { type: 'tick' }))).toEqual([]);
  });

  it('plays the engine when a convoy leaves its border post, not while it waits', () => {
    const waiting = formed(begin(), 3);
    expect(soundsFor(begin(), waiting)).toEqual([]);
    const moving = tickUntil(quiet, waiting, (s) => s.convoys[0]?.status === 'moving');
    const later = reduce(quiet, moving, { type: 'tick' });
    expect(soundsFor(waiting, moving)).toEqual(['depart']);
    // Still on the road an hour later: no new departure.
    expect(soundsFor(moving, later)).toEqual([]);
  });

  it('plays the engine for a convoy formed and gone within one step (several hours in a frame)', () => {
    const s = begin();
    const gone = tickUntil(quiet, formed(s), (x) => x.convoys[0]?.status === 'moving');
    expect(soundsFor(s, gone)).toEqual(['depart']);
  });

  it('plays the engine when a halted convoy resumes', () => {
    const moving = tickUntil(quiet, formed(begin()), (s) => s.convoys[0]?.status === 'moving');
    const convoy = moving.convoys[0]!.id;
    const halted = run(quiet, moving, [{ type: 'convoy/halt', convoy }]);
    expect(soundsFor(moving, halted)).toEqual([]);
    expect(soundsFor(halted, run(quiet, halted, [{ type: 'convoy/resume', convoy }]))).toEqual(['depart']);
  });

  it('chimes when a convoy reaches the depot', () => {
    const moving = tickUntil(quiet, formed(begin()), (s) => s.convoys[0]?.status === 'moving');
    let s = moving;
    let previous = s;
    while (!s.news.some((n) => n.kind === 'arrival')) {
      previous = s;
      s = reduce(quiet, s, { type: 'tick' });
    }
    expect(soundsFor(previous, s)).toContain('arrive');
  });

  it.each<[NewsKind, string[]]>([
    ['arrival', ['arrive']],
    ['attack', ['attack']],
    ['blockade', ['alert']],
    ['town', ['alert']],
    ['refusal', ['alert']],
    ['event', []],
    ['policy', []],
    ['repelled', []],
    ['intimidation', []],
    ['checkpoint', []],
  ])('news of kind %s plays %j', (kind, sounds) => {
    const s = begin();
    expect(soundsFor(s, withNews(s, kind))).toEqual(sounds);
  });

  it('plays each sound once however many news items call for it, in a fixed order', () => {
    const s = begin();
    expect(soundsFor(s, withNews(s, 'refusal', 'attack', 'town', 'attack', 'arrival', 'blockade'))).toEqual(['arrive', 'attack', 'alert']);
  });

  it('only hears news that is new in this step', () => {
    const old = withNews(begin(), 'attack');
    expect(soundsFor(old, withNews(old, 'event'))).toEqual([]);
  });

  it('is silent between states of different games (a new game, a loaded save)', () => {
    const a = withNews(begin(), 'attack', 'attack');
    const other = withNews(start(2, 'normal', quiet).state, 'attack', 'attack', 'attack');
    expect(soundsFor(a, other)).toEqual([]);
    expect(soundsFor(a, begin())).toEqual([]);
  });
});

describe('RateLimiter', () => {
  it('lets one sound of a kind through per gap, each kind on its own clock', () => {
    const limit = new RateLimiter(500);
    expect(limit.allow('attack', 1000)).toBe(true);
    expect(limit.allow('attack', 1200)).toBe(false);
    expect(limit.allow('alert', 1200)).toBe(true);
    expect(limit.allow('attack', 1499)).toBe(false);
    expect(limit.allow('attack', 1500)).toBe(true);
  });
});
