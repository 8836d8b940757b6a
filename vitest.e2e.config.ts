import { defineConfig } from 'vitest/config';

// Real-browser tests: they load the built extension (.output/chrome-mv3) into Debian's Chromium.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
