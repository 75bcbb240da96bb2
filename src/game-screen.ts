/**
 * The game screen: the HUD, the map, the tutorial, the sounds, the clock loop and the saves
 * a game in progress makes. It owns everything it starts: `close` stops the clock and takes
 * down every part in the reverse order it came up, also when it comes while the screen is
 * still opening (a student who leaves for the menu while Phaser arrives).
 */
import { t } from './app/i18n';
import type { SelectionBus } from './app/selection';
import type { GameSession } from './app/session';
import type { GameAudio } from './audio';
import type { HudOptions } from './ui/hud';

/** What the page gives the screen: where to draw, and what to do on the player's way out. */
export interface GameScreenHost {
  hudRoot: HTMLElement;
  mapRoot: HTMLElement;
  selection: SelectionBus;
  reducedMotion: boolean;
  announce(text: string): void;
  audio(): Promise<GameAudio>;
  autosave(session: GameSession): Promise<void>;
  /** Whether big moments (a town lost, a convoy hit…) stop the clock: the player's setting. */
  pauseOnAlerts(): boolean;
  /** The player changed that setting from an alert. */
  setPauseOnAlerts(on: boolean): void;
  /** The HUD's menu, files and hand-in buttons. */
  hud: Omit<HudOptions, 'selection' | 'announce'>;
  /** The game ended (held, collapsed or out of lesson time). */
  onFinished(session: GameSession): void;
}

let modules:
  | { hud: Promise<typeof import('./ui/hud')>; prepare: Promise<typeof import('./scenes/prepare')>; scenes: Promise<typeof import('./scenes')> }
  | undefined;

/** Starts fetching the game's code: the menu calls it as soon as a game is likely. */
export function preloadGame(): NonNullable<typeof modules> {
  // All at once: the map's start (no Phaser in it) does not wait for Phaser's chunk. The
  // sounds come after the map's first frame (see open).
  modules ??= { hud: import('./ui/hud'), prepare: import('./scenes/prepare'), scenes: import('./scenes') };
  return modules;
}

type Insets = { top: number; right: number; bottom: number };

export class GameScreen {
  readonly session: GameSession;
  readonly #host: GameScreenHost;
  /** Each part's way down, in the order the parts came up. */
  readonly #parts: (() => void)[] = [];
  #closed = false;

  private constructor(session: GameSession, host: GameScreenHost) {
    this.session = session;
    this.#host = host;
  }

  /** Puts the game on screen; the returned screen is already open while its parts arrive. */
  static open(session: GameSession, host: GameScreenHost): { screen: GameScreen; ready: Promise<void> } {
    const screen = new GameScreen(session, host);
    return { screen, ready: screen.#mount() };
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Stops the clock and takes every part down, last first. Safe to call twice. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const down of this.#parts.splice(0).reverse()) down();
  }

  /** Keeps a part's way down; a part that arrives after close goes down at once. */
  #own(down: () => void): void {
    if (this.#closed) down();
    else this.#parts.push(down);
  }

  async #mount(): Promise<void> {
    const { session } = this;
    const host = this.#host;
    const { hudRoot, mapRoot } = host;
    const loaded = preloadGame();
    const mapData = loaded.prepare.then(({ loadMapData }) => loadMapData(session.ctx.level));
    // The HUD goes up while the map's code (Phaser, the biggest file) is still arriving.
    const { mountHud } = await loaded.hud;
    if (this.#closed) return;
    performance.mark('lifeline:hud-module');
    const hud = mountHud(session, hudRoot, { ...host.hud, selection: host.selection, announce: host.announce });
    this.#own(() => hud.destroy());
    // The map frames its towns in the part the HUD leaves uncovered, and follows it as panels open and close.
    const setInsets = (insets: Insets): void => {
      mapRoot.style.setProperty('--map-inset-top', `${insets.top}px`);
      mapRoot.style.setProperty('--map-inset-right', `${insets.right}px`);
      mapRoot.style.setProperty('--map-inset-bottom', `${insets.bottom}px`);
    };
    const hudInsets = (): Insets => ({
      top: Number.parseFloat(hudRoot.style.getPropertyValue('--hud-top')) || 0,
      right: Number.parseFloat(hudRoot.style.getPropertyValue('--hud-right')) || 0,
      bottom: Number.parseFloat(hudRoot.style.getPropertyValue('--hud-bottom')) || 0,
    });
    setInsets(hudInsets());
    performance.mark('lifeline:hud-mounted');
    // Then the map's pictures, still while Phaser arrives.
    const prepared = loaded.prepare.then(({ prepareMap }) => prepareMap(session, mapData));
    void prepared.then(() => performance.mark('lifeline:map-prepared'));
    const { mountMap } = await loaded.scenes;
    if (this.#closed) return;
    performance.mark('lifeline:map-module');
    const map = await mountMap(session, mapRoot, { selection: host.selection, reducedMotion: host.reducedMotion, prepared });
    this.#own(() => map.destroy());
    if (this.#closed) return;
    const onInsets = (event: Event): void => {
      setInsets((event as CustomEvent<Insets>).detail);
      map.resize();
    };
    hudRoot.addEventListener('hud-insets', onInsets);
    this.#own(() => hudRoot.removeEventListener('hud-insets', onInsets));
    // The HUD may have measured itself while the map was loading.
    setInsets(hudInsets());
    map.resize();
    performance.mark('lifeline:map-mounted');
    const firstFrame = requestAnimationFrame(() => {
      // The first frame of a playable map: what `npm run bench` compares with a bare Phaser page.
      window.__ready ??= performance.now();
    });
    this.#own(() => cancelAnimationFrame(firstFrame));
    if (session.ctx.level.id === 'tutorial') {
      const tutorial = (await import('./ui/tutorial')).startTutorial(session, hudRoot, { announce: host.announce });
      this.#own(() => tutorial.destroy());
      if (this.#closed) return;
    }
    const alerts = (await import('./ui/alerts')).watchAlerts(session, hudRoot, { pauseOnAlerts: host.pauseOnAlerts, setPauseOnAlerts: host.setPauseOnAlerts });
    this.#own(() => alerts.destroy());
    if (this.#closed) return;
    // Sounds after the first frame: nothing plays before the player's first gesture anyway.
    const detachSound = (await host.audio()).attach(session);
    this.#own(detachSound);
    if (this.#closed) return;
    this.#own(session.onNewDay(() => void host.autosave(session)));
    this.#startClock();
    // Students switch tabs: the crisis waits for them.
    const onHidden = (): void => {
      if (document.hidden) {
        session.setSpeed(0);
        void host.autosave(session);
      }
    };
    document.addEventListener('visibilitychange', onHidden);
    this.#own(() => document.removeEventListener('visibilitychange', onHidden));
    // The instructor's time limit counts lesson time (GameSession.update); it is saved often, so that a reload does not give any back.
    if (session.lessonLeftMs !== null) {
      const keepTime = setInterval(() => void host.autosave(session), 15_000);
      this.#own(() => clearInterval(keepTime));
    }
    await host.autosave(session);
  }

  #startClock(): void {
    const { session } = this;
    let frame = 0;
    let last = performance.now();
    const loop = (now: number): void => {
      session.update(now - last);
      last = now;
      if (session.finished) {
        if (session.timeUp) this.#host.announce(t('menu.timeUp'));
        this.#host.onFinished(session);
        return;
      }
      frame = requestAnimationFrame(loop);
    };
    frame = requestAnimationFrame(loop);
    this.#own(() => cancelAnimationFrame(frame));
  }
}
