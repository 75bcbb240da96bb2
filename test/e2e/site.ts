/** The address of the built site under test, provided by `global-setup.ts`, and what every e2e file waits for. */
import type { Page } from 'playwright-core';
import { inject } from 'vitest';

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
