import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { KnowledgeEntry } from '@/lib/knowledge/schema';
import type { SentenceEncoder } from '@/lib/match/sentence-encoder';
import { buildSemanticIndex, packVersion, type PackToEmbed } from '@/lib/semantic/build-semantic-index';
import { indexedDbEntryVectorCache } from '@/lib/semantic/entry-vector-cache';

/** Embeds each text as a deterministic unit vector and counts what it was asked to embed. */
function countingEncoder(id = 'fake-model@q8'): SentenceEncoder & { embedded: string[] } {
  const embedded: string[] = [];
  return {
    id,
    dim: 4,
    embedded,
    async embed(texts) {
      embedded.push(...texts);
      return texts.map((text) => {
        const v = Float32Array.from([text.length, text.charCodeAt(0), text.charCodeAt(1) || 1, 1]);
        const norm = Math.hypot(...v);
        return v.map((x) => x / norm);
      });
    },
  };
}

const entry = (id: string, question: string, phrasings: string[] = []) =>
  ({ id, question, phrasings, answer: 'An answer.' }) as unknown as KnowledgeEntry;
const pack: PackToEmbed = {
  id: 'ml',
  entries: [
    entry('dropout', 'How does dropout work?', ['what is dropout for']),
    entry('kmeans', 'How do you choose k in k-means?'),
  ],
};

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory(); // a fresh database per test
});

describe('entry vectors cached in IndexedDB by model, pack and pack version', () => {
  it('embeds once, then reads the same vectors back from the cache', async () => {
    const encoder = countingEncoder();
    const first = await buildSemanticIndex([pack], encoder, indexedDbEntryVectorCache());
    expect(first.cached).toBe(0);
    expect(encoder.embedded).toHaveLength(3);

    const second = await buildSemanticIndex([pack], encoder, indexedDbEntryVectorCache());
    expect(second.cached).toBe(1);
    expect(encoder.embedded).toHaveLength(3);
    const vectors = (built: typeof first) => built.index.entries.map((item) => item.vectors.map((v) => Array.from(v)));
    expect(vectors(second)).toEqual(vectors(first));
    expect(second.index.entries.map((item) => item.entry.id)).toEqual(['dropout', 'kmeans']);
  });

  it('misses after the pack is edited, and after a change of model', async () => {
    const encoder = countingEncoder();
    await buildSemanticIndex([pack], encoder, indexedDbEntryVectorCache());
    const edited = { ...pack, entries: [pack.entries[0]!, entry('kmeans', 'How do you pick the number of clusters?')] };
    expect(await packVersion(edited)).not.toBe(await packVersion(pack));

    const afterEdit = await buildSemanticIndex([edited], encoder, indexedDbEntryVectorCache());
    expect(afterEdit.cached).toBe(0);
    expect(encoder.embedded.slice(3)).toEqual([
      'How does dropout work?',
      'what is dropout for',
      'How do you pick the number of clusters?',
    ]);

    const otherModel = countingEncoder('other-model@q8');
    expect((await buildSemanticIndex([edited], otherModel, indexedDbEntryVectorCache())).cached).toBe(0);
    expect((await buildSemanticIndex([edited], encoder, indexedDbEntryVectorCache())).cached).toBe(1);
  });

  it('keeps the vectors when only an answer changes (only what is embedded versions the pack)', async () => {
    const reworded = {
      ...pack,
      entries: pack.entries.map((item) => ({ ...item, answer: 'Another answer.' }) as KnowledgeEntry),
    };
    expect(await packVersion(reworded)).toBe(await packVersion(pack));
  });
});
