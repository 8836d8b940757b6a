import { useMemo } from 'react';
import type { KnowledgeEntry } from '@/lib/knowledge/schema';
import { knowledgeIndexCache, type KnowledgeIndex } from '@/lib/match/knowledge-index';
import { selectDisabledPackIds, selectLearnedPhrasings, selectUserPacks } from '@/lib/store/knowledge-store';
import { SHIPPED_PACKS, useKnowledgeStore } from './stores';

// One cache for the panel: every view that asks shares one index (each useMemo would build its own).
const indexFor = knowledgeIndexCache(SHIPPED_PACKS);
const byId = new WeakMap<KnowledgeIndex, Map<string, KnowledgeEntry>>();

/** The knowledge base as the matcher and the views read it: active packs, entries with learned phrasings, the index. */
export function useQuestionIndex(): KnowledgeIndex & { entriesById: Map<string, KnowledgeEntry> } {
  const userPacks = useKnowledgeStore(selectUserPacks);
  const disabledPackIds = useKnowledgeStore(selectDisabledPackIds);
  const learnedPhrasings = useKnowledgeStore(selectLearnedPhrasings);
  return useMemo(() => {
    const value = indexFor({ userPacks, disabledPackIds, learnedPhrasings });
    let entriesById = byId.get(value);
    if (!entriesById) byId.set(value, (entriesById = new Map(value.entries.map((entry) => [entry.id, entry]))));
    return { ...value, entriesById };
  }, [userPacks, disabledPackIds, learnedPhrasings]);
}
