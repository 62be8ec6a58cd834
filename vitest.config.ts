import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/support/system-tools.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
