import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Browser tests run against the built game, one at a time: `npm run test:e2e`.
    exclude: [...configDefaults.exclude, 'test/e2e/**', 'test/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
