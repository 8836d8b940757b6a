import { SHIPPED_PACKS } from '@/lib/knowledge/shipped-packs';
import { chromeStorageAdapter, followStorageChanges } from '@/lib/platform/chrome-storage-adapter';
import { createKnowledgeStore, KNOWLEDGE_STORAGE_KEY } from '@/lib/store/knowledge-store';
import { createSettingsStore, SETTINGS_STORAGE_KEY } from '@/lib/store/settings-store';

export const useSettingsStore = createSettingsStore(chromeStorageAdapter);
export const useKnowledgeStore = createKnowledgeStore(chromeStorageAdapter);
export { SHIPPED_PACKS };

// Another open panel changed a store: read it again so both show the same thing.
followStorageChanges({ [SETTINGS_STORAGE_KEY]: useSettingsStore, [KNOWLEDGE_STORAGE_KEY]: useKnowledgeStore });
