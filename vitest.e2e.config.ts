import { defineConfig } from 'vitest/config';

// End-to-end: the built renderer served by a real `vigil serve`, driven in Debian's Chromium through
// playwright-core (no test runner or browser download). Run with `npm run test:e2e`, which builds first.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One server and one browser per file; files run one after another so they do not compete for CPU.
    fileParallelism: false,
  },
});
