/** Player preferences: language, sound and volume. Small, so localStorage; never fatal if unavailable. */
import type { Lang } from './i18n';

export interface Settings {
  lang: Lang;
  sound: boolean;
  volume: number;
}

const KEY = 'lifeline-bamako/settings';

export function defaultSettings(languages: readonly string[]): Settings {
  const lang: Lang = languages.some((l) => l.toLowerCase().startsWith('fr')) ? 'fr' : 'en';
  return { lang, sound: false, volume: 0.7 };
}

export function loadSettings(storage: Pick<Storage, 'getItem'> | undefined, fallback: Settings): Settings {
  try {
    const raw = storage?.getItem(KEY);
    if (!raw) return fallback;
    const value = JSON.parse(raw) as Partial<Settings>;
    return {
      lang: value.lang === 'fr' || value.lang === 'en' ? value.lang : fallback.lang,
      sound: typeof value.sound === 'boolean' ? value.sound : fallback.sound,
      volume: typeof value.volume === 'number' && value.volume >= 0 && value.volume <= 1 ? value.volume : fallback.volume,
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
