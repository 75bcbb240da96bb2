/**
 * A student plays the tutorial with the keyboard: starts it from the menu, rations the
 * fuel, sends an escorted convoy, lets time run until it arrives, saves and comes back,
 * and plays to the end to read the debrief.
 *
 * The tests in this file are steps of one game and run in order on one page. The long
 * game uses the share link with a fixed seed, so that the convoy's fate is the same on
 * every run.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, screenshot, type WatchedPage } from '../../src/cli/web/browser';
import { mapDrawn, nextMorning, playing, siteUrl, sharedBrowser, stateNow } from './site';

const baseUrl = siteUrl();
const LINK = '?level=tutorial&seed=1&difficulty=normal';
const browser = sharedBrowser();

/** Press a control the way a keyboard user does: focus it, then Enter (buttons) or Space (boxes, radios). */
async function press(page: Page, locator: ReturnType<Page['locator']>, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
  await locator.focus();
  await page.keyboard.press(key);
}

/** "4.1 million L", "920,000 L" (English formatting) → litres. */
function litres(text: string | null): number {
  const million = /([\d.,]+)\s*million/.exec(text ?? '');
  if (million) return Number(million[1]!.replace(/,/g, '')) * 1_000_000;
  const plain = /([\d,]+)\s*L/.exec(text ?? '');
  if (!plain) throw new Error(`no litres in ${JSON.stringify(text)}`);
  return Number(plain[1]!.replace(/,/g, ''));
}

async function mapIsDrawn(tab: WatchedPage, name: string): Promise<void> {
  // A blank or single-colour canvas has one or two colours; the map has land, sea, roads, towns and labels.
  const stats = await mapDrawn(browser(), tab.page, name);
  expect(stats.width).toBeGreaterThan(200);
}

describe('starting from the menu', () => {
  it('choosing the tutorial and pressing Start with the keyboard opens a drawn map and the HUD', async () => {
    const tab = await openPage(browser());
    try {
      const { page } = tab;
      await page.goto(baseUrl);
      await page.waitForFunction(() => window.__lifeline?.ready === true);
      await press(page, page.locator('#new-game input[name="level"][value="tutorial"]'), 'Space');
      await press(page, page.locator('#menu-start'));
      await playing(page);
      expect(await page.evaluate(() => document.body.dataset.screen)).toBe('playing');
      expect(await page.getByRole('tab', { name: /Convoys/ }).isVisible()).toBe(true);
      await mapIsDrawn(tab, 'tutorial-start');
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });
});

describe.sequential('a tutorial game, step by step', () => {
  let tab: WatchedPage;
  let page: Page;
  let stockBefore = 0;

  beforeAll(async () => {
    tab = await openPage(browser());
    page = tab.page;
    await page.goto(baseUrl + LINK);
    await playing(page);
  });
  afterAll(async () => {
    await tab?.close();
  });

  it('opens the scenario from the share link, paused on day 1', async () => {
    expect(await page.evaluate(() => window.__lifeline?.day())).toBe(1);
    expect(await page.locator('.hud-running').textContent()).toBe('Paused');
    stockBefore = litres(await page.locator('.hud-stock').textContent());
    expect(stockBefore).toBeGreaterThan(0);
    await mapIsDrawn(tab, 'tutorial-day1');
    expect(tab.errors).toEqual([]);
  });

  it('rations the fuel with a quick plan and commits it', async () => {
    await press(page, page.getByRole('tab', { name: /City/ }));
    await press(page, page.getByRole('button', { name: 'Ration', exact: true }));
    await press(page, page.getByRole('button', { name: 'Commit the plan' }));
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('The new plan is in force');
    expect(tab.errors).toEqual([]);
  });

  it('plans and dispatches an escorted convoy with the keyboard', async () => {
    await press(page, page.getByRole('tab', { name: /Convoys/ }));
    expect(await page.getByLabel('Entry point').inputValue()).not.toBe('');
    // The first route is chosen already; tick the first free escort unit.
    const escort = page.getByRole('group', { name: 'Escort' }).getByRole('checkbox').and(page.locator(':not([disabled])')).first();
    await press(page, escort, 'Space');
    expect(await escort.isChecked()).toBe(true);
    await press(page, page.getByRole('button', { name: 'Dispatch the convoy' }));
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/Convoy \d+ formed at/);
    await expect.poll(() => page.locator('.hud-onroad').textContent()).toMatch(/on the road/);
    expect(await page.locator('#hud-panel-convoys .convoy-card').count()).toBe(1);
    expect(tab.errors).toEqual([]);
  });

  it('a click on the convoy on the map selects it: the HUD shows it and the map rings it', async () => {
    const selection = page.locator('.hud-selection');
    if (await selection.isVisible()) await selection.getByRole('button', { name: 'Clear the selection' }).click();
    await expect.poll(() => selection.isVisible()).toBe(false);
    expect(await page.locator('#map .map-ring').isVisible()).toBe(false);
    // Convoys are drawn as HTML over the canvas (hidden from screen readers); the click lands on the canvas below.
    const box = await page.locator('#map .map-convoy-pill').first().boundingBox();
    expect(box).not.toBeNull();
    await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2);
    await expect.poll(() => selection.isVisible()).toBe(true);
    expect(await selection.textContent()).toMatch(/Convoy \d+/);
    expect(await page.locator('#map .map-ring').isVisible()).toBe(true);
    expect(tab.errors).toEqual([]);
  });

  it('lets time run: the convoy arrives and the depot stock shown rises', async () => {
    // Watch the depot figure and the finished trips together: both change in the same HUD update.
    await page.evaluate(`(() => {
      const seen = (window.__stockLog = []);
      const note = () => seen.push({
        stock: document.querySelector('.hud-stock')?.textContent ?? '',
        arrived: document.querySelectorAll('.past-list li[data-status="arrived"]').length,
      });
      note();
      new MutationObserver(note).observe(document.querySelector('#hud'), { subtree: true, childList: true, characterData: true });
    })()`);
    await press(page, page.getByRole('button', { name: 'Speed ×4' }));
    // An alert on the way stops the clock: the student reads it and resumes.
    for (let i = 0; i < 20 && (await page.locator('.past-list li[data-status="arrived"]').count()) === 0; i++) {
      await page.waitForFunction(
        () => document.querySelector('.past-list li[data-status="arrived"]') !== null || document.querySelector('.hud-alert:not([hidden]) .hud-alert-bar button.primary:not([hidden])') !== null,
        undefined,
        { timeout: 90_000 },
      );
      if ((await page.locator('.past-list li[data-status="arrived"]').count()) === 0) await press(page, page.locator('.hud-alert').getByRole('button', { name: 'Resume' }));
    }
    expect(await page.locator('.past-list li[data-status="arrived"]').count()).toBe(1);
    // This student has not followed the tutorial's steps (still at its first), so nothing stopped the clock but an alert.
    if ((await page.locator('.hud-running').textContent()) !== 'Paused') await press(page, page.getByRole('button', { name: /Pause/ }));
    await expect.poll(() => page.locator('.hud-running').textContent()).toBe('Paused');
    const log = await page.evaluate<{ stock: string; arrived: number }[]>('window.__stockLog');
    const at = log.findIndex((x) => x.arrived > 0);
    expect(at).toBeGreaterThan(0);
    const before = litres(log[at - 1]!.stock);
    const after = litres(log[at]!.stock);
    expect(after, `stock at the arrival (${log[at - 1]!.stock} → ${log[at]!.stock})`).toBeGreaterThan(before);
    await mapIsDrawn(tab, 'tutorial-arrived');
    expect(tab.errors).toEqual([]);
  });

  it('comes back to the same game after going to the menu and reloading', async () => {
    const hash = await page.evaluate(() => window.__lifeline?.hash());
    expect(hash).toMatch(/\S/);
    await press(page, page.getByRole('button', { name: 'Menu', exact: true }));
    await page.waitForFunction(() => document.body.dataset.screen === 'menu');
    await page.goto(baseUrl);
    await page.waitForFunction(() => window.__lifeline?.ready === true);
    const resume = page.getByRole('button', { name: 'Continue' });
    await expect.poll(() => resume.isVisible()).toBe(true);
    await press(page, resume);
    await playing(page);
    expect(await page.evaluate(() => window.__lifeline?.hash())).toBe(hash);
    expect(tab.errors).toEqual([]);
  });

  it('plays to the end of the tutorial and shows the debrief with charts', async () => {
    const morning = page.getByRole('button', { name: /Next morning/ });
    for (let i = 0; i < 20 && (await page.evaluate(() => document.body.dataset.screen)) === 'playing'; i++) {
      // The last morning ends the game and takes the HUD away: a press that finds no button is the end, not a failure.
      if (!(await morning.isEnabled({ timeout: 2000 }).catch(() => false))) continue;
      const before = await stateNow(page);
      await morning.focus({ timeout: 2000 }).then(() => page.keyboard.press('Enter'), () => undefined);
      await nextMorning(page, before);
    }
    await page.waitForFunction(() => document.body.dataset.screen === 'debrief', undefined, { timeout: 30_000 });
    await page.waitForSelector('#debrief .uplot canvas', { timeout: 10_000 });
    expect(await page.locator('#debrief .uplot canvas').count()).toBeGreaterThan(0);
    expect(await page.getByRole('heading', { level: 1 }).filter({ visible: true }).count()).toBeGreaterThan(0);
    await screenshot(page, 'debrief');
    expect(tab.errors).toEqual([]);
  });
});
