import shippedPacks from 'virtual:cuecard-knowledge';
import type { KnowledgePack } from './schema';

/** The packs compiled from knowledge/ at build time (see scripts/knowledge-packs-plugin.ts). */
export const SHIPPED_PACKS: readonly KnowledgePack[] = shippedPacks;
