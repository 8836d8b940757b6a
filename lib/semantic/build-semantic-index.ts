import type { KnowledgeEntry } from '../knowledge/schema';
import { createSemanticIndex, type SemanticEntry, type SemanticIndex } from '../match/semantic-stage';
import type { SentenceEncoder } from '../match/sentence-encoder';
import type { EntryVectorCache } from './entry-vector-cache';

export interface PackToEmbed {
  id: string;
  entries: readonly KnowledgeEntry[];
}

/** The texts an entry is found by: its question, then its phrasings. */
function textsOf(entry: KnowledgeEntry): string[] {
  return [entry.question, ...entry.phrasings];
}

/**
 * A pack's version for the vector cache: a SHA-256 of exactly what is embedded (ids, questions,
 * phrasings), so editing an answer keeps the vectors and editing a question renews them.
 */
export async function packVersion(pack: PackToEmbed): Promise<string> {
  const text = JSON.stringify(pack.entries.map((entry) => [entry.id, ...textsOf(entry)]));
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

async function embedPack(pack: PackToEmbed, encoder: SentenceEncoder): Promise<Float32Array[][]> {
  const texts = pack.entries.map(textsOf);
  const flat = await encoder.embed(texts.flat());
  let offset = 0;
  return texts.map((list) => flat.slice(offset, (offset += list.length)));
}

export interface BuiltSemanticIndex {
  index: SemanticIndex;
  /** Packs whose vectors came from the cache. */
  cached: number;
}

/** Embeds every entry (or reads it from the cache, by model, pack and version) and calibrates. */
export async function buildSemanticIndex(
  packs: readonly PackToEmbed[],
  encoder: SentenceEncoder,
  cache?: EntryVectorCache,
): Promise<BuiltSemanticIndex> {
  const entries: SemanticEntry[] = [];
  let cached = 0;
  for (const pack of packs) {
    const version = await packVersion(pack);
    let vectors = await cache?.get(encoder.id, pack.id, version);
    if (vectors) cached++;
    else {
      vectors = await embedPack(pack, encoder);
      await cache?.put(encoder.id, pack.id, version, vectors);
    }
    pack.entries.forEach((entry, i) => entries.push({ entry, vectors: vectors[i]! }));
  }
  return { index: createSemanticIndex(encoder.id, entries), cached };
}
