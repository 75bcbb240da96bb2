/** The address of the built site under test, provided by `global-setup.ts`, and what every e2e file waits for. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchBrowser } from '../../src/cli/web/browser';

export function siteUrl(): string {
  const url = inject('baseUrl');
  if (!url) {
    throw new Error(
      'No site to test: the e2e tests run with `npx vitest run -c vitest.e2e.config.ts`, whose global setup builds and serves dist/ ' +
        '(the unit-test config should exclude test/e2e/**).',
    );
  }
  return url;
}

/** Until a game is on screen: the playing screen, a session with a state hash, and the map's canvas. */
export function playing(page: Page, timeout = 60_000): Promise<unknown> {
  return page.waitForFunction(() => document.body.dataset.screen === 'playing' && typeof window.__lifeline?.hash() === 'string' && !!document.querySelector('#map canvas'), undefined, {
    timeout,
  });
}

/** One headless Chromium for a test file: launched before its tests, closed after them. */
export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser starts in beforeAll: use it inside a test or a hook');
    return browser;
  };
}
