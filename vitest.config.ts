import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // test/fault/ is the fault suite: its own run (vitest.fault.config.ts, npm run test:fault).
    exclude: ['test/e2e/**', 'test/fault/**', 'node_modules/**'],
    globalSetup: ['test/global-setup.ts'],
    // Generous: the suite shares a 2-core machine with other work; a timeout here is a stall, not a
    // measurement (speed is measured in bench/, never asserted in tests).
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
