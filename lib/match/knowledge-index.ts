import type { KnowledgeEntry, KnowledgePack } from '../knowledge/schema';
import { activePacks, withLearnedPhrasings } from '../store/knowledge-store';
import { createQuestionIndex, type QuestionIndex } from './question-index';

export interface KnowledgeChoice {
  userPacks: readonly KnowledgePack[];
  disabledPackIds: readonly string[];
  learnedPhrasings: Readonly<Record<string, string[]>>;
}

export interface KnowledgeIndex {
  packs: KnowledgePack[];
  entries: KnowledgeEntry[];
  index: QuestionIndex;
}

/**
 * The matcher's index for what the user has on: shipped and own packs not switched off,
 * with learned phrasings, the user's own entries winning near-ties and every active
 * pack's aliases. The panel and the session owner build it the same way.
 */
export function indexKnowledge(shipped: readonly KnowledgePack[], state: KnowledgeChoice): KnowledgeIndex {
  const packs = activePacks(shipped, state.userPacks, state.disabledPackIds);
  const entries = withLearnedPhrasings(
    packs.flatMap((pack) => pack.entries),
    state.learnedPhrasings,
  );
  const ownEntryIds = new Set(state.userPacks.flatMap((pack) => pack.entries.map((entry) => entry.id)));
  const aliases = packs.flatMap((pack) => pack.aliases ?? []);
  return { packs, entries, index: createQuestionIndex(entries, { ownEntryIds, aliases }) };
}

/**
 * indexKnowledge, built again only when the user's packs, switched-off packs or learned
 * phrasings are new objects (the stores replace them on every change, never mutate them).
 */
export function knowledgeIndexCache(shipped: readonly KnowledgePack[]): (state: KnowledgeChoice) => KnowledgeIndex {
  let built: { from: KnowledgeChoice; value: KnowledgeIndex } | undefined;
  return (state) => {
    const same =
      built &&
      built.from.userPacks === state.userPacks &&
      built.from.disabledPackIds === state.disabledPackIds &&
      built.from.learnedPhrasings === state.learnedPhrasings;
    if (!same)
      built = {
        from: {
          userPacks: state.userPacks,
          disabledPackIds: state.disabledPackIds,
          learnedPhrasings: state.learnedPhrasings,
        },
        value: indexKnowledge(shipped, state),
      };
    return built!.value;
  };
}
