import { browser } from 'wxt/browser';
import { SHIPPED_PACKS } from '@/lib/knowledge/shipped-packs';
import { chromeStorageAdapter } from '@/lib/platform/chrome-storage-adapter';
import { createKnowledgeStore, KNOWLEDGE_STORAGE_KEY } from '@/lib/store/knowledge-store';
import { createSettingsStore, SETTINGS_STORAGE_KEY } from '@/lib/store/settings-store';

export const useSettingsStore = createSettingsStore(chromeStorageAdapter);
export const useKnowledgeStore = createKnowledgeStore(chromeStorageAdapter);
export { SHIPPED_PACKS };

// Another open panel changed a store: read it again so both show the same thing.
browser.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local') return;
  if (SETTINGS_STORAGE_KEY in changes) void useSettingsStore.persist.rehydrate();
  if (KNOWLEDGE_STORAGE_KEY in changes) void useKnowledgeStore.persist.rehydrate();
});
