import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { SHIPPED_PACKS } from '@/lib/knowledge/shipped-packs';
import { indexKnowledge } from '@/lib/match/knowledge-index';
import type { SentenceEncoder } from '@/lib/match/sentence-encoder';
import { indexedDbEntryVectorCache } from '@/lib/semantic/entry-vector-cache';
import { packsToEmbed, semanticKnowledge } from '@/lib/semantic/semantic-knowledge';

/** Counts the texts it embeds; can be told to fail. */
function countingEncoder() {
  const state = { texts: 0, fail: false };
  const encoder: SentenceEncoder = {
    id: 'counting@q8',
    dim: 3,
    async embed(texts) {
      if (state.fail) throw new Error('offscreen document closed');
      state.texts += texts.length;
      return texts.map((text) => {
        const vector = Float32Array.of(text.length % 7, (text.length % 5) + 1, 1);
        const norm = Math.hypot(...vector);
        return vector.map((value) => value / norm);
      });
    },
  };
  return { encoder, state };
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('semantic knowledge', () => {
  const learned = { [SHIPPED_PACKS[0]!.entries[0]!.id]: ['a phrasing the user taught by picking a chip'] };
  const knowledge = indexKnowledge(SHIPPED_PACKS, { userPacks: [], disabledPackIds: [], learnedPhrasings: learned });

  it('embeds each active pack with the phrasings the matcher reads, learned ones included', () => {
    const packs = packsToEmbed(knowledge);
    expect(packs.map((pack) => pack.id)).toEqual(knowledge.packs.map((pack) => pack.id));
    expect(packs.flatMap((pack) => pack.entries)).toEqual(knowledge.entries);
    expect(packs[0]!.entries[0]!.phrasings).toContain('a phrasing the user taught by picking a chip');
  });

  it('builds once per version of the knowledge, from the cache at the next session, and retries a failed build', async () => {
    const { encoder, state } = countingEncoder();
    state.fail = true;
    const semantic = semanticKnowledge(encoder, indexedDbEntryVectorCache())(knowledge);
    await expect(semantic.index()).rejects.toThrow('offscreen document closed');
    state.fail = false;
    const [first, again] = await Promise.all([semantic.index(), semantic.index()]);
    expect(first).toBe(again);
    expect(first.entries).toHaveLength(knowledge.entries.length);
    const embedded = state.texts;
    expect(embedded).toBe(knowledge.entries.reduce((sum, entry) => sum + 1 + entry.phrasings.length, 0));

    // A new background (the service worker restarted): the vectors come from IndexedDB.
    const restarted = semanticKnowledge(encoder, indexedDbEntryVectorCache())(knowledge);
    expect((await restarted.index()).entries).toHaveLength(knowledge.entries.length);
    expect(state.texts).toBe(embedded);
    expect(await restarted.embed('one line')).toHaveLength(3);
  });
});
