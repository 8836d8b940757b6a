import { buildPack, type PackMeta } from './build-pack';
import type { KnowledgePack } from './schema';

/**
 * Joins packs written as several files into one, re-checking ids and questions
 * across the files. Throws PackError naming the file that repeats an entry.
 */
export function mergePacks(meta: PackMeta, parts: ReadonlyArray<{ name: string; pack: KnowledgePack }>): KnowledgePack {
  return buildPack(
    { ...meta, aliases: parts.flatMap(({ pack }) => pack.aliases ?? []) },
    parts.flatMap(({ name, pack }) =>
      pack.entries.map((entry) => ({ draft: entry, position: { fieldPrefix: `${name}: ${entry.id}` } })),
    ),
  );
}
