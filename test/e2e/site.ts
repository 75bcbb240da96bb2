/** The address of the built site under test, provided by `global-setup.ts`. */
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
