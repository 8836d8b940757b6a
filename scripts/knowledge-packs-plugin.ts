import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { loadShippedPacks } from './load-pack-path';

const VIRTUAL_ID = 'virtual:cuecard-knowledge';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

/**
 * Compiles the Markdown/JSON packs in knowledge/ into one validated JSON module at
 * build time, so a broken pack fails the build instead of reaching a user.
 */
export function knowledgePacksPlugin(knowledgeDir = resolve('knowledge')): Plugin {
  return {
    name: 'cuecard-knowledge-packs',
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      this.addWatchFile(knowledgeDir);
      return `export default ${JSON.stringify(loadShippedPacks(knowledgeDir))};`;
    },
  };
}
