/**
 * Offline classrooms and failing storage, in the built game:
 * - the site installs as an app, and after one visit it starts and plays with the network cut;
 * - the single-file build (`npm run build:offline`) runs from disk, with no server;
 * - a full or missing storage never stops a game, and the player is told.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOffline } from '../../scripts/build-offline';
import { openPage, type WatchedPage } from '../../src/cli/web/browser';
import { mapDrawn, playing, siteUrl, sharedBrowser } from './site';

const baseUrl = siteUrl();
const browser = sharedBrowser();

const ready = (page: Page) => page.waitForFunction(() => window.__lifeline?.ready === true, undefined, { timeout: 30_000 });
/** From the menu: the tutorial, Start. */
async function startTutorial(page: Page): Promise<void> {
  await page.locator('#new-game input[name="level"][value="tutorial"]').check();
  await page.locator('#menu-start').click();
  await playing(page);
}

async function mapIsDrawn(tab: WatchedPage, name: string): Promise<void> {
  await mapDrawn(browser(), tab.page, name);
}

describe('the installable site', () => {
  it('has a web manifest with a name, a theme colour and icons that load', async () => {
    const html = await (await fetch(baseUrl)).text();
    const href = /<link rel="manifest" href="([^"]+)"/.exec(html)?.[1];
    expect(href, 'index.html links its manifest').toBeDefined();
    const manifestUrl = new URL(href!, baseUrl);
    const manifest = (await (await fetch(manifestUrl)).json()) as { name: string; short_name: string; theme_color: string; start_url: string; display: string; icons: { src: string; sizes: string; type: string; purpose: string }[] };
    expect(manifest.name).toBe('Lifeline: Bamako');
    expect(manifest.short_name.length).toBeLessThanOrEqual(12);
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
    expect(manifest.display).toBe('standalone');
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
    for (const icon of manifest.icons) {
      const response = await fetch(new URL(icon.src, manifestUrl));
      expect(response.status, icon.src).toBe(200);
      const bytes = Buffer.from(await response.arrayBuffer());
      if (icon.type === 'image/png') {
        // PNG signature, then the IHDR width and height.
        expect(bytes.subarray(1, 4).toString('ascii'), icon.src).toBe('PNG');
        expect(`${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`, icon.src).toBe(icon.sizes);
      } else expect(bytes.toString('utf8'), icon.src).toContain('<svg');
    }
  });

  it('is installable: Chromium finds no installability error', async () => {
    const tab = await openPage(browser());
    try {
      await tab.page.goto(baseUrl);
      await ready(tab.page);
      await tab.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      const cdp = await tab.context.newCDPSession(tab.page);
      const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
      expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('after one visit, starts the tutorial and draws the map with the network cut', async () => {
    const tab = await openPage(browser());
    try {
      const { page, context } = tab;
      await page.goto(baseUrl);
      await ready(page);
      // The service worker activates once everything is precached, and then controls the page.
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });

      await context.setOffline(true);
      await page.reload();
      await ready(page);
      expect(await page.locator('#new-game input[name="level"]').count(), 'the level list came from the cache').toBeGreaterThanOrEqual(2);
      // A share link opens offline too (the cached page, whatever its query).
      await page.goto(`${baseUrl}?level=tutorial&seed=3&difficulty=easy`);
      await playing(page);
      await mapIsDrawn(tab, 'offline-share-link');
      await page.goto(baseUrl);
      await ready(page);
      await startTutorial(page);
      await mapIsDrawn(tab, 'offline-tutorial');
      // Time runs: the game plays, not only shows.
      const hash = await page.evaluate(() => window.__lifeline?.hash());
      await page.getByRole('button', { name: /Next morning/ }).click();
      await expect.poll(() => page.evaluate(() => window.__lifeline?.hash())).not.toBe(hash);
      expect(tab.errors).toEqual([]);
      // And the network was really cut: a file the service worker does not hold cannot be fetched.
      expect(await page.evaluate(() => fetch('./not-cached.json').then(() => 'fetched', () => 'failed'))).toBe('failed');
    } finally {
      await tab.close();
    }
  });
});

describe('the single-file offline build', () => {
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lifeline-offline-'));
    file = await buildOffline(dir);
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is one HTML file with a content security policy that allows only its own scripts', () => {
    const html = readFileSync(file, 'utf8');
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(policy).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(policy).not.toContain('unsafe-inline\'; script');
    expect(policy).not.toMatch(/script-src[^;]*unsafe/);
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+rel="stylesheet"/);
  });

  it('opens from file://, starts the tutorial and draws the map, with sound, fetching nothing', async () => {
    const tab = await openPage(browser());
    try {
      const { page } = tab;
      const violations: string[] = [];
      await page.exposeFunction('__cspViolation', (text: string) => violations.push(text));
      await page.addInitScript(`document.addEventListener('securitypolicyviolation', (e) => window.__cspViolation(e.violatedDirective + ' ' + e.blockedURI))`);
      await page.goto(pathToFileURL(file).href);
      await ready(page);
      expect(await page.locator('#new-game input[name="level"]').count()).toBeGreaterThanOrEqual(2);
      // Sound on (the first gesture): Howler loads the embedded sounds.
      await page.getByRole('checkbox', { name: 'Sound' }).check();
      // (A function, not a string: the page's policy forbids evaluating strings.)
      await page.waitForFunction(
        () => {
          const howler = (window as unknown as { Howler?: { _howls: { state(): string }[] } }).Howler;
          return !!howler && howler._howls.length >= 6 && howler._howls.every((sound) => sound.state() === 'loaded');
        },
        undefined,
        { timeout: 15_000 },
      );
      await startTutorial(page);
      await mapIsDrawn(tab, 'single-file-tutorial');
      // Country borders come from the embedded map data: the map has the sea and neighbours.
      const hash = await page.evaluate(() => window.__lifeline?.hash());
      await page.getByRole('button', { name: /Next morning/ }).click();
      await expect.poll(() => page.evaluate(() => window.__lifeline?.hash())).not.toBe(hash);
      expect(tab.requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
      expect(violations).toEqual([]);
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });
});

describe('storage that fails', () => {
  it('a full storage: the game goes on, the player is told, and Continue still works in this visit', async () => {
    const tab = await openPage(browser());
    try {
      const { page } = tab;
      // Every IndexedDB write fails as on a full disk.
      await page.addInitScript(`IDBObjectStore.prototype.put = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };`);
      await page.goto(baseUrl);
      await ready(page);
      await startTutorial(page);
      const notice = page.locator('#notice');
      await expect.poll(() => notice.textContent(), { timeout: 10_000 }).toContain('storage is full');
      expect(await notice.getAttribute('role')).toBe('alert');
      const start = await page.evaluate(() => window.__lifeline?.hash());
      await page.getByRole('button', { name: /Next morning/ }).click();
      await expect.poll(() => page.evaluate(() => window.__lifeline?.hash())).not.toBe(start);
      const hash = await page.evaluate(() => window.__lifeline?.hash());
      await page.getByRole('button', { name: 'Menu', exact: true }).click();
      await page.waitForFunction(() => document.body.dataset.screen === 'menu');
      await page.getByRole('button', { name: 'Continue' }).click();
      await playing(page);
      expect(await page.evaluate(() => window.__lifeline?.hash())).toBe(hash);
      await notice.getByRole('button', { name: 'Close' }).click();
      expect(await notice.count()).toBe(0);
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('no IndexedDB at all: the menu says so, and a game still starts', async () => {
    const tab = await openPage(browser());
    try {
      const { page } = tab;
      await page.addInitScript(`Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });`);
      await page.goto(baseUrl);
      await ready(page);
      await expect.poll(() => page.locator('#menu-message').textContent()).toContain('cannot store saved games');
      await startTutorial(page);
      expect(tab.errors).toEqual([]);
    } finally {
      await tab.close();
    }
  });
});
