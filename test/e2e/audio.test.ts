/** Sound waits for the player: nothing before the first gesture, then the files load cleanly. */
import { expect, it } from 'vitest';
import { openPage } from '../../src/cli/web/browser';
import { siteUrl, sharedBrowser } from './site';

const baseUrl = siteUrl();
const SOUNDS = ['ambience', 'depart', 'arrive', 'attack', 'alert', 'click'];
const browser = sharedBrowser();

/** Howler's own state of each sound it holds (the audio chunk sets `window.Howler`, as the library does in a browser). */
type HowlerWindow = { Howler?: { _howls: { state(): string; loop(): boolean; playing(): boolean }[] } };
const HOWLS = (): string[] => ((window as unknown as HowlerWindow).Howler?._howls ?? []).map((howl) => howl.state());
const AMBIENCE_PLAYING = (): boolean => ((window as unknown as HowlerWindow).Howler?._howls ?? []).some((howl) => howl.loop() && howl.playing());

it('loads the sounds, from relative URLs and as audio, only after the first gesture', async () => {
  const tab = await openPage(browser());
  try {
    const { page } = tab;
    const wavs: { url: string; status: number; type: string }[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('.wav')) wavs.push({ url: r.url(), status: r.status(), type: r.headers()['content-type'] ?? '' });
    });
    await page.goto(baseUrl);
    await page.waitForFunction(() => window.__lifeline?.ready === true);
    // Everything the page loads by itself has loaded: none of it is a sound.
    await page.waitForLoadState('networkidle');
    expect(wavs).toEqual([]);

    // The first gesture: the sound checkbox, by keyboard.
    await page.getByRole('checkbox', { name: 'Sound' }).focus();
    await page.keyboard.press('Space');
    await expect.poll(() => wavs.length, { timeout: 10_000 }).toBe(SOUNDS.length);
    expect(wavs.map((w) => new URL(w.url).pathname.replace(/^.*\/sounds\//, '')).sort()).toEqual(SOUNDS.map((s) => `${s}.wav`).sort());
    for (const wav of wavs) {
      expect(wav.status, wav.url).toBe(200);
      expect(wav.type, wav.url).toBe('audio/wav');
      expect(wav.url.startsWith(baseUrl), wav.url).toBe(true);
    }
    // Howler has decoded every one of them.
    await expect.poll(() => page.evaluate(HOWLS), { timeout: 10_000 }).toEqual(SOUNDS.map(() => 'loaded'));
    expect(tab.errors).toEqual([]);
  } finally {
    await tab.close();
  }
});

it('plays through a running game with sound on without an error', async () => {
  const tab = await openPage(browser());
  try {
    const { page } = tab;
    await page.goto(baseUrl);
    await page.waitForFunction(() => window.__lifeline?.ready === true);
    await page.getByRole('checkbox', { name: 'Sound' }).check();
    await page.locator('#new-game input[name="level"][value="tutorial"]').check();
    await page.locator('#menu-start').click();
    await page.waitForFunction(() => document.body.dataset.screen === 'playing' && typeof window.__lifeline?.hash() === 'string', undefined, { timeout: 60_000 });
    await page.getByRole('tab', { name: /Convoys/ }).click();
    await page.getByRole('button', { name: 'Dispatch the convoy' }).click();
    await page.getByRole('button', { name: 'Speed ×4' }).click();
    // Departure, the ambience loop, then a pause that fades it out and stops it.
    await expect.poll(() => page.evaluate(AMBIENCE_PLAYING), { timeout: 30_000 }).toBe(true);
    await page.getByRole('button', { name: /Pause/ }).click();
    await expect.poll(() => page.evaluate(AMBIENCE_PLAYING), { timeout: 30_000 }).toBe(false);
    expect(tab.errors).toEqual([]);
  } finally {
    await tab.close();
  }
});
