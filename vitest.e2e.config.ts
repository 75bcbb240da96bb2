/**
 * End-to-end tests: the built game in real headless Chromium. Run with
 * `npx vitest run -c vitest.e2e.config.ts`. One file at a time in one fork: each file
 * starts its own browser, and parallel WebGL in software rendering would make timings and
 * frame-based waits flaky.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts', 'test/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    // A browser test that fails once is reported, not retried into a pass.
    retry: 0,
  },
});
