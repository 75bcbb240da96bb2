/**
 * The README's pictures: `npx tsx scripts/screenshots.ts` builds the game, plays a few
 * moments of it in headless Chromium, and writes PNGs to docs/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchBrowser, openPage } from '../src/cli/web/browser';
import { buildGame, REPO_ROOT } from '../src/cli/web/build';
import { serveStatic } from '../src/cli/web/server';

const out = resolve(REPO_ROOT, 'docs/screenshots');
mkdirSync(out, { recursive: true });
const dist = resolve(REPO_ROOT, 'dist');
await buildGame(dist);
const server = await serveStatic(dist);
const browser = await launchBrowser();
try {
  // A laptop's screen (1280 × 800), or a phone's (360 × 640).
  const shot = async (path: string, name: string, act?: (page: import('playwright-core').Page) => Promise<void>, viewport = { width: 1280, height: 800 }) => {
    const { page, close, errors } = await openPage(browser, { viewport });
    await page.goto(`${server.url}${path}`);
    await page.waitForFunction(() => window.__lifeline?.ready ?? true, null, { timeout: 30_000 });
    if (act) await act(page);
    await page.screenshot({ path: join(out, `${name}.png`) });
    if (errors.length > 0) process.stderr.write(`${name}: ${errors.join('\n')}\n`);
    await close();
  };
  await shot('index.html', 'menu');
  await shot('index.html?level=bamako-2025&seed=7&difficulty=normal', 'map', async (page) => {
    await page.waitForFunction(() => document.body.dataset.screen === 'playing', null, { timeout: 30_000 });
    // A few days in, with convoys on the road.
    for (let day = 0; day < 4; day++) {
      const convoys = page.getByRole('tab', { name: /Convoys/ });
      await convoys.click();
      const dispatch = page.getByRole('button', { name: 'Dispatch the convoy' });
      if (await dispatch.isEnabled()) await dispatch.click();
      await page.getByRole('button', { name: /Next morning/ }).click();
    }
    await page.getByRole('button', { name: /Play/ }).first().click();
    await page.waitForTimeout(2500);
  });
  await shot('index.html?level=tutorial&seed=2&difficulty=normal', 'debrief', async (page) => {
    await page.waitForFunction(() => document.body.dataset.screen === 'playing', null, { timeout: 30_000 });
    // Ten mornings end the tutorial; the last click may race the switch to the debrief.
    for (let i = 0; i < 12 && (await page.evaluate(() => document.body.dataset.screen)) === 'playing'; i++) {
      await page.getByRole('button', { name: /Next morning/ }).click({ timeout: 5000 }).catch(() => undefined);
    }
    await page.waitForFunction(() => document.body.dataset.screen === 'debrief', null, { timeout: 30_000 });
    await page.waitForTimeout(500);
  });
  await shot(
    'index.html?level=tutorial&seed=1&difficulty=normal',
    'phone',
    async (page) => {
      await page.waitForFunction(() => document.body.dataset.screen === 'playing', null, { timeout: 30_000 });
      // The first lesson and the first 2025 notice: the least room the map gets.
      await page.locator('.hud-toast').first().waitFor({ state: 'visible' });
      await page.waitForTimeout(1500);
    },
    { width: 360, height: 640 },
  );
  await shot('instructor.html', 'instructor');
  process.stdout.write(`screenshots written to ${out}\n`);
} finally {
  await browser.close();
  await server.close();
}
