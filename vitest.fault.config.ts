import { defineConfig } from 'vitest/config';

// The fault suite (test/fault/): real processes killed, cut off, stalled and signalled; it prints
// its counts (test/fault/report.ts). Run once per CI run, with TEST_DATABASE_URL so the PostgreSQL
// parts run too: `npm run test:fault`. One file at a time: the files measure processes under load.
export default defineConfig({
  test: {
    include: ['test/fault/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 300_000,
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
