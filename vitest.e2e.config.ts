import { defineConfig } from 'vitest/config';

// Browser journeys (test/e2e): the real server on a random port, Debian's Chromium through
// playwright-core. One file at a time: a browser per file is enough load for a 2-core machine.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
