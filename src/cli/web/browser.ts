/**
 * Real Chromium for the e2e tests and the web benchmark. `@sparticuz/chromium` (a
 * devDependency) unpacks a headless Chromium with SwiftShader WebGL, so `npm ci && npm test`
 * needs nothing from the system; `CHROMIUM_PATH` points at another build instead (e.g.
 * Debian's /usr/bin/chromium). A missing browser is an error with a clear message, never a
 * silent skip.
 *
 * Functions handed to `page.evaluate`/`waitForFunction` must not define named inner
 * functions: tsx (used by `npm run bench`) wraps them in a `__name` helper that the page
 * does not have. Pass page code as a string where it needs inner functions.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium as playwright, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** `extraArgs`: more Chromium switches, e.g. `--remote-debugging-port=…` for Lighthouse. */
export async function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  const custom = process.env.CHROMIUM_PATH;
  if (custom) {
    if (!existsSync(custom)) throw new Error(`CHROMIUM_PATH is set to ${custom}, but there is no file there.`);
    return playwright.launch({
      executablePath: custom,
      headless: true,
      args: ['--no-sandbox', '--ignore-gpu-blocklist', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', ...extraArgs],
    });
  }
  let executablePath: string;
  let args: string[];
  try {
    const { default: chromium } = await import('@sparticuz/chromium');
    executablePath = await chromium.executablePath();
    // `--single-process` (meant for AWS Lambda) kills the browser when a second context opens after the first closed.
    args = [...chromium.args.filter((arg) => arg !== '--single-process'), '--enable-unsafe-swiftshader'];
  } catch (error) {
    throw new Error(
      `Could not unpack the headless Chromium from @sparticuz/chromium (${String(error)}). ` +
        'Run `npm ci`, or set CHROMIUM_PATH to a Chromium executable (e.g. CHROMIUM_PATH=/usr/bin/chromium).',
    );
  }
  return playwright.launch({ executablePath, headless: true, args: [...args, ...extraArgs] });
}

/** A page whose problems are written down: console errors, uncaught exceptions, failed requests. */
export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Everything that went wrong on the page, in order, as readable lines. */
  errors: string[];
  /** Every URL the page requested, in order. */
  requests: string[];
  close(): Promise<void>;
}

export interface PageOptions {
  viewport?: { width: number; height: number };
  /** Extra browser context options, e.g. `reducedMotion`. */
  reducedMotion?: 'reduce' | 'no-preference';
  locale?: string;
}

/** A fresh context (no storage shared with other tests) and a watched page in it. */
export async function openPage(browser: Browser, options: PageOptions = {}): Promise<WatchedPage> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    reducedMotion: options.reducedMotion ?? 'no-preference',
    locale: options.locale ?? 'en-GB',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.stack ?? error.message}`));
  page.on('request', (request) => requests.push(request.url()));
  page.on('requestfailed', (request) => {
    // A navigation or reload cancels requests still in flight; that is not a fault of the page.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
    errors.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? '?'})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return { page, context, errors, requests, close: () => context.close() };
}

/**
 * Where screenshots go: `SCREENSHOTS_DIR` if set (e.g. `docs/screenshots` to refresh the
 * README's pictures), else a folder in the system's temp directory.
 */
export function screenshotsDir(): string {
  const dir = process.env.SCREENSHOTS_DIR ? resolve(process.env.SCREENSHOTS_DIR) : join(tmpdir(), 'lifeline-e2e-screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Saves a PNG of the page (or of one element) and returns the image bytes and where they went. */
export async function screenshot(page: Page, name: string, selector?: string): Promise<{ path: string; png: Buffer }> {
  const path = join(screenshotsDir(), `${name}.png`);
  const png = selector ? await page.locator(selector).screenshot({ path }) : await page.screenshot({ path });
  return { path, png };
}

export interface ImageStats {
  width: number;
  height: number;
  /** Distinct colours, each channel rounded to 16 levels (antialiasing noise does not count). */
  colours: number;
  /** Share (0–1) of pixels that differ from the most common colour, i.e. are not background. */
  drawn: number;
}

/**
 * Colour statistics of a PNG, decoded by the browser itself (a blank page in the same
 * browser draws it into a 2D canvas), so no image library is needed.
 */
export async function imageStats(browser: Browser, png: Buffer): Promise<ImageStats> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    return await page.evaluate<ImageStats>(
      `(async (src) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.naturalWidth;
        canvas.height = img.naturalHeight;
        const g = canvas.getContext('2d');
        g.drawImage(img, 0, 0);
        const data = g.getImageData(0, 0, canvas.width, canvas.height).data;
        const counts = new Map();
        for (let i = 0; i < data.length; i += 4) {
          const key = ((data[i] >> 4) << 8) | ((data[i + 1] >> 4) << 4) | (data[i + 2] >> 4);
          counts.set(key, (counts.get(key) || 0) + 1);
        }
        const pixels = data.length / 4;
        const top = Math.max(...counts.values());
        return { width: canvas.width, height: canvas.height, colours: counts.size, drawn: pixels === 0 ? 0 : 1 - top / pixels };
      })`.trim() + `(${JSON.stringify(`data:image/png;base64,${png.toString('base64')}`)})`,
    );
  } finally {
    await context.close();
  }
}
