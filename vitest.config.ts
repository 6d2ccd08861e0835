import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // The machines are shared and noisy (2 cores): a test may take many times its quiet duration, so a
    // timeout only catches a hang. Speed is measured by the benchmark, never asserted here.
    testTimeout: 120_000,
  },
});
