/**
 * What the instructor's pages share: the language (the player's saved preference, and a
 * switch that saves it), static text marked `data-i18n`, downloads and the clipboard.
 */
import { LANGS, pageText, setLang, t, type Lang, type StringKey } from '../app/i18n';
import { defaultSettings, loadSettings, saveSettings, type Settings } from '../app/settings';

export { downloadText } from '../ui/dom';

function localStore(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * Sets the page's language from the saved preference and wires the switch (radios named
 * `page-lang`); `render` redraws the dynamic parts after every change.
 */
export function setupLanguage(titleKey: StringKey, render: () => void): void {
  const storage = localStore();
  let settings: Settings = loadSettings(storage, defaultSettings(navigator.languages));
  if (!LANGS.includes(settings.lang)) settings = { ...settings, lang: 'en' };
  const apply = (): void => {
    setLang(settings.lang);
    document.title = t(titleKey);
    for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = pageText(el.dataset.i18n);
    for (const el of document.querySelectorAll<HTMLElement>('[data-i18n-label]')) el.setAttribute('aria-label', pageText(el.dataset.i18nLabel));
    render();
  };
  for (const input of document.querySelectorAll<HTMLInputElement>('input[name="page-lang"]')) {
    input.checked = input.value === settings.lang;
    input.addEventListener('change', () => {
      if (!input.checked) return;
      settings = { ...settings, lang: input.value as Lang };
      saveSettings(storage, settings);
      apply();
    });
  }
  apply();
}

export const byId = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from the page`);
  return el as T;
};

/**
 * Copies text; where the Clipboard API is refused (an insecure origin, an old browser) the
 * field's text is selected and copied the old way. False when both fail.
 */
export async function copyText(text: string, field?: HTMLInputElement | HTMLTextAreaElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!field) return false;
    field.focus();
    field.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}
