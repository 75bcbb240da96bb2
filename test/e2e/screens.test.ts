/**
 * The game on a phone (360 × 640) and on a laptop (1280 × 800), played by touch only: the
 * map keeps its share of the screen, every control on screen can be tapped (its centre and
 * the middle of each edge hit-test to itself, not to a panel or a strip over it), panels open
 * as sheets and close again, and the first steps of the tutorial are played with taps.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from '../../src/cli/web/browser';
import { playing, sharedBrowser, siteUrl } from './site';

const baseUrl = siteUrl();
const browser = sharedBrowser();

/**
 * The share of the screen where a touch lands on the map (its canvas, or its markers and labels,
 * which are part of the map): a point every 8 px, hit-tested as a finger would be.
 */
const MAP_SHARE = `(() => {
  const map = document.querySelector('#map');
  let on = 0, all = 0;
  for (let y = 4; y < innerHeight; y += 8) for (let x = 4; x < innerWidth; x += 8) {
    all++;
    const hit = document.elementFromPoint(x, y);
    if (hit && map.contains(hit) && !hit.closest('.map-legend')) on++;
  }
  return on / all;
})()`;

/**
 * Every control shown in the HUD and over the map that a finger cannot reach: scrolled into view
 * in its panel as a player would, its centre and the middle of each edge (2 px in) must hit-test
 * to the control itself (or its label), and the whole control must be on screen.
 */
const UNREACHABLE = `(() => {
  const name = (el) => el ? (el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') + ' "' + (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 30) + '"') : 'nothing';
  const bad = [];
  const controls = document.querySelectorAll('#hud button, #hud summary, #hud input, #hud select, #hud a[href], #hud [role="tab"], #map button');
  for (const el of controls) {
    // Not shown: hidden, or in a closed <details> (its content keeps boxes, but is not drawn).
    if (el.getClientRects().length === 0 || el.closest('[hidden]')) continue;
    const details = el.closest('details');
    if (details && !details.open && el.tagName !== 'SUMMARY') continue;
    el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (r.left < -0.5 || r.top < -0.5 || r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5) {
      bad.push(name(el) + ' is off screen ' + JSON.stringify([r.left, r.top, r.right, r.bottom].map(Math.round)));
      continue;
    }
    const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
    for (const [x, y] of [[cx, cy], [r.left + 2, cy], [r.right - 2, cy], [cx, r.top + 2], [cx, r.bottom - 2]]) {
      const hit = document.elementFromPoint(x, y);
      const own = hit && (el === hit || el.contains(hit) || [...(el.labels || [])].some((l) => l.contains(hit)));
      if (!own) {
        bad.push(name(el) + ' at ' + Math.round(x) + ',' + Math.round(y) + ' is under ' + name(hit));
        break;
      }
    }
  }
  return bad;
})()`;

async function openTouch(
  width: number,
  height: number,
  reducedMotion: 'reduce' | 'no-preference' = 'reduce',
  locale = 'en-GB',
): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
  const context = await browser().newContext({ viewport: { width, height }, hasTouch: true, isMobile: width < 700, locale, reducedMotion });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  return { page, errors, close: () => context.close() };
}

const stepShown = (page: Page, n: number): Promise<void> => expect.poll(() => page.locator('.tutorial-step').textContent(), { timeout: 30_000 }).toContain(`step ${n} of`);

/** Taps the panel's tab; on a phone tapping the open tab again folds the sheet away. */
async function sheetOpen(page: Page, name: RegExp): Promise<void> {
  const tab = page.getByRole('tab', { name });
  if ((await tab.getAttribute('aria-selected')) !== 'true' || !(await page.locator(`#${await tab.getAttribute('aria-controls')}`).isVisible())) await tab.tap();
  await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
  await page.locator(`#${await tab.getAttribute('aria-controls')}`).waitFor({ state: 'visible' });
}

/** Folds the bottom sheet (phones): the tap on "Hide" closes the panel, the map is back. */
async function sheetClosed(page: Page): Promise<void> {
  const hide = page.locator('.hud-collapse');
  if ((await hide.getAttribute('aria-expanded')) === 'true') await hide.tap();
  await expect.poll(() => hide.getAttribute('aria-expanded')).toBe('false');
  await page.locator('.hud-panels').waitFor({ state: 'hidden' });
}

async function shares(page: Page): Promise<number> {
  return page.evaluate<number>(MAP_SHARE);
}

async function reachable(page: Page, when: string): Promise<void> {
  expect(await page.evaluate<string[]>(UNREACHABLE), when).toEqual([]);
}

describe.each([
  [360, 640],
  [1280, 800],
])('touch only at %i × %i', (width, height) => {
  const phone = width < 700;

  it('plays the first tutorial steps with taps; the map keeps its share, every control can be tapped', async () => {
    const tab = await openTouch(width, height);
    const { page } = tab;
    try {
      await page.goto(`${baseUrl}?level=tutorial&seed=1&difficulty=normal`);
      await playing(page);
      await page.locator('.hud-toast').first().waitFor({ state: 'visible' });
      await stepShown(page, 1);
      // The tutorial's first lesson and the first 2025 notice are both on screen: the least room the map gets.
      const atStart = await shares(page);
      await screenshot(page, `touch-${width}-start`);
      expect(atStart, `the map's share of the screen at the start (${(atStart * 100).toFixed(1)} %)`).toBeGreaterThanOrEqual(0.45);
      await reachable(page, 'at the start');
      // Notices stack in the panel (the bottom sheet on a phone): they hide no road of the map.
      const [notice, panel] = [await page.locator('.hud-toasts').boundingBox(), await page.locator('.hud-panel').boundingBox()];
      expect(notice!.x >= panel!.x && notice!.y >= panel!.y && notice!.x + notice!.width <= panel!.x + panel!.width + 0.5, 'the notices are inside the panel').toBe(true);
      // The crisis budget is shown.
      expect(await page.locator('.hud-budget').isVisible()).toBe(true);
      expect(await page.locator('.hud-budget').textContent()).toMatch(/CFA/);

      // Step 1: read, then Next.
      await page.getByRole('button', { name: 'Next', exact: true }).tap();
      await stepShown(page, 2);

      // Step 2: the City panel opens as a sheet; a quick ration plan, committed.
      await sheetOpen(page, /City/);
      await reachable(page, 'with the City panel open');
      const cover = async (): Promise<number> => Number(/([\d.]+) days? of cover/.exec((await page.locator('.hud-cover').textContent()) ?? '')?.[1]);
      const coverAtFull = await cover();
      await page.getByRole('button', { name: 'Ration', exact: true }).tap();
      await page.getByRole('button', { name: 'Commit the plan' }).tap();
      await stepShown(page, 3);
      // The top bar's days of cover follow the plan in force: rationing buys days.
      expect(coverAtFull).toBeGreaterThan(0);
      await expect.poll(cover).toBeGreaterThan(coverAtFull);

      // Step 3: an escorted convoy from the Convoys panel.
      await sheetOpen(page, /Convoys/);
      await page.getByRole('group', { name: 'Escort' }).getByRole('checkbox').and(page.locator(':not([disabled])')).first().tap();
      await reachable(page, 'with the convoy planner open');
      await page.getByRole('button', { name: 'Dispatch the convoy' }).tap();
      await stepShown(page, 4);

      // The sheet closes again; the new convoy's card is shown over the map, with its Halt button
      // tappable (not the tab bar under it); closed, it gives the map back.
      if (phone) await sheetClosed(page);
      const card = page.locator('.hud-selection');
      const closeCard = async (): Promise<void> => {
        await card.getByRole('button', { name: 'Clear the selection' }).tap();
        await expect.poll(() => card.isVisible()).toBe(false);
      };
      if (await card.isVisible()) await closeCard();
      const closed = await shares(page);
      await screenshot(page, `touch-${width}-sheet-closed`);
      expect(closed, `the map's share with the sheet closed (${(closed * 100).toFixed(1)} %)`).toBeGreaterThanOrEqual(0.45);

      // A tap on the convoy on the map opens its card again.
      const pill = await page.locator('#map .map-convoy-pill').first().boundingBox();
      expect(pill, 'the convoy is drawn on the map').not.toBeNull();
      await page.touchscreen.tap(pill!.x + pill!.width / 2, pill!.y + pill!.height / 2);
      await expect.poll(() => card.isVisible()).toBe(true);
      await card.getByRole('button', { name: 'Halt', exact: true }).waitFor({ state: 'visible' });
      await screenshot(page, `touch-${width}-convoy-card`);
      await reachable(page, 'with the convoy card open');
      const withCard = await shares(page);
      expect(withCard, `the map's share with the convoy card open (${(withCard * 100).toFixed(1)} %)`).toBeGreaterThanOrEqual(phone ? 0.35 : 0.45);
      await closeCard();

      // Step 4: time runs until the convoy arrives; the tutorial then stops the clock and waits
      // for Continue (an alert on the way stops it too: the student reads it and resumes).
      await page.getByRole('button', { name: 'Speed ×4' }).tap();
      const resume = page.locator('.hud-alert').getByRole('button', { name: 'Resume' });
      await expect
        .poll(
          async () => {
            if (await resume.isVisible()) await resume.tap();
            return page.locator('.tutorial-step').textContent();
          },
          { timeout: 60_000 },
        )
        .toContain('step 5 of');
      await page.getByRole('button', { name: /Play/ }).waitFor({ state: 'visible' });
      await page.locator('.tutorial').getByRole('button', { name: 'Continue', exact: true }).tap();
      await screenshot(page, `touch-${width}-step5`);
      const later = await shares(page);
      expect(later, `the map's share at step 5 (${(later * 100).toFixed(1)} %)`).toBeGreaterThanOrEqual(0.45);
      await reachable(page, 'at step 5');
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });
});

/** In French the words are longer: nothing pushes the page sideways, and the map keeps its share. */
describe('in French on a phone', () => {
  it('at 360 × 640, the page does not scroll sideways and the map keeps 45 % of the screen', async () => {
    const tab = await openTouch(360, 640, 'reduce', 'fr-FR');
    try {
      const { page } = tab;
      await page.goto(`${baseUrl}?level=tutorial&seed=1&difficulty=normal`);
      await playing(page);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
      await page.locator('.hud-toast').first().waitFor({ state: 'visible' });
      await screenshot(page, 'touch-360-fr');
      expect(await page.evaluate(() => [document.scrollingElement!.scrollWidth, document.querySelector('#game')!.scrollWidth])).toEqual([360, 360]);
      const share = await shares(page);
      expect(share, `the map's share (${(share * 100).toFixed(1)} %)`).toBeGreaterThanOrEqual(0.45);
      await reachable(page, 'at the start, in French');
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });
});

/** A convoy that reaches the depot leaves the road, even when the clock stops at that moment. */
describe('an arrived convoy', () => {
  it('leaves the map when the game is paused the moment it arrives', async () => {
    // With motion: the pill glides to the depot over the hour after the arrival.
    const tab = await openTouch(1280, 800, 'no-preference');
    try {
      const { page } = tab;
      await page.goto(`${baseUrl}?level=tutorial&seed=1&difficulty=normal`);
      await playing(page);
      await sheetOpen(page, /Convoys/);
      await page.getByRole('button', { name: 'Dispatch the convoy' }).tap();
      await expect.poll(() => page.locator('#map .map-convoy-pill').count()).toBe(1);
      // Pause in the very update that shows the arrival, while the pill glides to the depot.
      await page.evaluate(`new MutationObserver((_, observer) => {
        if (!document.querySelector('.past-list li[data-status="arrived"]')) return;
        observer.disconnect();
        document.querySelector('.hud-play').click();
      }).observe(document.querySelector('#hud'), { subtree: true, childList: true })`);
      await page.getByRole('button', { name: 'Speed ×4' }).tap();
      await expect.poll(() => page.locator('.past-list li[data-status="arrived"]').count(), { timeout: 60_000 }).toBe(1);
      await expect.poll(() => page.locator('.hud-running').textContent()).toBe('Paused');
      await expect.poll(() => page.locator('#map .map-convoy-pill').count(), { timeout: 5_000 }).toBe(0);
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });
});

/** The folded legend takes touches only on its button: the strip beside it is the map. */
describe('the folded legend', () => {
  it('at 360 × 640, a touch beside its button lands on the map', async () => {
    const tab = await openTouch(360, 640);
    try {
      const { page } = tab;
      await page.goto(`${baseUrl}?level=tutorial&seed=1&difficulty=normal`);
      await playing(page);
      const button = page.locator('.map-legend-toggle');
      await button.waitFor({ state: 'visible' });
      expect(await button.getAttribute('aria-expanded')).toBe('false');
      const box = (await button.boundingBox())!;
      const beside = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.tagName ?? null, [box.x + box.width + 40, box.y + box.height / 2]);
      expect(beside).toBe('CANVAS');
    } finally {
      await tab.close();
    }
  });
});
