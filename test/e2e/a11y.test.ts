/**
 * Accessibility of the built game and the instructor's pages (DESIGN §5):
 * - axe-core finds no violation on any page, in any state a student or instructor meets;
 * - the tutorial can be played from the menu to the debrief with Tab, Shift+Tab, Enter,
 *   Space and the arrow keys only;
 * - reduced motion (the system's or the setting) and the colour-blind mode work;
 * - 200 % zoom (a 640×360 CSS viewport) and a 360×640 phone: no sideways scrolling, every
 *   visible control reachable and uncovered;
 * - touch targets of at least 24 × 24 CSS pixels;
 * - no more than three flashes a second while a game runs;
 * - the map canvas has a text alternative and what it shows is also in the HUD;
 * - Lighthouse scores the menu's accessibility 100.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, type PageOptions, type WatchedPage } from '../../src/cli/web/browser';
import { REPO_ROOT } from '../../src/cli/web/build';
import { runLighthouse } from '../../src/cli/web/lighthouse';
import { nextMorning, openTabByKeyboard, playing, siteUrl, sharedBrowser, stateNow, tabShown, tabTo } from './site';

const baseUrl = siteUrl();
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** The instructor's pages (and the level editor, once there is one), each built from a top-level html file. */
const OTHER_PAGES = ['instructor.html', 'dashboard.html', 'editor.html'].filter((page) => existsSync(join(REPO_ROOT, page)));
const browser = sharedBrowser();

// ---- Helpers --------------------------------------------------------------------------

const ready = (page: Page) => page.waitForFunction(() => window.__lifeline?.ready === true, undefined, { timeout: 30_000 });
const screen = (page: Page) => page.evaluate(() => document.body.dataset.screen);
async function open(path = '', options: PageOptions = {}): Promise<WatchedPage> {
  const tab = await openPage(browser(), options);
  await tab.page.goto(new URL(path, baseUrl).href);
  if (path === '' || path.startsWith('?')) await ready(tab.page);
  else await tab.page.waitForLoadState('networkidle');
  return tab;
}

/** axe-core's violations on the page as it is now, one readable line per failing element. */
async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the pages' content security policy does not govern.
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(AXE_SOURCE);
  return page.evaluate<string[]>(`axe.run(document, { resultTypes: ['violations'] }).then((r) =>
    r.violations.flatMap((v) => v.nodes.map((n) => v.id + ' (' + v.impact + '): ' + n.target.join(' ') + ' — ' + v.help)))`);
}

/** Controls smaller than 24 × 24 CSS pixels (a box or radio counts with its label; links inside a sentence are exempt, as WCAG 2.5.8 allows). */
const SMALL_TARGETS = `(() => {
  // checkVisibility also sees through closed <details> and content-visibility.
  const visible = (el) => el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true }) && !el.closest('[hidden], [inert]');
  const controls = [...document.querySelectorAll('button, a[href], input:not([type=hidden]), select, textarea, summary, [role=button], [role=tab], [role=link], [role=checkbox], [role=radio], [tabindex]:not([tabindex="-1"])')];
  const small = [];
  for (const el of controls) {
    const label = el.closest('label') || (el.id ? document.querySelector('label[for="' + CSS.escape(el.id) + '"]') : null);
    if (!visible(el) && !(label && visible(label))) continue;
    if (el.tagName === 'A' && getComputedStyle(el).display === 'inline' && el.parentElement && el.parentElement.textContent.trim() !== el.textContent.trim()) continue;
    let r = el.getBoundingClientRect();
    if (label) {
      const l = label.getBoundingClientRect();
      r = { width: Math.max(r.right, l.right) - Math.min(r.left, l.left), height: Math.max(r.bottom, l.bottom) - Math.min(r.top, l.top) };
    }
    if (r.width < 23.5 || r.height < 23.5) {
      const name = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('name') || el.id || '').trim().slice(0, 30);
      small.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '') + ' "' + name + '" ' + Math.round(r.width) + '×' + Math.round(r.height));
    }
  }
  return small;
})()`;

/** Sideways scrolling, and visible controls that cannot be brought into view uncovered. */
const LAYOUT_PROBLEMS = `(() => {
  const problems = [];
  const doc = document.scrollingElement;
  if (doc.scrollWidth > window.innerWidth + 1) problems.push('the page scrolls sideways: ' + doc.scrollWidth + ' px wide in a ' + window.innerWidth + ' px window');
  const controls = [...document.querySelectorAll('button, a[href], input:not([type=hidden]), select, textarea, summary, [role=tab]')];
  const visible = (el) => el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true }) && !el.closest('[hidden], [inert]');
  for (const el of controls) {
    const label = el.closest('label');
    // Focused first: a skip link shows itself only then.
    el.focus({ preventScroll: true });
    const target = visible(el) && el.getBoundingClientRect().width > 1 ? el : label && visible(label) ? label : null;
    if (!target) continue;
    target.scrollIntoView({ block: 'center', inline: 'center' });
    // A link that wraps over two lines: its first line.
    const r = target.getClientRects()[0] ?? target.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const x = Math.min(window.innerWidth - 1, Math.max(0, r.left + r.width / 2));
    const y = Math.min(window.innerHeight - 1, Math.max(0, r.top + r.height / 2));
    const name = (el.getAttribute('aria-label') || el.textContent || el.id || el.getAttribute('name') || '').trim().slice(0, 30);
    if (r.right < 0 || r.left > window.innerWidth || r.bottom < 0 || r.top > window.innerHeight) {
      problems.push('out of reach: ' + el.tagName.toLowerCase() + ' "' + name + '"');
      continue;
    }
    const hit = document.elementFromPoint(x, y);
    if (hit && hit !== target && !target.contains(hit) && !(label && label.contains(hit))) {
      problems.push('covered: ' + el.tagName.toLowerCase() + ' "' + name + '" under ' + hit.tagName.toLowerCase() + (hit.className && typeof hit.className === 'string' ? '.' + hit.className.split(' ')[0] : ''));
    }
  }
  document.activeElement?.blur();
  window.scrollTo(0, 0);
  return problems;
})()`;

// ---- axe ------------------------------------------------------------------------------

describe('axe-core finds no violation', () => {
  it('on the menu, in English and in French, and in colour-blind mode', async () => {
    const tab = await open();
    try {
      const { page } = tab;
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('radio', { name: 'Français' }).check();
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('fr');
      expect(await axeViolations(page)).toEqual([]);
      await page.locator('#colour-blind').check();
      expect(await axeViolations(page)).toEqual([]);
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('while playing, with each HUD panel open, and in colour-blind mode', async () => {
    const tab = await open('?level=tutorial&seed=1&difficulty=normal');
    try {
      const { page } = tab;
      await playing(page);
      const found: string[] = [];
      for (const palette of ['default', 'colour-blind']) {
        if (palette === 'colour-blind') await page.evaluate(() => (document.documentElement.dataset.palette = 'colour-blind'));
        for (const name of [/City/, /Convoys/, /Forces/, /Policies/, /News/]) {
          await page.getByRole('tab', { name }).click();
          await tabShown(page, name);
          found.push(...(await axeViolations(page)).map((v) => `${palette}, ${String(name)}: ${v}`));
        }
      }
      expect([...new Set(found)]).toEqual([]);
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it.each(OTHER_PAGES)('on %s', async (path) => {
    const tab = await open(path);
    try {
      expect(await axeViolations(tab.page)).toEqual([]);
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });
});

// ---- Keyboard only --------------------------------------------------------------------

describe.sequential('the tutorial with the keyboard only, from the menu to the debrief', () => {
  let tab: WatchedPage;
  let page: Page;

  beforeAll(async () => {
    tab = await open();
    page = tab.page;
  });
  afterAll(async () => {
    await tab?.close();
  });

  it('chooses the tutorial and starts it', async () => {
    const tutorial = page.locator('#new-game input[name="level"][value="tutorial"]');
    await tabTo(page, page.locator('#new-game input[name="level"]:checked'));
    for (let i = 0; i < 6 && !(await tutorial.isChecked()); i++) await page.keyboard.press('ArrowDown');
    expect(await tutorial.isChecked()).toBe(true);
    await tabTo(page, page.locator('#menu-start'));
    await page.keyboard.press('Enter');
    await playing(page);
  });

  it('reads the first step and rations the fuel', async () => {
    await tabTo(page, page.getByRole('button', { name: 'Next', exact: true }));
    await page.keyboard.press('Enter');
    await openTabByKeyboard(page, /City/);
    await tabTo(page, page.getByRole('button', { name: 'Ration', exact: true }));
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByRole('button', { name: 'Commit the plan' }));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('The new plan is in force');
  });

  it('sends an escorted convoy', async () => {
    await openTabByKeyboard(page, /Convoys/);
    const escort = page.getByRole('group', { name: 'Escort' }).getByRole('checkbox').and(page.locator(':not([disabled])')).first();
    await tabTo(page, escort);
    await page.keyboard.press('Space');
    expect(await escort.isChecked()).toBe(true);
    await tabTo(page, page.getByRole('button', { name: 'Dispatch the convoy' }));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#hud-panel-convoys .convoy-card').count()).toBe(1);
  });

  it('lets time run until the convoy arrives, then pauses', async () => {
    await tabTo(page, page.getByRole('button', { name: 'Speed ×4' }), { back: true });
    await page.keyboard.press('Enter');
    const ended = '.past-list li[data-status="arrived"], .past-list li[data-status="destroyed"]';
    // An alert on the way stops the clock: Resume, reached with Tab, goes on.
    for (let i = 0; i < 20 && (await page.locator(ended).count()) === 0; i++) {
      await page.waitForFunction(
        (sel) => document.querySelector(sel) !== null || document.querySelector('.hud-alert:not([hidden]) .hud-alert-bar button.primary:not([hidden])') !== null,
        ended,
        { timeout: 90_000 },
      );
      if ((await page.locator(ended).count()) > 0) break;
      await tabTo(page, page.locator('.hud-alert').getByRole('button', { name: 'Resume' }));
      await page.keyboard.press('Enter');
    }
    // The tutorial's step is done when the convoy arrives: the clock stops there (a convoy lost on the way: Space pauses).
    if ((await page.locator('.hud-running').textContent()) !== 'Paused') await page.keyboard.press('Space');
    await expect.poll(() => page.locator('.hud-running').textContent()).toBe('Paused');
  });

  it('enacts a policy and reads the news', async () => {
    await openTabByKeyboard(page, /Policies/);
    await tabTo(page, page.getByRole('button', { name: /^Enact: Public information campaign/ }));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('button', { name: /^Cancel: Public information campaign/ }).count()).toBe(1);
    await openTabByKeyboard(page, /News/);
    const next = page.getByRole('button', { name: 'Next', exact: true });
    if ((await next.count()) > 0 && (await next.isVisible())) {
      await tabTo(page, next);
      await page.keyboard.press('Enter');
    }
  });

  it('plays on to the end, morning by morning, and reaches the debrief', async () => {
    const morning = page.getByRole('button', { name: /Next morning/ });
    await tabTo(page, morning, { back: true });
    for (let i = 0; i < 25 && (await screen(page)) === 'playing'; i++) {
      // The focus stays on the button; the last morning ends the game.
      const before = await stateNow(page);
      await page.keyboard.press('Enter');
      await nextMorning(page, before);
      // Past the last morning the button is disabled, then gone, until the game is saved and the debrief opens.
      const over = await page.evaluate(() => document.querySelector<HTMLButtonElement>('.hud-morning')?.disabled !== false);
      if ((await screen(page)) === 'playing' && !over && !(await morning.evaluate((el) => el === document.activeElement).catch(() => false))) await tabTo(page, morning, { back: true });
    }
    await page.waitForFunction(() => document.body.dataset.screen === 'debrief', undefined, { timeout: 30_000 });
  });

  it('the debrief has no axe violation, and leads back to the menu', async () => {
    await page.waitForSelector('#debrief .uplot canvas', { timeout: 10_000 });
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(SMALL_TARGETS)).toEqual([]);
    await tabTo(page, page.getByRole('button', { name: 'Back to the menu' }));
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.body.dataset.screen === 'menu');
    expect(tab.errors).toEqual([]);
  });
});

// ---- Reduced motion, colour-blind mode -------------------------------------------------

describe('reduced motion and the colour-blind mode', () => {
  it("follows the system's reduced motion: no transitions or animations anywhere", async () => {
    const tab = await open('?level=tutorial&seed=1&difficulty=normal', { reducedMotion: 'reduce' });
    try {
      await playing(tab.page);
      const moving = await tab.page.evaluate(() =>
        [...document.querySelectorAll('*')].filter((el) => {
          const s = getComputedStyle(el);
          return (s.animationName !== 'none' && s.animationDuration !== '0s') || s.transitionDuration.split(',').some((d) => parseFloat(d) > 0);
        }).length,
      );
      expect(moving).toBe(0);
    } finally {
      await tab.close();
    }
  });

  it('the settings switch both modes on, remember them, and the game shows shapes with the colours', async () => {
    const tab = await open();
    try {
      const { page } = tab;
      const good = () => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--good').trim());
      const before = await good();
      await page.getByRole('checkbox', { name: 'Reduce motion' }).check();
      await page.getByRole('checkbox', { name: /Colour-blind mode/ }).check();
      expect(await page.evaluate(() => ({ ...document.documentElement.dataset }))).toEqual({ motion: 'reduced', palette: 'colour-blind' });
      expect(await good()).not.toBe(before);
      await page.reload();
      await ready(page);
      expect(await page.getByRole('checkbox', { name: 'Reduce motion' }).isChecked()).toBe(true);
      expect(await page.evaluate(() => ({ ...document.documentElement.dataset }))).toEqual({ motion: 'reduced', palette: 'colour-blind' });
      // Without the system preference, the setting alone stops every transition.
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('button')!).transitionDuration)).toBe('0s');

      await page.locator('#new-game input[name="level"][value="tutorial"]').check();
      await page.locator('#menu-start').click();
      await playing(page);
      await page.getByRole('tab', { name: /City/ }).click();
      // Each service's state has a shape before its word.
      const glyphs = await page.evaluate(() => [...document.querySelectorAll('.svc-band[data-band]')].map((el) => getComputedStyle(el, '::before').content));
      expect(glyphs.length).toBeGreaterThan(3);
      for (const glyph of glyphs) expect(glyph).toMatch(/[●▲■]/);
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });
});

// ---- Zoom, phone, touch targets -------------------------------------------------------

describe.each([
  ['200 % zoom (1280×720 at 2×: a 640×360 CSS viewport)', { width: 640, height: 360 }],
  ['a 360×640 phone', { width: 360, height: 640 }],
])('%s', (_name, viewport) => {
  it('the menu: no sideways scrolling, every control reachable, targets ≥ 24 px', async () => {
    const tab = await open('', { viewport });
    try {
      expect(await tab.page.evaluate(LAYOUT_PROBLEMS)).toEqual([]);
      expect(await tab.page.evaluate(SMALL_TARGETS)).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  // Both open with a notification over the map: the tutorial's first 2025 event, with its lesson
  // filling the bottom sheet (the least room the map gets), and the campaign's blockade notice.
  it.each(['tutorial', 'bamako-2025'])('playing %s, a notification showing: no sideways scrolling, every visible control reachable, targets ≥ 24 px', async (level) => {
    const tab = await open(`?level=${level}&seed=1&difficulty=normal`, { viewport });
    try {
      const { page } = tab;
      await playing(page);
      const toast = page.locator('.hud-toast').first();
      const legend = page.locator('.map-legend-toggle');
      await toast.waitFor({ state: 'visible' });
      await legend.waitFor({ state: 'visible' });
      expect(await page.evaluate(LAYOUT_PROBLEMS)).toEqual([]);
      expect(await page.evaluate(SMALL_TARGETS)).toEqual([]);
      // Not one pixel of the notification over the legend's button, and the check ran while it showed.
      const [a, b] = [await toast.boundingBox(), await legend.boundingBox()];
      expect(a && b, 'the notification and the legend button are both on screen').toBeTruthy();
      const overlap = Math.min(a!.x + a!.width, b!.x + b!.width) > Math.max(a!.x, b!.x) && Math.min(a!.y + a!.height, b!.y + b!.height) > Math.max(a!.y, b!.y);
      expect(overlap, `notification ${JSON.stringify(a)} and legend button ${JSON.stringify(b)} overlap`).toBe(false);
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it.each(OTHER_PAGES)('%s: no sideways scrolling, every control reachable, targets ≥ 24 px', async (path) => {
    const tab = await open(path, { viewport });
    try {
      expect(await tab.page.evaluate(LAYOUT_PROBLEMS)).toEqual([]);
      expect(await tab.page.evaluate(SMALL_TARGETS)).toEqual([]);
    } finally {
      await tab.close();
    }
  });
});

describe('touch targets of at least 24 × 24 px on a desktop screen', () => {
  it.each(['', ...OTHER_PAGES])('page "%s"', async (path) => {
    const tab = await open(path);
    try {
      expect(await tab.page.evaluate(SMALL_TARGETS)).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('the game with each HUD panel open', async () => {
    const tab = await open('?level=tutorial&seed=1&difficulty=normal');
    try {
      const { page } = tab;
      await playing(page);
      const small: string[] = [];
      for (const name of [/City/, /Convoys/, /Forces/, /Policies/, /News/]) {
        await page.getByRole('tab', { name }).click();
        await tabShown(page, name);
        small.push(...(await page.evaluate<string[]>(SMALL_TARGETS)));
      }
      expect([...new Set(small)]).toEqual([]);
    } finally {
      await tab.close();
    }
  });
});

// ---- Flashes ---------------------------------------------------------------------------

/**
 * WCAG 2.3.1, general flash threshold: a flash is a pair of opposing changes in relative
 * luminance of at least 0.1 where the darker state is below 0.8, over an area of about a
 * quarter of a 10° field of view, here a cell of a 4×4 grid over the screen. The screen is
 * recorded frame by frame (Chromium's screencast) while a game runs at full speed with
 * convoys on the road and attacks coming; no cell may flash more than three times in any
 * one second.
 */
/** The most flashes in any one second in any cell, over `ms` of the page's life. */
async function worstFlashesPerSecond(tab: WatchedPage, ms: number): Promise<{ worst: number; frames: number }> {
  const cdp = await tab.context.newCDPSession(tab.page);
  const frames: { t: number; data: string }[] = [];
  cdp.on('Page.screencastFrame', (frame: { data: string; sessionId: number; metadata: { timestamp?: number } }) => {
    frames.push({ t: frame.metadata.timestamp ?? Date.now() / 1000, data: frame.data });
    void cdp.send('Page.screencastFrameAck', { sessionId: frame.sessionId }).catch(() => undefined);
  });
  await cdp.send('Page.startScreencast', { format: 'jpeg', quality: 60, maxWidth: 256, maxHeight: 192, everyNthFrame: 1 });
  // Until the frames cover `ms` of the page's own time: a busy machine records more slowly, not less.
  const recorded = (): number => (frames.length < 2 ? 0 : (frames[frames.length - 1]!.t - frames[0]!.t) * 1000);
  await expect.poll(recorded, { timeout: ms * 10, interval: 100 }).toBeGreaterThanOrEqual(ms);
  await cdp.send('Page.stopScreencast');
  await cdp.detach();
  if (frames.length < 2) return { worst: 0, frames: frames.length };

  // Mean relative luminance of each cell of a 4×4 grid, per frame, decoded by the browser.
  const decoder = await browser().newContext();
  const grids = await (await decoder.newPage()).evaluate<number[][]>(
    `(async (frames) => {
      const toLinear = (c) => { c /= 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
      const lut = Array.from({ length: 256 }, (_, i) => toLinear(i));
      const out = [];
      for (const data of frames) {
        const img = new Image();
        img.src = 'data:image/jpeg;base64,' + data;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.naturalWidth;
        canvas.height = img.naturalHeight;
        const g = canvas.getContext('2d');
        g.drawImage(img, 0, 0);
        const px = g.getImageData(0, 0, canvas.width, canvas.height).data;
        const sums = new Array(16).fill(0);
        const counts = new Array(16).fill(0);
        for (let y = 0; y < canvas.height; y++) {
          for (let x = 0; x < canvas.width; x++) {
            const i = (y * canvas.width + x) * 4;
            const cell = Math.min(3, Math.floor((y * 4) / canvas.height)) * 4 + Math.min(3, Math.floor((x * 4) / canvas.width));
            sums[cell] += 0.2126 * lut[px[i]] + 0.7152 * lut[px[i + 1]] + 0.0722 * lut[px[i + 2]];
            counts[cell] += 1;
          }
        }
        out.push(sums.map((s, k) => s / counts[k]));
      }
      return out;
    })`.trim() + `(${JSON.stringify(frames.map((f) => f.data))})`,
  );
  await decoder.close();

  let worst = 0;
  for (let cell = 0; cell < 16; cell++) {
    // Transitions: a change of ≥ 0.1 from the last extreme, with the darker side under 0.8.
    const transitions: { t: number; up: boolean }[] = [];
    let reference = grids[0]![cell]!;
    grids.forEach((grid, i) => {
      const value = grid[cell]!;
      if (Math.abs(value - reference) >= 0.1 && Math.min(value, reference) < 0.8) {
        transitions.push({ t: frames[i]!.t, up: value > reference });
        reference = value;
      }
    });
    // A flash is a pair of opposing transitions; count the flashes in every one-second window.
    const flashes = transitions.filter((tr, i) => i > 0 && tr.up !== transitions[i - 1]!.up).map((tr) => tr.t);
    for (const start of flashes) worst = Math.max(worst, flashes.filter((t) => t >= start && t < start + 1).length);
  }
  return { worst, frames: frames.length };
}

describe('no more than three flashes a second', () => {
  it('the measurement itself: a page that flashes five times a second is caught', async () => {
    const tab = await openPage(browser(), { viewport: { width: 1024, height: 768 } });
    try {
      await tab.page.setContent('<body style="margin:0;height:100vh;background:#000"></body>');
      await tab.page.evaluate('setInterval(() => { document.body.style.background = document.body.style.background === "rgb(255, 255, 255)" ? "#000" : "#fff"; }, 100)');
      const { worst } = await worstFlashesPerSecond(tab, 2500);
      expect(worst).toBeGreaterThan(3);
    } finally {
      await tab.close();
    }
  });

  it('while a game runs at ×4 with convoys moving', async () => {
    const tab = await open('?level=tutorial&seed=1&difficulty=normal', { viewport: { width: 1024, height: 768 } });
    try {
      const { page } = tab;
      await playing(page);
      await page.getByRole('tab', { name: /Convoys/ }).click();
      const tankers = page.getByLabel('Tankers', { exact: true });
      for (let i = 0; i < 4; i++) {
        await tankers.fill('2');
        await page.getByRole('button', { name: 'Dispatch the convoy' }).click();
      }
      await page.getByRole('button', { name: 'Speed ×4' }).click();
      const { worst, frames } = await worstFlashesPerSecond(tab, 6000);
      expect(frames, 'screencast frames recorded').toBeGreaterThan(20);
      expect(worst, 'flashes in the worst second of the worst screen area').toBeLessThanOrEqual(3);
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });
});

// ---- The map's text alternative --------------------------------------------------------

describe('the map in words', () => {
  it('the canvas has a role, a name and a description of how to use it', async () => {
    const tab = await open('?level=tutorial&seed=1&difficulty=normal');
    try {
      await playing(tab.page);
      const canvas = tab.page.locator('#map canvas');
      expect(await canvas.getAttribute('role')).toBeTruthy();
      expect((await canvas.getAttribute('aria-label'))?.length ?? 0).toBeGreaterThan(10);
      expect(await canvas.getAttribute('tabindex')).toBe('0');
    } finally {
      await tab.close();
    }
  });

  it('every town and entry point on the map is named in the HUD', async () => {
    const tab = await open('?level=tutorial&seed=1&difficulty=normal');
    try {
      const { page } = tab;
      await playing(page);
      const level = (await (await fetch(new URL('levels/tutorial.json', baseUrl))).json()) as { towns: { name: string }[] };
      let text = '';
      for (const name of [/City/, /Convoys/, /Forces/, /Policies/, /News/]) {
        await page.getByRole('tab', { name }).click();
        text += `\n${await page.locator('#hud').innerText()}`;
      }
      expect(level.towns.map((town) => town.name).filter((name) => !text.includes(name))).toEqual([]);
    } finally {
      await tab.close();
    }
  });
});

// ---- Lighthouse ------------------------------------------------------------------------

describe('Lighthouse', () => {
  it('scores the menu 100 for accessibility (mobile)', async () => {
    const figures = await runLighthouse(baseUrl, ['accessibility']);
    expect(figures.failing.map((f) => `${f.id}: ${f.title} ${f.items.join(' | ')}`)).toEqual([]);
    expect(figures.scores.accessibility).toBe(100);
  });
});
