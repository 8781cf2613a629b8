import { defineConfig } from 'vitest/config';

// Fault drills: real processes killed with -9; run one file at a time so timings are honest.
export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 60_000,
  },
});
