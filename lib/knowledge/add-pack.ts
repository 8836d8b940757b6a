import type { KnowledgePack } from './schema';

/**
 * Adds an imported pack without touching the ones already stored: a pack whose id
 * is taken gets a numbered id ("my-pack-2") instead of replacing the other.
 */
export function addPack(packs: readonly KnowledgePack[], pack: KnowledgePack): KnowledgePack[] {
  const taken = new Set(packs.map((existing) => existing.id));
  let id = pack.id;
  for (let n = 2; taken.has(id); n++) id = `${pack.id}-${n}`;
  return [...packs, id === pack.id ? pack : { ...pack, id }];
}
