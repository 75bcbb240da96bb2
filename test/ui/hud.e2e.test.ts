/**
 * The HUD and the tutorial played like a student, in real Chromium, on the harness page
 * (test/ui/harness.html, served by a Vite dev server started here): every panel's commands
 * reach the rules, refusals are explained, time controls and keyboard work, and the
 * tutorial waits for each thing to be done.
 */
import type { Browser, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, type WatchedPage } from '../../src/cli/web/browser';

let server: ViteDevServer;
let browser: Browser;
let base = '';

beforeAll(async () => {
  server = await createServer({ configFile: 'vite.config.ts', configLoader: 'runner', logLevel: 'error', server: { port: 0, host: '127.0.0.1', hmr: false } });
  await server.listen();
  base = `${server.resolvedUrls?.local[0] ?? ''}test/ui/harness.html`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type Harness = Window & { __session: { log: { type: string }[]; state: { hour: number; metrics: { tankersDelivered: number } } }; __announced: string[] };

const commands = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as Harness).__session.log.map((a) => a.type).filter((t) => t !== 'tick' && !t.startsWith('ai/')));
const feedback = async (page: Page): Promise<string> => (await page.locator('.hud-feedback').textContent())?.trim() ?? '';

describe.sequential('the HUD, panel by panel', () => {
  let tab: WatchedPage;
  let page: Page;
  beforeAll(async () => {
    tab = await openPage(browser, { viewport: { width: 1280, height: 720 } });
    page = tab.page;
    await page.goto(`${base}?level=tutorial&play=0&hours=7`);
    await page.waitForSelector('.hud-top');
  });
  afterAll(async () => tab?.close());

  it('city: a quick plan shows as not committed, then commits', async () => {
    await page.getByRole('button', { name: 'Ration', exact: true }).click();
    expect(await page.locator('.plan-state').textContent()).toContain('not committed');
    expect(await page.locator('.plan-effect').first().textContent()).toMatch(/tomorrow 100 % → \d+ %/);
    await page.getByRole('button', { name: 'Commit the plan' }).click();
    expect(await commands(page)).toContain('plan/set');
    expect(await feedback(page)).toContain('in force');
  });

  it('convoys: dispatches an escorted convoy, selects it, halts and resumes it', async () => {
    await page.getByRole('tab', { name: 'Convoys' }).click();
    await page.getByRole('group', { name: 'Escort' }).locator('input:not([disabled])').first().check();
    await page.getByRole('button', { name: 'Dispatch the convoy' }).click();
    expect(await commands(page)).toContain('convoy/form');
    expect(await page.locator('.hud-selection .convoy-card').isVisible()).toBe(true);
    await page.locator('.hud-selection').getByRole('button', { name: 'Halt' }).click();
    await page.locator('.hud-selection').getByRole('button', { name: 'Resume' }).click();
    expect(await commands(page)).toEqual(expect.arrayContaining(['convoy/halt', 'convoy/resume']));
  });

  it('a refused command shows the reason in words', async () => {
    await page.getByLabel('Entry point').selectOption({ index: 1 });
    await page.getByLabel('Tankers').fill('999');
    await page.getByRole('button', { name: 'Dispatch the convoy' }).click();
    expect(await page.locator('.hud-feedback[data-kind=error]').getAttribute('role')).toBe('alert');
    expect(await feedback(page)).toMatch(/✕ A convoy takes from 1 to 200 tankers/);
  });

  it('policies and forces: enact a policy, order a patrol', async () => {
    await page.getByRole('tab', { name: 'Policies' }).click();
    await page.getByRole('button', { name: /^Enact/ }).first().click();
    expect(await page.locator('.policy-card[data-status="pending"]').count()).toBe(1);
    await page.getByRole('tab', { name: 'Forces' }).click();
    const card = page.locator('.unit-card').filter({ hasText: 'mobile patrol' }).first();
    await card.getByLabel('New task').selectOption('patrol');
    await card.getByRole('button', { name: 'Give the order' }).click();
    expect(await commands(page)).toEqual(expect.arrayContaining(['policy/enact', 'unit/order']));
  });

  it('time: Space toggles the clock, speeds are pressed buttons, next morning stops at 06:00', async () => {
    await page.locator('#map').click({ position: { x: 300, y: 400 } });
    await page.keyboard.press('Space');
    expect(await page.locator('.hud-play').textContent()).toContain('Pause');
    await page.keyboard.press('Space');
    expect(await page.locator('.hud-running').textContent()).toBe('Paused');
    await page.getByRole('button', { name: 'Speed ×4' }).click();
    expect(await page.getByRole('button', { name: 'Speed ×4' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: /Pause/ }).click();
    await page.getByRole('button', { name: /Next morning/ }).click();
    expect(await page.evaluate(() => (window as unknown as Harness).__session.state.hour % 24)).toBe(6);
  });

  it('news: the tab counts unread items, the feed shows them, new items were announced', async () => {
    const news = page.getByRole('tab', { name: /News/ });
    expect(await news.textContent()).toMatch(/\(\d+\)/);
    await news.click();
    expect(await page.locator('.news-item').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as unknown as Harness).__announced.length)).toBeGreaterThan(0);
  });

  it('tabs follow the arrow keys', async () => {
    await page.getByRole('tab', { name: /News/ }).focus();
    await page.keyboard.press('ArrowLeft');
    expect(await page.getByRole('tab', { name: 'Policies' }).getAttribute('aria-selected')).toBe('true');
    expect(tab.errors).toEqual([]);
  });
});

describe.sequential('the tutorial', () => {
  let tab: WatchedPage;
  let page: Page;
  const step = async (): Promise<string> => ((await page.locator('.tutorial-step').textContent()) ?? '').trim();
  beforeAll(async () => {
    tab = await openPage(browser, { viewport: { width: 1280, height: 720 } });
    page = tab.page;
    await page.goto(`${base}?level=tutorial&play=0&hours=7&tutorial=1`);
    await page.waitForSelector('.tutorial');
  });
  afterAll(async () => tab?.close());

  it('moves on only when each thing is done', async () => {
    const tut = page.locator('.tutorial');
    expect(await step()).toContain('1 of 7');
    await tut.getByRole('button', { name: 'Next' }).click();
    await tut.getByRole('button', { name: /Open the City/ }).click();
    await page.getByRole('button', { name: 'Ration', exact: true }).click();
    expect(await step()).toContain('2 of 7');
    await page.getByRole('button', { name: 'Commit the plan' }).click();
    expect(await step()).toContain('3 of 7');
    // A step done by playing waits for Continue, the clock stopped.
    await tut.getByRole('button', { name: 'Continue' }).click();
    expect(await tut.getByRole('button', { name: 'Continue' }).count()).toBe(0);

    await tut.getByRole('button', { name: /Open the Convoys/ }).click();
    await page.getByRole('button', { name: 'Dispatch the convoy' }).click();
    expect(await step()).toContain('3 of 7');
    expect(await tut.textContent()).toContain('without an escort');
    await page.getByLabel('Entry point').selectOption({ index: 1 });
    await page.getByRole('group', { name: 'Escort' }).locator('input:not([disabled])').first().check();
    await page.getByRole('button', { name: 'Dispatch the convoy' }).click();
    expect(await step()).toContain('4 of 7');

    for (let i = 0; i < 4 && (await step()).includes('4 of 7'); i++) await page.getByRole('button', { name: /Next morning/ }).click();
    expect(await page.evaluate(() => (window as unknown as Harness).__session.state.metrics.tankersDelivered)).toBeGreaterThan(0);
    expect(await step()).toContain('5 of 7');

    await tut.getByRole('button', { name: /Open the Policies/ }).click();
    await page.getByRole('button', { name: /^Enact/ }).first().click();
    expect(await step()).toContain('6 of 7');
    await tut.getByRole('button', { name: 'Continue' }).click();
    expect(await tut.getByRole('button', { name: 'Next' }).isDisabled()).toBe(true);
    await tut.getByRole('button', { name: /Open the News/ }).click();
    await tut.getByRole('button', { name: 'Next' }).click();
    expect(await step()).toContain('7 of 7');

    await tut.getByRole('button', { name: 'Skip tutorial' }).click();
    expect(await page.locator('.tutorial').count()).toBe(0);
    expect(tab.errors).toEqual([]);
  });
});

describe.sequential('map selection and rerouting, in the 2025 scenario', () => {
  let tab: WatchedPage;
  let page: Page;
  beforeAll(async () => {
    tab = await openPage(browser, { viewport: { width: 1280, height: 720 } });
    page = tab.page;
    await page.goto(`${base}?level=bamako-2025&days=1&hours=8&select=road:kadiana-kolondieba`);
    await page.waitForSelector('.hud-selection');
  });
  afterAll(async () => tab?.close());

  it('a selected road offers to patrol it with a unit', async () => {
    const card = page.locator('.hud-selection');
    expect(await card.getByRole('heading').first().textContent()).toBe('Road Kadiana–Kolondiéba');
    await card.getByLabel('Unit').selectOption({ index: 0 });
    await card.getByRole('button', { name: 'Patrol this road' }).click();
    expect((await commands(page)).at(-1)).toBe('unit/order');
    expect(await feedback(page)).toMatch(/will patrol Kadiana–Kolondiéba/);
  });

  it('a convoy on the road can take another route', async () => {
    await page.getByRole('tab', { name: 'Convoys' }).click();
    const card = page.locator('#hud-panel-convoys .convoy-card').filter({ has: page.getByRole('button', { name: 'Reroute…' }) }).first();
    await card.getByRole('button', { name: 'Reroute…' }).click();
    expect(await card.getByRole('button', { name: 'Reroute…' }).getAttribute('aria-expanded')).toBe('true');
    await card.getByRole('button', { name: 'Take this route' }).click();
    expect((await commands(page)).at(-1)).toBe('convoy/reroute');
    expect(tab.errors).toEqual([]);
  });
});

describe('the debrief', () => {
  it('shows results, charts, the day-by-day story, the blockade and questions, and prints without buttons', async () => {
    const tab = await openPage(browser, { viewport: { width: 1280, height: 720 } });
    try {
      const { page } = tab;
      await page.goto(`${base}?view=debrief`);
      await page.waitForSelector('#debrief .uplot canvas');
      expect(await page.locator('#debrief .uplot').count()).toBe(4);
      expect(await page.locator('.metric').count()).toBe(9);
      expect(await page.locator('.day-row').count()).toBeGreaterThan(5);
      expect(await page.locator('.ai-moves li').count()).toBeGreaterThan(5);
      const questions = await page.locator('.questions li').count();
      expect(questions).toBeGreaterThanOrEqual(4);
      expect(questions).toBeLessThanOrEqual(6);
      expect(await page.locator('.col-real a[href^="https://"]').count()).toBeGreaterThan(0);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('#debrief button').first().isVisible()).toBe(false);
      expect(await page.locator('#debrief .uplot canvas').first().isVisible()).toBe(true);
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });
});
