/**
 * Designers in `npm start` (the Vite dev server, with hot reload): saving a level file
 * restarts the scenario being played with the new file (same seed and settings); saving a
 * broken file shows its problems, with file:line:col, over the game; saving it fixed takes
 * them away and the game comes back.
 *
 * The dev server watches the repository's own `levels/` folder, so this test writes one
 * temporary level there, `levels/zz-hot-reload-test.json` (the tutorial under another id),
 * and always deletes it afterwards, whatever happens.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, type WatchedPage } from '../../src/cli/web/browser';
import { REPO_ROOT } from '../../src/cli/web/build';
import { playing as waitForGame } from './site';

const ID = 'zz-hot-reload-test';
const FILE = join(REPO_ROOT, 'levels', `${ID}.json`);
const SHOWN_AS = `levels/${ID}.json`;

type LevelJson = { id: string; depot: { town: string; stockL: number }; tankerL: number } & Record<string, unknown>;
const tutorial = JSON.parse(readFileSync(join(REPO_ROOT, 'levels', 'tutorial.json'), 'utf8')) as LevelJson;
const version = (change: (level: LevelJson) => void = () => undefined): string => {
  const level = structuredClone(tutorial);
  level.id = ID;
  change(level);
  return `${JSON.stringify(level, null, 2)}\n`;
};
/** A designer saving the file in their editor. */
const save = (text: string): void => writeFileSync(FILE, text);

let server: ViteDevServer | undefined;
let browser: Browser | undefined;
let base = '';

const removeLevel = (): void => rmSync(FILE, { force: true });

beforeAll(async () => {
  // Also on an early exit of the test process, so that the folder never keeps the file.
  process.once('exit', removeLevel);
  save(version());
  server = await createServer({ configFile: 'vite.config.ts', configLoader: 'runner', logLevel: 'error', server: { port: 0, host: '127.0.0.1' } });
  await server.listen();
  base = server.resolvedUrls?.local[0] ?? '';
  browser = await launchBrowser();
});
afterAll(async () => {
  removeLevel();
  process.off('exit', removeLevel);
  await browser?.close();
  await server?.close();
});

const playing = (page: Page) => waitForGame(page, 90_000);

/** "6.9 million L", "920,000 L" (English formatting) → litres. */
function litres(text: string | null): number {
  const million = /([\d.,]+)\s*million/.exec(text ?? '');
  if (million) return Number(million[1]!.replace(/,/g, '')) * 1_000_000;
  const plain = /([\d,]+)\s*L/.exec(text ?? '');
  if (!plain) throw new Error(`no litres in ${JSON.stringify(text)}`);
  return Number(plain[1]!.replace(/,/g, ''));
}

describe.sequential('hot reload of a level file in the dev server', () => {
  let tab: WatchedPage;
  let page: Page;
  let firstHash = '';

  beforeAll(async () => {
    tab = await openPage(browser!, { viewport: { width: 1280, height: 720 } });
    page = tab.page;
    await page.goto(`${base}?level=${ID}&seed=1&difficulty=normal`);
    await playing(page);
  });
  afterAll(async () => {
    await tab?.close();
  });

  it('plays the temporary level from its share link', async () => {
    firstHash = (await page.evaluate(() => window.__lifeline!.hash()))!;
    expect(firstHash).toMatch(/\S/);
    expect(litres(await page.locator('.hud-stock').textContent())).toBe(tutorial.depot.stockL);
  });

  it('saving a change restarts the scenario with it: a new state, the new depot stock', async () => {
    // 100 tankers: shown exactly as "4.6 million L" (the HUD rounds millions to one decimal).
    const stockL = 4_600_000;
    expect(stockL).not.toBe(tutorial.depot.stockL);
    save(version((level) => (level.depot.stockL = stockL)));
    await expect.poll(() => page.evaluate(() => window.__lifeline?.hash() ?? null), { timeout: 30_000 }).not.toBe(firstHash);
    await playing(page);
    await expect.poll(async () => litres(await page.locator('.hud-stock').textContent()), { timeout: 30_000 }).toBe(stockL);
    expect(await page.evaluate(() => window.__lifeline!.day())).toBe(1);
    expect(await page.locator('#level-problems').count()).toBe(0);
  });

  it('saving a broken file shows its problems with file:line:col over the game', async () => {
    save(version((level) => (level.depot.town = 'bamakoo')));
    const box = page.locator('#level-problems');
    await expect.poll(() => box.count(), { timeout: 30_000 }).toBe(1);
    expect(await box.getAttribute('role')).toBe('alert');
    const text = (await box.textContent()) ?? '';
    expect(text).toContain(`${SHOWN_AS}: 1 problem`);
    expect(text).toMatch(new RegExp(`${SHOWN_AS.replace(/[.]/g, '\\.')}:\\d+:\\d+: depot\\.town: unknown town "bamakoo" \\(did you mean "bamako"\\?\\)`));
  });

  it('saving it fixed takes the problems away and plays the level again', async () => {
    save(version());
    await expect.poll(() => page.locator('#level-problems').count(), { timeout: 30_000 }).toBe(0);
    await playing(page);
    await expect.poll(async () => litres(await page.locator('.hud-stock').textContent()), { timeout: 30_000 }).toBe(tutorial.depot.stockL);
    expect(tab.errors).toEqual([]);
  });
});
