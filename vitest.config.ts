import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    // Guards against a hang, not measures of speed: the machine is shared, and a test that
    // starts a platform may wait its turn for the CPU for a minute or more under load.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
