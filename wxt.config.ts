import { defineConfig } from 'wxt';
import { knowledgePacksPlugin } from './scripts/knowledge-packs-plugin';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: {
    name: 'Cuecard',
    description: 'Local-first mock-interview copilot: hints for the question you were just asked.',
    // Least privilege: the side panel and settings are all this build needs.
    permissions: ['sidePanel', 'storage'],
    action: { default_title: 'Open Cuecard' },
  },
  vite: () => ({
    plugins: [knowledgePacksPlugin()],
  }),
});
