import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { knowledgePacksPlugin } from './scripts/knowledge-packs-plugin';

export default defineConfig({
  plugins: [WxtVitest(), knowledgePacksPlugin()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
  },
});
