/** The first screen, as a student meets it: plain HTML, usable by keyboard, in English or French. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, type WatchedPage } from '../../src/cli/web/browser';
import { siteUrl } from './site';

const baseUrl = siteUrl();
let browser: Browser;
let tab: WatchedPage;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function openMenu(): Promise<WatchedPage> {
  const watched = await openPage(browser);
  await watched.page.goto(baseUrl);
  await watched.page.waitForFunction(() => window.__lifeline?.ready === true);
  return watched;
}

describe('the menu', () => {
  beforeAll(async () => {
    tab = await openMenu();
  });
  afterAll(async () => {
    await tab?.close();
  });

  it('loads without a console error, on the menu screen, with the title and the New game form', async () => {
    const { page } = tab;
    expect(await page.evaluate(() => document.body.dataset.screen)).toBe('menu');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Lifeline: Bamako');
    expect(await page.getByRole('heading', { name: 'New game' }).isVisible()).toBe(true);
    expect(await page.locator('#new-game input[name="level"]').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('#menu-start').isEnabled()).toBe(true);
    await screenshot(page, 'menu');
    expect(tab.errors).toEqual([]);
  });

  it('shows Start above the fold at 1280 × 800, with the scenarios and the difficulty', async () => {
    const { page } = tab;
    expect(page.viewportSize()).toEqual({ width: 1280, height: 800 });
    const start = (await page.locator('#menu-start').boundingBox())!;
    expect(start.y + start.height, 'the bottom of Start').toBeLessThanOrEqual(800);
    expect(await page.evaluate(() => document.scrollingElement!.scrollTop)).toBe(0);
    const [first, easy] = [(await page.locator('#new-game .level-choice').first().boundingBox())!, (await page.locator('#new-game input[value="easy"]').boundingBox())!];
    expect(first.y + first.height).toBeLessThanOrEqual(start.y);
    expect(easy.y + easy.height).toBeLessThanOrEqual(start.y);
    // The scenarios that do not fit scroll in their box, which a keyboard reaches like any radio group.
    const list = page.locator('#level-list');
    expect(await list.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
  });

  it('loads no sound before the player touches the page', () => {
    expect(tab.requests.filter((url) => /\/sounds\//.test(url))).toEqual([]);
  });

  it('lets a scenario and a difficulty be chosen with the keyboard', async () => {
    const { page } = tab;
    const levels = page.locator('#new-game input[name="level"]');
    const first = levels.first();
    await first.check();
    await first.focus();
    await page.keyboard.press('ArrowDown');
    expect(await levels.nth(1).isChecked()).toBe(true);
    expect(await first.isChecked()).toBe(false);

    const normal = page.getByRole('radio', { name: 'Normal' });
    expect(await normal.isChecked()).toBe(true);
    await normal.focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('radio', { name: 'Hard' }).isChecked()).toBe(true);

    // Tab reaches the Start button from the form.
    await page.locator('#menu-start').focus();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('menu-start');
    expect(tab.errors).toEqual([]);
  });

  it('switches to French: the premise and the page language change', async () => {
    const { page } = tab;
    const premise = page.locator('.premise');
    const english = await premise.textContent();
    expect(english).toMatch(/^September 2025/);
    await page.getByRole('radio', { name: 'Français' }).check();
    await expect.poll(() => premise.textContent()).toMatch(/^Septembre 2025/);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await page.getByRole('heading', { name: 'Nouvelle partie' }).isVisible()).toBe(true);
    await screenshot(page, 'menu-fr');
    expect(tab.errors).toEqual([]);
  });

  it('remembers the language on the next visit', async () => {
    await tab.page.reload();
    await tab.page.waitForFunction(() => window.__lifeline?.ready === true);
    expect(await tab.page.locator('.premise').textContent()).toMatch(/^Septembre 2025/);
    expect(tab.errors).toEqual([]);
  });
});
