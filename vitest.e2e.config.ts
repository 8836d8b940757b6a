import { defineConfig } from 'vitest/config';

// Real-browser tests: they load the built extension (.output/chrome-mv3) into Debian's Chromium.
// With CUECARD_BENCH set, the browser benchmarks run instead (npm run bench:live, bench:asr:browser).
export default defineConfig({
  test: {
    include: process.env.CUECARD_BENCH ? ['tests/e2e/**/*.bench-e2e.ts'] : ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
