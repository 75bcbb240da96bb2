/**
 * The game screen owns what it starts: closed after it opened, or while its parts are still
 * arriving, it leaves no HUD, map, tutorial, alert watch, sound, listener, timer or frame behind.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GameSession } from '../src/app/session';
import type { GameScreenHost } from '../src/game-screen';

/** Every part the screen may start, and whether it is still up. */
const up = new Set<string>();
const part = (name: string) => {
  up.add(name);
  return () => {
    if (!up.delete(name)) throw new Error(`${name} taken down twice`);
  };
};
/** Holds the map until the test lets it arrive (Phaser's chunk is the slowest part). */
let releaseScenes: () => void = () => undefined;
let scenesArrive: Promise<void> = Promise.resolve();

vi.mock('../src/ui/hud', () => ({ mountHud: () => ({ destroy: part('hud') }) }));
vi.mock('../src/scenes/prepare', () => ({ loadMapData: () => Promise.resolve({}), prepareMap: () => Promise.resolve({}) }));
vi.mock('../src/scenes', () => ({
  mountMap: async () => {
    await scenesArrive;
    return { destroy: part('map'), resize: () => undefined };
  },
}));
vi.mock('../src/ui/tutorial', () => ({ startTutorial: () => ({ destroy: part('tutorial') }) }));
vi.mock('../src/ui/alerts', () => ({ watchAlerts: () => ({ destroy: part('alerts') }) }));

class Listeners {
  readonly added = new Map<string, number>();
  addEventListener(type: string): void {
    this.added.set(type, (this.added.get(type) ?? 0) + 1);
  }
  removeEventListener(type: string): void {
    this.added.set(type, (this.added.get(type) ?? 0) - 1);
  }
  live(): string[] {
    return [...this.added].filter(([, n]) => n > 0).map(([type]) => type);
  }
}

/** Frames asked for and not yet drawn or cancelled. */
const frames = new Map<number, (now: number) => void>();
let nextFrame = 1;
/** Draws one frame: runs the callbacks asked for so far (they may ask for the next). */
const drawFrame = (): void => {
  const due = [...frames];
  frames.clear();
  for (const [, callback] of due) callback(0);
};
const timers = new Set<unknown>();
let documentListeners: Listeners;

beforeEach(() => {
  // A fresh screen module and fresh mocks: the module keeps the game's code once fetched.
  vi.resetModules();
  scenesArrive = new Promise<void>((resolve) => (releaseScenes = resolve));
  up.clear();
  frames.clear();
  timers.clear();
  documentListeners = new Listeners();
  vi.stubGlobal('document', Object.assign(documentListeners, { hidden: false }));
  vi.stubGlobal('window', {});
  vi.stubGlobal('requestAnimationFrame', (callback: (now: number) => void) => {
    frames.set(nextFrame, callback);
    return nextFrame++;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
  vi.stubGlobal('setInterval', () => {
    const id = {};
    timers.add(id);
    return id;
  });
  vi.stubGlobal('clearInterval', (id: unknown) => timers.delete(id));
});
afterEach(() => {
  vi.unstubAllGlobals();
});

function host(): { host: GameScreenHost; hudRoot: Listeners } {
  const element = (): Listeners & { style: { setProperty(): void; getPropertyValue(): string } } =>
    Object.assign(new Listeners(), { style: { setProperty: () => undefined, getPropertyValue: () => '' } });
  const hudRoot = element();
  return {
    hudRoot,
    host: {
      hudRoot: hudRoot as unknown as HTMLElement,
      mapRoot: element() as unknown as HTMLElement,
      selection: {} as GameScreenHost['selection'],
      reducedMotion: false,
      announce: () => undefined,
      audio: () => Promise.resolve({ attach: () => part('sound') } as unknown as Awaited<ReturnType<GameScreenHost['audio']>>),
      autosave: () => Promise.resolve(),
      pauseOnAlerts: () => true,
      setPauseOnAlerts: () => undefined,
      hud: { onMenu: () => undefined, onExportSave: () => undefined, onExportResult: () => undefined },
      onFinished: () => undefined,
    },
  };
}

function session(levelId: string, lessonLeftMs: number | null): GameSession {
  return {
    ctx: { level: { id: levelId } },
    lessonLeftMs,
    finished: false,
    onNewDay: () => part('autosave'),
    update: () => undefined,
    setSpeed: () => undefined,
  } as unknown as GameSession;
}

describe('the game screen', () => {
  it('opened in full (tutorial, lesson time limit), then closed: nothing of it is left', async () => {
    const { GameScreen } = await import('../src/game-screen');
    const { host: h, hudRoot } = host();
    const { screen, ready } = GameScreen.open(session('tutorial', 60_000), h);
    releaseScenes();
    await ready;
    expect([...up].sort()).toEqual(['alerts', 'autosave', 'hud', 'map', 'sound', 'tutorial']);
    // The first frame marks the map ready; the clock asks for a frame after each one.
    drawFrame();
    drawFrame();
    expect(frames.size).toBe(1);
    expect(timers.size).toBe(1);
    expect(documentListeners.live()).toEqual(['visibilitychange']);
    expect(hudRoot.live()).toEqual(['hud-insets']);
    screen.close();
    screen.close();
    expect([...up]).toEqual([]);
    expect(frames.size).toBe(0);
    expect(timers.size).toBe(0);
    expect(documentListeners.live()).toEqual([]);
    expect(hudRoot.live()).toEqual([]);
    expect(screen.closed).toBe(true);
  });

  it('closed while the map is still arriving: the HUD goes at once, the map as soon as it comes, and nothing starts after', async () => {
    const { GameScreen } = await import('../src/game-screen');
    const { host: h } = host();
    const { screen, ready } = GameScreen.open(session('bamako-2025', null), h);
    await vi.waitFor(() => expect(up.has('hud')).toBe(true));
    screen.close();
    expect([...up]).toEqual([]);
    releaseScenes();
    await ready;
    expect([...up]).toEqual([]);
    expect(frames.size).toBe(0);
    expect(timers.size).toBe(0);
    expect(documentListeners.live()).toEqual([]);
  });
});
