import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { KnowledgeEntry } from '@/lib/knowledge/schema';
import { indexKnowledge, type KnowledgeIndex } from '@/lib/match/knowledge-index';
import { SHIPPED_PACKS, useKnowledgeStore } from './stores';

let built: { from: readonly unknown[]; value: KnowledgeIndex & { entriesById: Map<string, KnowledgeEntry> } } | undefined;

/**
 * The knowledge base as the matcher and the views read it: active packs, entries with
 * learned phrasings, the index. Built once per knowledge change and shared by every view
 * that asks (each calling useMemo would build its own).
 */
export function useQuestionIndex(): KnowledgeIndex & { entriesById: Map<string, KnowledgeEntry> } {
  const state = useKnowledgeStore(useShallow(({ userPacks, disabledPackIds, learnedPhrasings }) => ({ userPacks, disabledPackIds, learnedPhrasings })));
  return useMemo(() => {
    const from = [state.userPacks, state.disabledPackIds, state.learnedPhrasings];
    if (!built || built.from.some((part, i) => part !== from[i])) {
      const value = indexKnowledge(SHIPPED_PACKS, state);
      built = { from, value: { ...value, entriesById: new Map(value.entries.map((entry) => [entry.id, entry])) } };
    }
    return built.value;
  }, [state]);
}
