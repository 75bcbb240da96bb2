/**
 * Player preferences: language, sound, volume, two accessibility modes, and whether big
 * moments stop the clock. Small, so
 * localStorage; never fatal if unavailable, full, or filled with something else.
 */
import type { Lang } from './i18n';

export interface Settings {
  lang: Lang;
  sound: boolean;
  volume: number;
  /** Still map and screens, whatever the system says (the system's "reduce motion" counts too). */
  reducedMotion: boolean;
  /** The colour-blind palette, with a shape or a word on everything a colour marks. */
  colourBlind: boolean;
  /** A town lost, a convoy attacked, trust or fuel running low stop the clock (src/ui/alerts). */
  pauseOnAlerts: boolean;
}

const KEY = 'lifeline-bamako/settings';
/** Far above what the settings take (under 200 bytes); anything longer is not ours. */
export const MAX_SETTINGS_CHARS = 2048;

export function defaultSettings(languages: readonly string[]): Settings {
  const lang: Lang = languages.some((l) => l.toLowerCase().startsWith('fr')) ? 'fr' : 'en';
  return { lang, sound: false, volume: 0.7, reducedMotion: false, colourBlind: false, pauseOnAlerts: true };
}

export function loadSettings(storage: Pick<Storage, 'getItem'> | undefined, fallback: Settings): Settings {
  try {
    const raw = storage?.getItem(KEY);
    if (!raw || raw.length > MAX_SETTINGS_CHARS) return fallback;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return fallback;
    const value = parsed as Partial<Record<keyof Settings, unknown>>;
    const flag = (v: unknown, otherwise: boolean): boolean => (typeof v === 'boolean' ? v : otherwise);
    return {
      lang: value.lang === 'fr' || value.lang === 'en' ? value.lang : fallback.lang,
      sound: flag(value.sound, fallback.sound),
      volume: typeof value.volume === 'number' && value.volume >= 0 && value.volume <= 1 ? value.volume : fallback.volume,
      reducedMotion: flag(value.reducedMotion, fallback.reducedMotion),
      colourBlind: flag(value.colourBlind, fallback.colourBlind),
      pauseOnAlerts: flag(value.pauseOnAlerts, fallback.pauseOnAlerts),
    };
  } catch {
    return fallback;
  }
}

export function saveSettings(storage: Pick<Storage, 'setItem'> | undefined, settings: Settings): void {
  try {
    storage?.setItem(KEY, JSON.stringify(settings));
  } catch {
    // Private mode or a full quota: the preference lasts for this visit only.
  }
}

/** Reduced motion: the player's setting, or the system's "reduce motion". */
export function wantsReducedMotion(settings: Pick<Settings, 'reducedMotion'>, media?: Pick<Window, 'matchMedia'>): boolean {
  return settings.reducedMotion || (media?.matchMedia('(prefers-reduced-motion: reduce)').matches ?? false);
}

/**
 * The accessibility modes as attributes on the root element, where the style sheets read
 * them (`data-motion="reduced"`, `data-palette="colour-blind"`).
 */
export function applyDisplaySettings(settings: Pick<Settings, 'reducedMotion' | 'colourBlind'>, root: HTMLElement): void {
  if (settings.reducedMotion) root.dataset.motion = 'reduced';
  else delete root.dataset.motion;
  if (settings.colourBlind) root.dataset.palette = 'colour-blind';
  else delete root.dataset.palette;
}
