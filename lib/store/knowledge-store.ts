import { create, type StateCreator } from 'zustand';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import type { KnowledgeEntry, KnowledgePack } from '../knowledge/schema';
import { createAnswersSlice, type AnswersSlice } from './knowledge/answers-slice';
import { createEntriesSlice, type EntriesSlice } from './knowledge/entries-slice';
import { createPacksSlice, type PacksSlice } from './knowledge/packs-slice';
import { createRemovalSlice, type RemovalSlice } from './knowledge/removal-slice';

export type { SaveAnswerResult } from './knowledge/answers-slice';
export type { SaveResult } from './knowledge/entries-slice';
export type { ImportResult } from './knowledge/packs-slice';
export type { Removal } from './knowledge/removal-slice';

/** The knowledge the user keeps on this device: their packs, their entries, their answers, and Undo. */
export type KnowledgeState = PacksSlice & EntriesSlice & AnswersSlice & RemovalSlice;

/** One slice of the knowledge store, written against the whole (under `persist`). */
export type KnowledgeSlice<Slice> = StateCreator<KnowledgeState, [['zustand/persist', unknown]], [], Slice>;

export const KNOWLEDGE_STORAGE_KEY = 'cuecard-knowledge';

export function createKnowledgeStore(storage: StateStorage) {
  return create<KnowledgeState>()(
    persist(
      (...slice) => ({
        ...createPacksSlice(...slice),
        ...createEntriesSlice(...slice),
        ...createAnswersSlice(...slice),
        ...createRemovalSlice(...slice),
      }),
      {
        name: KNOWLEDGE_STORAGE_KEY,
        version: 1,
        storage: createJSONStorage(() => storage),
        partialize: ({ userPacks, disabledPackIds, learnedPhrasings, myAnswers }) => ({
          userPacks,
          disabledPackIds,
          learnedPhrasings,
          myAnswers,
        }),
      },
    ),
  );
}

export const selectUserPacks = (state: KnowledgeState) => state.userPacks;

export const selectDisabledPackIds = (state: KnowledgeState) => state.disabledPackIds;
export const selectLearnedPhrasings = (state: KnowledgeState) => state.learnedPhrasings;
export const selectMyAnswers = (state: KnowledgeState) => state.myAnswers;

/** Entries with the phrasings the user taught them added, so the matcher finds them next time. */
export function withLearnedPhrasings(
  entries: readonly KnowledgeEntry[],
  learned: Readonly<Record<string, string[]>>,
): KnowledgeEntry[] {
  return entries.map((entry) => {
    const extra = learned[entry.id];
    return extra?.length ? { ...entry, phrasings: [...entry.phrasings, ...extra] } : entry;
  });
}

/** The packs in use: shipped first, then the user's, without the ones switched off. */
export function activePacks(
  shipped: readonly KnowledgePack[],
  user: readonly KnowledgePack[],
  disabled: readonly string[],
): KnowledgePack[] {
  return [...shipped, ...user].filter((pack) => !disabled.includes(pack.id));
}
