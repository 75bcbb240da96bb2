/**
 * The game's sounds. Nothing loads or plays before the first user gesture (browsers block
 * audio until then, and a classroom of laptops should not start humming on their own):
 * `unlock()` loads Howler and the sound files. Afterwards the audio follows a game session:
 * one-shot sounds for what just happened (chosen by the pure `soundsFor`), and a quiet
 * ambience loop while the clock runs. Mute and volume are kept here; remembering them
 * between visits is the settings' job.
 */
import type { GameSession } from '../app/session';
import type { AudioBackend, Voice } from './backend';
import { AMBIENCE, RateLimiter, SOUND_NAMES, soundsFor, type SoundName } from './sounds';

export { soundsFor, RateLimiter, SOUND_NAMES, type SoundName } from './sounds';
export type { AudioBackend, Voice } from './backend';

export interface GameAudio {
  /** Call on the first user gesture; nothing plays or loads before it. Later calls do nothing. */
  unlock(): void;
  /** Follows a session's state and clock; returns a function that stops following (and stops the ambience). */
  attach(session: Pick<GameSession, 'subscribe' | 'speed' | 'state'>): () => void;
  click(): void;
  setMuted(muted: boolean): void;
  setVolume(volume: number): void;
  readonly muted: boolean;
  readonly volume: number;
}

export interface AudioOptions {
  /** Where the sound library comes from; tests pass a fake. */
  loadBackend?: () => Promise<AudioBackend>;
  /** Milliseconds, for rate limiting. */
  now?: () => number;
  /** The page, to pause the ambience while the tab is hidden (absent under Node). */
  document?: Pick<Document, 'hidden' | 'addEventListener' | 'removeEventListener'>;
}

/** Relative to the page, so the built site works from any folder (Vite serves `assets/` at `./`). */
export const soundUrl = (name: string): string => `./sounds/${name}.wav`;

/** Each sound's level under the master volume: the ambience sits well below the events. */
const LEVELS: Record<SoundName | typeof AMBIENCE, number> = {
  ambience: 0.35,
  depart: 0.6,
  arrive: 0.7,
  attack: 0.8,
  alert: 0.7,
  click: 0.4,
};
const EVENT_GAP_MS = 500;
/** Clicks follow the player's hand: a short gap only stops key repeat from buzzing. */
const CLICK_GAP_MS = 60;
const FADE_IN_MS = 800;
const FADE_OUT_MS = 400;

const clamp01 = (v: number): number => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0);

export function createAudio(initial: { muted: boolean; volume: number }, options: AudioOptions = {}): GameAudio {
  const loadBackend = options.loadBackend ?? (() => import('./howler').then((m) => m.howlerBackend));
  const now = options.now ?? (() => performance.now());
  const page = options.document ?? (typeof document === 'undefined' ? undefined : document);

  let muted = initial.muted;
  let volume = clamp01(initial.volume);
  let backend: AudioBackend | null = null;
  let unlocking = false;
  const voices = new Map<string, Voice>();
  const events = new RateLimiter(EVENT_GAP_MS);
  const clicks = new RateLimiter(CLICK_GAP_MS);
  /** The clock is running in some attached session. */
  let clockRunning = false;
  let ambiencePlaying = false;

  const audible = (): boolean => backend !== null && !muted && volume > 0;

  function syncAmbience(): void {
    const want = audible() && clockRunning && !(page?.hidden ?? false);
    if (want === ambiencePlaying) return;
    const loop = voices.get(AMBIENCE);
    if (!loop) return;
    ambiencePlaying = want;
    if (want) loop.fadeIn(FADE_IN_MS);
    else loop.fadeOut(FADE_OUT_MS);
  }

  function play(name: SoundName, limiter: RateLimiter): void {
    if (!audible()) return;
    if (!limiter.allow(name, now())) return;
    voices.get(name)?.play();
  }

  const onVisibility = (): void => syncAmbience();

  return {
    unlock() {
      if (unlocking) return;
      unlocking = true;
      loadBackend().then(
        (loaded) => {
          loaded.setVolume(volume);
          loaded.setMuted(muted);
          voices.set(AMBIENCE, loaded.voice(soundUrl(AMBIENCE), { loop: true, volume: LEVELS.ambience }));
          for (const name of SOUND_NAMES) voices.set(name, loaded.voice(soundUrl(name), { loop: false, volume: LEVELS[name] }));
          backend = loaded;
          syncAmbience();
        },
        // Sound is never the only way the game tells anything, so the game goes on silently.
        (error: unknown) => console.warn('Sound is unavailable:', error),
      );
    },

    attach(session) {
      const unsubscribe = session.subscribe((snapshot) => {
        for (const name of soundsFor(snapshot.previous, snapshot.state)) play(name, events);
        clockRunning = snapshot.speed > 0 && snapshot.state.status === 'playing';
        syncAmbience();
      });
      page?.addEventListener('visibilitychange', onVisibility);
      clockRunning = session.speed > 0 && session.state.status === 'playing';
      syncAmbience();
      return () => {
        unsubscribe();
        page?.removeEventListener('visibilitychange', onVisibility);
        clockRunning = false;
        syncAmbience();
      };
    },

    click() {
      play('click', clicks);
    },

    setMuted(value) {
      muted = value;
      backend?.setMuted(muted);
      syncAmbience();
    },

    setVolume(value) {
      volume = clamp01(value);
      backend?.setVolume(volume);
      syncAmbience();
    },

    get muted() {
      return muted;
    },
    get volume() {
      return volume;
    },
  };
}
