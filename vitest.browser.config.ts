import { defineConfig } from 'vitest/config';

/**
 * Browser tests of the portal (`npm run test:browser`): a real server serving web/dist, driven by
 * Debian's Chromium through playwright-core. Kept apart so `npm test` stays fast; one file at a
 * time because each starts a browser and the machine has two cores.
 */
export default defineConfig({
  test: {
    include: ['web/e2e/**/*.e2e.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
