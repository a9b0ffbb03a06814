import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['bench/__tests__/*.test.ts', 'src-main/**/__tests__/*.test.ts', 'src-shared/**/__tests__/*.test.ts', 'src-renderer/**/__tests__/*.test.{ts,tsx}'],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
