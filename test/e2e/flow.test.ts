/**
 * The flow of play (issue 14): the tutorial played through the interface at ×4, each step
 * done by playing stopping the clock until Continue; Space pausing whatever button has the
 * focus; alerts stopping the clock (or not, when the setting is off); and the tutorial with
 * the keyboard only on a desktop screen and on a phone. The link fixes the seed, so that the
 * same commands at the same hours give the same game on every run.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, screenshot, type WatchedPage } from '../../src/cli/web/browser';
import { clockText, framesPass, nextMorning, openTabByKeyboard, playing, sharedBrowser, siteUrl, stateNow, tabShown, tabTo } from './site';

const baseUrl = siteUrl();
const LINK = '?level=tutorial&seed=1&difficulty=normal';
const browser = sharedBrowser();

async function openGame(path = LINK, viewport = { width: 1280, height: 800 }, before?: (page: Page) => Promise<void>): Promise<WatchedPage> {
  const tab = await openPage(browser(), { viewport });
  if (before) {
    await tab.page.goto(baseUrl);
    await before(tab.page);
  }
  await tab.page.goto(new URL(path, baseUrl).href);
  if (path.startsWith('?')) await playing(tab.page);
  else await tab.page.waitForFunction(() => window.__lifeline?.ready === true);
  return tab;
}

const stepText = (page: Page): Promise<string | null> => page.locator('.tutorial .tutorial-step').textContent();
const continueButton = (page: Page) => page.locator('.tutorial').getByRole('button', { name: 'Continue', exact: true });
const alertCard = (page: Page) => page.locator('.hud-alert');
const screenNow = (page: Page): Promise<string | undefined> => page.evaluate(() => document.body.dataset.screen);

/** The clock stands still: paused on the top bar, and the game does not move on while frames pass. */
async function clockStopped(page: Page): Promise<void> {
  expect(await clockText(page)).toBe('Paused');
  const before = await stateNow(page);
  await framesPass(page);
  expect(await stateNow(page)).toBe(before);
}

/** Until the step counter reads step `n`, resuming the clock from every alert met on the way (by `resume`). */
async function runUntilStep(page: Page, n: number, resume: () => Promise<void>, seen: string[]): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await page.waitForFunction(
      (want) =>
        document.querySelector('.tutorial .tutorial-step')?.textContent?.includes(`step ${want} of`) === true ||
        document.querySelector('.hud-alert:not([hidden]) .hud-alert-bar button.primary:not([hidden])') !== null ||
        document.body.dataset.screen !== 'playing',
      n,
      { timeout: 90_000 },
    );
    if ((await stepText(page))?.includes(`step ${n} of`) || (await screenNow(page)) !== 'playing') return;
    seen.push((await alertCard(page).locator('h2').textContent()) ?? '');
    await clockStopped(page);
    await resume();
  }
  throw new Error(`step ${n} never came`);
}

describe.sequential('the tutorial through the interface at ×4: every step reachable, each done step stops the clock', () => {
  let tab: WatchedPage;
  let page: Page;
  const alerts: string[] = [];
  beforeAll(async () => {
    tab = await openGame();
    page = tab.page;
  });
  afterAll(async () => {
    await tab?.close();
  });

  /** A step done by playing: the clock stops, the next step is shown with Continue, and Continue lets the player go on. */
  async function doneByPlaying(next: number): Promise<void> {
    await expect.poll(() => stepText(page)).toContain(`step ${next} of 7`);
    await expect.poll(() => continueButton(page).isVisible()).toBe(true);
    expect(await page.locator('.tutorial .tutorial-done').textContent()).toMatch(/^✓ Done: .*press Continue/);
    await clockStopped(page);
    await continueButton(page).click();
    expect(await continueButton(page).isVisible()).toBe(false);
  }

  it('1. reads the fuel stock and presses Next', async () => {
    expect(await stepText(page)).toContain('step 1 of 7');
    await page.locator('.tutorial').getByRole('button', { name: 'Next', exact: true }).click();
    await expect.poll(() => stepText(page)).toContain('step 2 of 7');
    // Next is the player's own answer: no Continue after it.
    expect(await continueButton(page).isVisible()).toBe(false);
  });

  it('2. rations the fuel in the City panel', async () => {
    await page.getByRole('tab', { name: /City/ }).click();
    await tabShown(page, /City/);
    await page.getByRole('button', { name: 'Ration', exact: true }).click();
    await page.getByRole('button', { name: 'Commit the plan' }).click();
    await doneByPlaying(3);
  });

  it('3. sends an escorted convoy from the Convoys panel', async () => {
    await page.getByRole('tab', { name: /Convoys/ }).click();
    await tabShown(page, /Convoys/);
    await page.getByRole('group', { name: 'Escort' }).getByRole('checkbox').and(page.locator(':not([disabled])')).first().check();
    await page.getByRole('button', { name: 'Dispatch the convoy' }).click();
    await doneByPlaying(4);
  });

  it('4. lets time run at ×4 until the convoy arrives: the clock stops there', async () => {
    await page.getByRole('button', { name: 'Speed ×4' }).click();
    expect(await clockText(page)).toBe('Running ×4');
    await runUntilStep(page, 5, () => alertCard(page).getByRole('button', { name: 'Resume' }).click(), alerts);
    expect(await page.evaluate(() => document.querySelectorAll('.past-list li[data-status="arrived"]').length)).toBeGreaterThan(0);
    await doneByPlaying(5);
  });

  it('5. enacts a policy in the Policies panel', async () => {
    await page.getByRole('tab', { name: /Policies/ }).click();
    await tabShown(page, /Policies/);
    await page.getByRole('button', { name: /^Enact: Public information campaign/ }).click();
    await doneByPlaying(6);
  });

  it('6. opens the News panel and presses Next', async () => {
    await page.getByRole('tab', { name: /News/ }).click();
    await tabShown(page, /News/);
    await page.locator('.tutorial').getByRole('button', { name: 'Next', exact: true }).click();
    await expect.poll(() => stepText(page)).toContain('step 7 of 7');
    expect(await continueButton(page).isVisible()).toBe(false);
  });

  it('7. plays on at ×4 to the end: every alert stops the clock on the way, and the debrief follows', async () => {
    await page.getByRole('button', { name: 'Speed ×4' }).click();
    for (let i = 0; i < 60 && (await screenNow(page)) === 'playing'; i++) {
      await page.waitForFunction(
        () => document.body.dataset.screen !== 'playing' || document.querySelector('.hud-alert:not([hidden]) .hud-alert-bar button.primary:not([hidden])') !== null,
        undefined,
        { timeout: 120_000 },
      );
      if ((await screenNow(page)) !== 'playing') break;
      alerts.push((await alertCard(page).locator('h2').textContent()) ?? '');
      if (alerts.length === 1) await screenshot(page, 'flow-alert');
      await clockStopped(page);
      await alertCard(page).getByRole('button', { name: 'Resume' }).click();
    }
    await page.waitForFunction(() => document.body.dataset.screen === 'debrief', undefined, { timeout: 30_000 });
    await page.locator('#d-why').waitFor();
    await screenshot(page, 'flow-debrief-why', 'section.why');
    expect(await page.locator('.why-table tbody tr').count()).toBeGreaterThan(2);
    expect(tab.errors).toEqual([]);
  });
});

describe('Space pauses and resumes whatever has the focus, except a field that uses it', () => {
  let tab: WatchedPage;
  let page: Page;
  beforeAll(async () => {
    tab = await openGame();
    page = tab.page;
  });
  afterAll(async () => {
    await tab?.close();
  });

  it('a focused speed button does not swallow it', async () => {
    const x2 = page.getByRole('button', { name: 'Speed ×2' });
    await x2.click();
    expect(await clockText(page)).toBe('Running ×2');
    expect(await x2.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Space');
    await expect.poll(() => clockText(page)).toBe('Paused');
    await clockStopped(page);
    await page.keyboard.press('Space');
    await expect.poll(() => clockText(page)).toBe('Running ×2');
    // Running again: the game moves on.
    const before = await stateNow(page);
    await nextMorning(page, before);
    expect(await stateNow(page)).not.toBe(before);
    await page.keyboard.press('Space');
    await expect.poll(() => clockText(page)).toBe('Paused');
  });

  it('nor does a focused tab, the Play button or ×4', async () => {
    for (const control of [page.getByRole('tab', { name: /City/ }), page.getByRole('button', { name: /Play/ }), page.getByRole('button', { name: 'Speed ×4' })]) {
      await control.focus();
      await page.keyboard.press('Space');
      await expect.poll(() => clockText(page)).toMatch(/^Running ×/);
      await page.keyboard.press('Space');
      await expect.poll(() => clockText(page)).toBe('Paused');
    }
  });

  it('a number typed in a field keeps its spaces, and the clock stays as it was', async () => {
    await page.getByRole('tab', { name: /Convoys/ }).click();
    const field = page.locator('#hud-panel-convoys input[type="number"]').first();
    await field.focus();
    await page.keyboard.press('Space');
    await framesPass(page, 5);
    expect(await clockText(page)).toBe('Paused');
    expect(tab.errors).toEqual([]);
  });
});

/** Skips the tutorial and lets the game run at ×4 until the depot is down to a day of fuel: the alert card, shown. */
async function runToFuelAlert(page: Page): Promise<Locator> {
  await page.locator('.tutorial').getByRole('button', { name: 'Skip tutorial' }).click();
  await page.getByRole('button', { name: 'Speed ×4' }).click();
  const card = alertCard(page);
  await card.waitFor({ state: 'visible', timeout: 90_000 });
  expect(await card.locator('h2').textContent()).toBe('A day of fuel or less left at this plan');
  return card;
}

describe('alerts stop the clock', () => {
  it('a game left to run at ×4 stops when the depot is down to a day of fuel; the alert is announced, says what to do, and Resume goes on at ×4', async () => {
    const tab = await openGame();
    const { page } = tab;
    const card = await runToFuelAlert(page);
    expect(await card.textContent()).toContain('What to do:');
    expect(await card.textContent()).toContain('The clock is stopped.');
    // Announced at once: the live region holds the alert's words, what to do included.
    const live = page.locator('.hud-alert-live');
    expect(await live.getAttribute('aria-live')).toBe('assertive');
    expect(await live.textContent()).toMatch(/^Alert: A day of fuel or less left at this plan\. .*What to do: .*The clock is stopped\.$/);
    await clockStopped(page);
    await screenshot(page, 'alert-stops-clock');
    await card.getByRole('button', { name: 'Open City' }).click();
    await tabShown(page, /City/);
    // The setting can be changed from the card itself, and is remembered.
    const box = card.getByRole('checkbox', { name: 'Alerts stop the clock' });
    expect(await box.isChecked()).toBe(true);
    await box.uncheck();
    expect(await page.evaluate(() => (JSON.parse(localStorage.getItem('lifeline-bamako/settings') ?? '{}') as { pauseOnAlerts?: boolean }).pauseOnAlerts)).toBe(false);
    await box.check();
    await card.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => clockText(page)).toBe('Running ×4');
    expect(await card.isVisible()).toBe(false);
    expect(tab.errors).toEqual([]);
    await tab.close();
  });

  it('with the setting off, the same alert is shown and announced while the clock runs on', async () => {
    const tab = await openGame(LINK, undefined, (page) => page.evaluate(() => localStorage.setItem('lifeline-bamako/settings', JSON.stringify({ lang: 'en', pauseOnAlerts: false }))));
    const { page } = tab;
    const card = await runToFuelAlert(page);
    expect(await card.locator('.hud-alert-stopped').isVisible()).toBe(false);
    expect(await page.locator('.hud-alert-live').textContent()).toMatch(/^Alert: A day of fuel or less left at this plan\. .*What to do: /);
    expect(await page.locator('.hud-alert-live').textContent()).not.toContain('The clock is stopped');
    expect(await clockText(page)).toBe('Running ×4');
    const before = await stateNow(page);
    await nextMorning(page, before);
    expect(await card.isVisible()).toBe(true);
    await card.getByRole('button', { name: 'Close the alert' }).click();
    expect(await card.isVisible()).toBe(false);
    expect(tab.errors).toEqual([]);
    await tab.close();
  });

  it('the menu setting is on by default and remembered', async () => {
    const tab = await openGame('');
    const { page } = tab;
    const box = page.getByLabel(/Stop the clock when a town falls/);
    expect(await box.isChecked()).toBe(true);
    await box.uncheck();
    await page.reload();
    await page.waitForFunction(() => window.__lifeline?.ready === true);
    expect(await page.getByLabel(/Stop the clock when a town falls/).isChecked()).toBe(false);
    await tab.close();
  });
});

describe.each([
  ['a desktop screen', { width: 1280, height: 800 }],
  ['a phone', { width: 360, height: 640 }],
])('the tutorial with the keyboard only, on %s', (name, viewport) => {
  let tab: WatchedPage;
  let page: Page;
  beforeAll(async () => {
    tab = await openGame('', viewport);
    page = tab.page;
  });
  afterAll(async () => {
    await tab?.close();
  });

  /** After a step done by playing the focus waits on Continue: Enter goes on. */
  async function continueByKeyboard(next: number): Promise<void> {
    await expect.poll(() => stepText(page)).toContain(`step ${next} of 7`);
    await expect.poll(() => continueButton(page).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
  }

  it('from the menu to the debrief', async () => {
    const tutorial = page.locator('#new-game input[name="level"][value="tutorial"]');
    await tabTo(page, page.locator('#new-game input[name="level"]:checked'));
    for (let i = 0; i < 6 && !(await tutorial.isChecked()); i++) await page.keyboard.press('ArrowDown');
    expect(await tutorial.isChecked()).toBe(true);
    await tabTo(page, page.locator('#menu-start'));
    await page.keyboard.press('Enter');
    await playing(page);

    await tabTo(page, page.locator('.tutorial').getByRole('button', { name: 'Next', exact: true }));
    await page.keyboard.press('Enter');

    await openTabByKeyboard(page, /City/);
    await tabTo(page, page.getByRole('button', { name: 'Ration', exact: true }));
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByRole('button', { name: 'Commit the plan' }));
    await page.keyboard.press('Enter');
    await continueByKeyboard(3);

    await openTabByKeyboard(page, /Convoys/);
    const escort = page.getByRole('group', { name: 'Escort' }).getByRole('checkbox').and(page.locator(':not([disabled])')).first();
    await tabTo(page, escort);
    await page.keyboard.press('Space');
    expect(await escort.isChecked()).toBe(true);
    await tabTo(page, page.getByRole('button', { name: 'Dispatch the convoy' }));
    await page.keyboard.press('Enter');
    await continueByKeyboard(4);

    await tabTo(page, page.getByRole('button', { name: 'Speed ×4' }), { back: true });
    await page.keyboard.press('Enter');
    await runUntilStep(
      page,
      5,
      async () => {
        await tabTo(page, alertCard(page).getByRole('button', { name: 'Resume' }));
        await page.keyboard.press('Enter');
      },
      [],
    );
    await continueByKeyboard(5);

    await openTabByKeyboard(page, /Policies/);
    await tabTo(page, page.getByRole('button', { name: /^Enact: Public information campaign/ }));
    await page.keyboard.press('Enter');
    await continueByKeyboard(6);

    await openTabByKeyboard(page, /News/);
    await tabTo(page, page.locator('.tutorial').getByRole('button', { name: 'Next', exact: true }));
    await page.keyboard.press('Enter');
    await expect.poll(() => stepText(page)).toContain('step 7 of 7');

    const morning = page.getByRole('button', { name: /Next morning/ });
    for (let i = 0; i < 25 && (await screenNow(page)) === 'playing'; i++) {
      if (!(await morning.isEnabled({ timeout: 2000 }).catch(() => false))) continue;
      if (!(await morning.evaluate((el) => el === document.activeElement).catch(() => false))) await tabTo(page, morning, { back: true });
      const before = await stateNow(page);
      await page.keyboard.press('Enter');
      await nextMorning(page, before);
    }
    await page.waitForFunction(() => document.body.dataset.screen === 'debrief', undefined, { timeout: 30_000 });
    await screenshot(page, `flow-keyboard-${viewport.width}`);
    expect(tab.errors, name).toEqual([]);
  });
});
