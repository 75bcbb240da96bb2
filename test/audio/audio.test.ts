import type { Immutable } from 'immer';
import { describe, expect, it } from 'vitest';
import { createAudio, type AudioBackend } from '../../src/audio';
import type { SessionSnapshot } from '../../src/app/session';
import type { GameState, NewsKind } from '../../src/sim/state';
import { makeCtx, start } from '../sim/fixture';

/** A sound library that writes down what it is asked to do. */
function fakeBackend() {
  const log: string[] = [];
  const backend: AudioBackend = {
    voice: (url, { loop }) => {
      log.push(`load ${url}${loop ? ' (loop)' : ''}`);
      return {
        play: () => log.push(`play ${url}`),
        fadeIn: () => log.push(`fade in ${url}`),
        fadeOut: () => log.push(`fade out ${url}`),
      };
    },
    setVolume: (v) => log.push(`volume ${v}`),
    setMuted: (m) => log.push(`muted ${m}`),
  };
  return { log, backend };
}

/** A stand-in for GameSession: the audio only subscribes and reads the clock. */
interface FakeSession {
  state: Immutable<GameState>;
  speed: SessionSnapshot['speed'];
  subscribe(fn: (s: SessionSnapshot) => void): () => void;
  emit(next: Immutable<GameState>, speed?: SessionSnapshot['speed']): void;
}

function fakeSession(state: Immutable<GameState>): FakeSession {
  const listeners = new Set<(s: SessionSnapshot) => void>();
  const session: FakeSession = {
    state,
    speed: 0,
    subscribe(fn: (s: SessionSnapshot) => void) {
      listeners.add(fn);
      return () => void listeners.delete(fn);
    },
    emit(next: Immutable<GameState>, speed: SessionSnapshot['speed'] = session.speed) {
      const previous = session.state;
      session.state = next;
      session.speed = speed;
      for (const fn of listeners) fn({ state: next, previous, speed, hourFraction: 0 });
    },
  };
  return session;
}

const initial = () => start(1, 'normal', makeCtx({ events: [] })).state;
const news = (s: Immutable<GameState>, kind: NewsKind): Immutable<GameState> => ({ ...s, hour: s.hour + 1, news: [...s.news, { hour: s.hour, kind, facts: {} }] });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(options: { muted?: boolean; volume?: number } = {}) {
  const { log, backend } = fakeBackend();
  let clock = 0;
  let loads = 0;
  const audio = createAudio(
    { muted: options.muted ?? false, volume: options.volume ?? 0.7 },
    { loadBackend: async () => ((loads += 1), backend), now: () => clock },
  );
  return { audio, log, advance: (ms: number) => (clock += ms), loads: () => loads };
}

describe('createAudio', () => {
  it('loads and plays nothing before the first gesture', async () => {
    const { audio, log, loads } = setup();
    const session = fakeSession(initial());
    audio.attach(session);
    session.emit(news(session.state, 'attack'), 1);
    audio.click();
    await settle();
    expect(loads()).toBe(0);
    expect(log).toEqual([]);
  });

  it('on unlock loads every sound from a relative URL, once, with the remembered settings', async () => {
    const { audio, log, loads } = setup({ muted: true, volume: 0.3 });
    audio.unlock();
    audio.unlock();
    await settle();
    expect(loads()).toBe(1);
    expect(log).toEqual([
      'volume 0.3',
      'muted true',
      'load ./sounds/ambience.wav (loop)',
      'load ./sounds/depart.wav',
      'load ./sounds/arrive.wav',
      'load ./sounds/attack.wav',
      'load ./sounds/alert.wav',
      'load ./sounds/click.wav',
    ]);
  });

  it('plays what the news calls for, at most once per kind per 500 ms', async () => {
    const { audio, log, advance } = setup();
    audio.unlock();
    await settle();
    const session = fakeSession(initial());
    audio.attach(session);
    log.length = 0;
    session.emit(news(session.state, 'attack'));
    advance(200);
    session.emit(news(session.state, 'attack'));
    session.emit(news(session.state, 'blockade'));
    advance(300);
    session.emit(news(session.state, 'attack'));
    expect(log).toEqual(['play ./sounds/attack.wav', 'play ./sounds/alert.wav', 'play ./sounds/attack.wav']);
  });

  it('loops the ambience while the clock runs, and stops it on pause, mute or detach', async () => {
    const { audio, log } = setup();
    audio.unlock();
    await settle();
    const session = fakeSession(initial());
    const detach = audio.attach(session);
    log.length = 0;
    session.emit(session.state, 2);
    session.emit(session.state, 4);
    session.emit(session.state, 0);
    expect(log).toEqual(['fade in ./sounds/ambience.wav', 'fade out ./sounds/ambience.wav']);
    log.length = 0;
    session.emit(session.state, 1);
    audio.setMuted(true);
    audio.setMuted(false);
    detach();
    expect(log).toEqual([
      'fade in ./sounds/ambience.wav',
      'muted true',
      'fade out ./sounds/ambience.wav',
      'muted false',
      'fade in ./sounds/ambience.wav',
      'fade out ./sounds/ambience.wav',
    ]);
  });

  it('starts the ambience on unlock if the clock is already running', async () => {
    const { audio, log } = setup();
    const session = fakeSession(initial());
    audio.attach(session);
    session.emit(session.state, 1);
    audio.unlock();
    await settle();
    expect(log.at(-1)).toBe('fade in ./sounds/ambience.wav');
  });

  it('is silent when muted or at zero volume, and keeps volume within 0–1', async () => {
    const { audio, log } = setup({ muted: true });
    audio.unlock();
    await settle();
    log.length = 0;
    audio.click();
    expect(log).toEqual([]);
    audio.setMuted(false);
    audio.setVolume(0);
    audio.click();
    audio.setVolume(7);
    expect(audio.volume).toBe(1);
    audio.setVolume(Number.NaN);
    expect(audio.volume).toBe(0);
    expect(audio.muted).toBe(false);
    expect(log).toEqual(['muted false', 'volume 0', 'volume 1', 'volume 0']);
  });

  it('clicks follow the hand: only key repeat is held back', async () => {
    const { audio, log, advance } = setup();
    audio.unlock();
    await settle();
    log.length = 0;
    audio.click();
    advance(10);
    audio.click();
    advance(100);
    audio.click();
    expect(log).toEqual(['play ./sounds/click.wav', 'play ./sounds/click.wav']);
  });
});
