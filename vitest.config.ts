import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { knowledgePacksPlugin } from './scripts/knowledge-packs-plugin';

export default defineConfig({
  plugins: [WxtVitest(), knowledgePacksPlugin()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    // Speed is measured by the benchmarks; a test's time limit only catches a hang, and on a shared
    // 2-core machine real-model and page tests run several times slower than alone (5 s was hit at load 10–17).
    testTimeout: 20_000,
  },
});
