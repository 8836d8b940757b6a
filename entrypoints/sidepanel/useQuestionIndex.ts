import { useMemo } from 'react';
import type { KnowledgeEntry } from '@/lib/knowledge/schema';
import { indexKnowledge, type KnowledgeIndex } from '@/lib/match/knowledge-index';
import { selectDisabledPackIds, selectLearnedPhrasings, selectUserPacks } from '@/lib/store/knowledge-store';
import { SHIPPED_PACKS, useKnowledgeStore } from './stores';

let built: { from: readonly unknown[]; value: KnowledgeIndex & { entriesById: Map<string, KnowledgeEntry> } } | undefined;

/**
 * The knowledge base as the matcher and the views read it: active packs, entries with
 * learned phrasings, the index. Built once per knowledge change and shared by every view
 * that asks (each calling useMemo would build its own).
 */
export function useQuestionIndex(): KnowledgeIndex & { entriesById: Map<string, KnowledgeEntry> } {
  const userPacks = useKnowledgeStore(selectUserPacks);
  const disabledPackIds = useKnowledgeStore(selectDisabledPackIds);
  const learnedPhrasings = useKnowledgeStore(selectLearnedPhrasings);
  return useMemo(() => {
    const from = [userPacks, disabledPackIds, learnedPhrasings];
    if (!built || built.from.some((part, i) => part !== from[i])) {
      const value = indexKnowledge(SHIPPED_PACKS, { userPacks, disabledPackIds, learnedPhrasings });
      built = { from, value: { ...value, entriesById: new Map(value.entries.map((entry) => [entry.id, entry])) } };
    }
    return built.value;
  }, [userPacks, disabledPackIds, learnedPhrasings]);
}
