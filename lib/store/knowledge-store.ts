import { create } from 'zustand';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import { addPack } from '../knowledge/add-pack';
import { PackError } from '../knowledge/pack-error';
import { parsePackFile } from '../knowledge/parse-pack-file';
import type { KnowledgeEntry, KnowledgePack } from '../knowledge/schema';

export type ImportResult = { ok: true; pack: KnowledgePack } | { ok: false; message: string };

export interface KnowledgeState {
  /** Packs the user imported; the shipped packs are compiled in and never stored. */
  userPacks: KnowledgePack[];
  /** Parses a pack file and adds it; on any error the stored packs stay exactly as they were. */
  importPackFile: (fileName: string, text: string) => ImportResult;
  removePack: (packId: string) => void;
}

export const KNOWLEDGE_STORAGE_KEY = 'cuecard-knowledge';

export function createKnowledgeStore(storage: StateStorage) {
  return create<KnowledgeState>()(
    persist(
      (set, get) => ({
        userPacks: [],
        importPackFile(fileName, text) {
          let pack: KnowledgePack;
          try {
            pack = parsePackFile(fileName, text);
          } catch (error) {
            if (error instanceof PackError) return { ok: false, message: `${fileName}: ${error.message}` };
            throw error;
          }
          const userPacks = addPack(get().userPacks, pack);
          set({ userPacks });
          return { ok: true, pack: userPacks[userPacks.length - 1]! };
        },
        removePack(packId) {
          set({ userPacks: get().userPacks.filter((pack) => pack.id !== packId) });
        },
      }),
      {
        name: KNOWLEDGE_STORAGE_KEY,
        version: 1,
        storage: createJSONStorage(() => storage),
        partialize: ({ userPacks }) => ({ userPacks }),
      },
    ),
  );
}

export const selectUserPacks = (state: KnowledgeState) => state.userPacks;

/** Every entry the matcher should search: shipped packs first, then the user's. */
export function allEntries(shipped: readonly KnowledgePack[], user: readonly KnowledgePack[]): KnowledgeEntry[] {
  return [...shipped, ...user].flatMap((pack) => pack.entries);
}
