import { defineConfig } from 'vitest/config';

/** The reliability suite breaks things on purpose (kill -9, lost Redis, a store outage, fuzz); slower than unit tests. */
export default defineConfig({
  test: {
    include: ['tests/reliability/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two cores: the kill -9 and load tests measure nothing if they fight each other for the CPU.
    fileParallelism: false,
  },
});
