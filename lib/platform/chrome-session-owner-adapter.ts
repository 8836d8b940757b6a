import { browser } from 'wxt/browser';
import { SHIPPED_PACKS } from '../knowledge/shipped-packs';
import { knowledgeIndexCache } from '../match/knowledge-index';
import type { RuntimeMessage } from '../messaging/runtime-messages';
import { openSessionDb, recordCard } from '../session/session-db';
import type { OwnerState, SessionOwnerPlatform } from '../session/session-owner';
import { createKnowledgeStore, KNOWLEDGE_STORAGE_KEY } from '../store/knowledge-store';
import { createSettingsStore, SETTINGS_STORAGE_KEY } from '../store/settings-store';
import { indexedDbEntryVectorCache } from '../semantic/entry-vector-cache';
import { semanticKnowledge } from '../semantic/semantic-knowledge';
import { chromeStorageAdapter, followStorageChanges } from './chrome-storage-adapter';
import { offscreenSentenceEncoder } from './chrome-sentence-encoder';

const OWNER_STATE_KEY = 'cuecard-session-owner';

/** Resolves once a persisted store has read chrome.storage. */
function hydrated(store: {
  persist: { hasHydrated(): boolean; onFinishHydration(listener: () => void): () => void };
}): Promise<void> {
  return store.persist.hasHydrated()
    ? Promise.resolve()
    : new Promise((resolve) => store.persist.onFinishHydration(() => resolve()));
}

/**
 * The session owner's Chrome side, in the background service worker: the knowledge
 * base and the match sensitivity read from chrome.storage (and read again when a panel
 * changes them), cards recorded in IndexedDB, events sent to open panels, and the
 * owner's small state kept in storage.session for a restarted worker.
 */
export function chromeSessionOwnerPlatform(): SessionOwnerPlatform {
  const knowledge = createKnowledgeStore(chromeStorageAdapter);
  const settings = createSettingsStore(chromeStorageAdapter);
  followStorageChanges({ [SETTINGS_STORAGE_KEY]: settings, [KNOWLEDGE_STORAGE_KEY]: knowledge });
  // Built again only when the knowledge changed: a pack switched, an entry saved, a phrasing learned.
  const indexFor = knowledgeIndexCache(SHIPPED_PACKS);
  const db = openSessionDb();
  const semanticFor = semanticKnowledge(offscreenSentenceEncoder(), indexedDbEntryVectorCache());
  return {
    async index() {
      await hydrated(knowledge);
      return indexFor(knowledge.getState()).index;
    },
    async threshold() {
      await hydrated(settings);
      return settings.getState().matchThreshold;
    },
    recordCard: async (hint, replaces) => recordCard(await db, hint, replaces),
    publish(event) {
      const message: RuntimeMessage = { type: 'session/event', event };
      // No panel open is fine: the cards are in IndexedDB for the next one.
      browser.runtime.sendMessage(message).catch(() => undefined);
    },
    async loadState() {
      return (await browser.storage.session.get(OWNER_STATE_KEY))[OWNER_STATE_KEY] as OwnerState | undefined;
    },
    async saveState(state) {
      await browser.storage.session.set({ [OWNER_STATE_KEY]: state });
    },
    async semantic() {
      await Promise.all([hydrated(settings), hydrated(knowledge)]);
      return settings.getState().understandParaphrases ? semanticFor(indexFor(knowledge.getState())) : undefined;
    },
  };
}
