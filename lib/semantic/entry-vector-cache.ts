import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/**
 * Entry vectors, stored per model and pack, valid for one version of the pack's text: indexing
 * 10,000 entries takes minutes on a laptop's CPU, so a session start must not redo it.
 */
export interface EntryVectorCache {
  /** The vectors of each entry (question first, then phrasings), or undefined for a miss. */
  get(modelId: string, packId: string, version: string): Promise<Float32Array[][] | undefined>;
  put(modelId: string, packId: string, version: string, vectors: readonly (readonly Float32Array[])[]): Promise<void>;
}

interface StoredVectors {
  key: string;
  version: string;
  dim: number;
  /** How many vectors each entry has, in entry order. */
  counts: number[];
  /** Every vector, one after the other. */
  data: Float32Array;
}

interface SemanticDb extends DBSchema {
  'entry-vectors': { key: string; value: StoredVectors };
}

const SEMANTIC_DB = 'cuecard-semantic';

function openSemanticDb(): Promise<IDBPDatabase<SemanticDb>> {
  return openDB<SemanticDb>(SEMANTIC_DB, 1, {
    upgrade(db) {
      db.createObjectStore('entry-vectors', { keyPath: 'key' });
    },
  });
}

/** One record per model and pack: an edited pack replaces its old vectors instead of piling up. */
const recordKey = (modelId: string, packId: string) => `${modelId}\n${packId}`;

/** The cache in IndexedDB (the extension's pages and workers share it). */
export function indexedDbEntryVectorCache(): EntryVectorCache {
  return {
    async get(modelId, packId, version) {
      const db = await openSemanticDb();
      const stored = await db.get('entry-vectors', recordKey(modelId, packId));
      db.close();
      if (!stored || stored.version !== version) return undefined;
      let offset = 0;
      return stored.counts.map((count) =>
        Array.from({ length: count }, () => {
          const vector = stored.data.slice(offset, offset + stored.dim);
          offset += stored.dim;
          return vector;
        }),
      );
    },
    async put(modelId, packId, version, vectors) {
      const all = vectors.flat();
      const dim = all[0]?.length ?? 0;
      const data = new Float32Array(all.length * dim);
      all.forEach((vector, i) => data.set(vector, i * dim));
      const db = await openSemanticDb();
      await db.put('entry-vectors', {
        key: recordKey(modelId, packId),
        version,
        dim,
        counts: vectors.map((entry) => entry.length),
        data,
      });
      db.close();
    },
  };
}
