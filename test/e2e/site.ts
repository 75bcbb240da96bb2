/** The address of the built site under test, provided by `global-setup.ts`, and the conditions e2e files wait for. */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { imageStats, launchBrowser, screenshot, type ImageStats } from '../../src/cli/web/browser';

export function siteUrl(): string {
  const url = inject('baseUrl');
  if (!url) {
    throw new Error(
      'No site to test: the e2e tests run with `npx vitest run -c vitest.e2e.config.ts`, whose global setup builds and serves dist/ ' +
        '(the unit-test config should exclude test/e2e/**).',
    );
  }
  return url;
}

/** Until a game is on screen: the playing screen, a session with a state hash, and the map's canvas. */
export function playing(page: Page, timeout = 60_000): Promise<unknown> {
  return page.waitForFunction(() => document.body.dataset.screen === 'playing' && typeof window.__lifeline?.hash() === 'string' && !!document.querySelector('#map canvas'), undefined, {
    timeout,
  });
}

/** One headless Chromium for a test file: launched before its tests, closed after them. */
export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser starts in beforeAll: use it inside a test or a hook');
    return browser;
  };
}

/**
 * Until the map shows a drawn picture: more than a few colours and some non-background
 * pixels in a screenshot of `#map`, taken again until it does (the first frames may still be
 * arriving). Returns the last picture's figures, for the test's own checks.
 */
export async function mapDrawn(browser: Browser, page: Page, name: string, timeout = 30_000): Promise<ImageStats> {
  let stats: ImageStats | undefined;
  await expect
    .poll(
      async () => {
        stats = await imageStats(browser, (await screenshot(page, name, '#map')).png);
        return stats.colours > 12 && stats.drawn > 0.05;
      },
      { timeout, interval: 250 },
    )
    .toBe(true);
  return stats!;
}

/** The game's state hash now: `nextMorning` waits for it to change. */
export function stateNow(page: Page): Promise<string | null> {
  return page.evaluate(() => window.__lifeline?.hash() ?? null);
}

/** Until the game has moved on from the state whose hash was `before` (the clock ran to the morning), or is over. */
export function nextMorning(page: Page, before: string | null, timeout = 30_000): Promise<unknown> {
  return page.waitForFunction((hash) => document.body.dataset.screen !== 'playing' || window.__lifeline?.hash() !== hash, before, { timeout });
}

/** Until the HUD tab named `name` is the selected one and its panel is shown. */
export async function tabShown(page: Page, name: RegExp): Promise<void> {
  const tab = page.getByRole('tab', { name });
  await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
  const panel = await tab.getAttribute('aria-controls');
  if (panel) await page.locator(`#${panel}`).waitFor({ state: 'visible' });
}

/** How a keyboard user gets somewhere: Tab (or Shift+Tab) until the target has the focus. */
export async function tabTo(page: Page, target: Locator, options: { back?: boolean; max?: number } = {}): Promise<void> {
  const max = options.max ?? 120;
  for (let i = 0; i <= max; i++) {
    const there = await target
      .first()
      .evaluate((el) => el === document.activeElement || el.contains(document.activeElement), undefined, { timeout: 200 })
      .catch(() => false);
    if (there) return;
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
  }
  const at = await page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"` : 'nothing';
  });
  throw new Error(`${max} presses of ${options.back ? 'Shift+Tab' : 'Tab'} never reached ${String(target)}; the focus is on ${at}`);
}

/** Opens a HUD tab as a keyboard user does: to the tab list, then the arrow keys. */
export async function openTabByKeyboard(page: Page, name: RegExp): Promise<void> {
  const wanted = page.getByRole('tab', { name });
  if ((await wanted.getAttribute('aria-selected')) === 'true' && (await page.locator('.hud-panel.is-collapsed').count()) === 0) return;
  await tabTo(page, page.locator('[role="tab"][tabindex="0"]'));
  for (let i = 0; i < 6 && (await wanted.getAttribute('aria-selected')) !== 'true'; i++) await page.keyboard.press('ArrowRight');
  expect(await wanted.getAttribute('aria-selected')).toBe('true');
  // On a phone the panel may be folded away: Enter on the tab opens it.
  if ((await page.locator('.hud-panel.is-collapsed').count()) > 0) await page.keyboard.press('Enter');
  expect(await page.locator('.hud-panel.is-collapsed').count()).toBe(0);
}

/** Until the page has drawn `frames` animation frames: time for a running clock to move on (no fixed sleep). */
export function framesPass(page: Page, frames = 30): Promise<void> {
  return page.evaluate(
    (n) =>
      new Promise<void>((done) => {
        let left = n;
        const next = (): void => void (--left <= 0 ? done() : requestAnimationFrame(next));
        requestAnimationFrame(next);
      }),
    frames,
  );
}

/** The clock as the top bar shows it: "Paused", "Running ×4", "Game over". */
export const clockText = (page: Page): Promise<string | null> => page.locator('.hud-running').textContent();
