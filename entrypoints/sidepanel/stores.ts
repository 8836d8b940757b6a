import { chooseDevice, type GpuLike } from '@/lib/asr/choose-device';
import { browserDownloadStore } from '@/lib/asr/model-store';
import { SHIPPED_PACKS } from '@/lib/knowledge/shipped-packs';
import { chromeStorageAdapter, followStorageChanges } from '@/lib/platform/chrome-storage-adapter';
import { createImportReviewStore } from '@/lib/import/import-review-store';
import { createKnowledgeStore, KNOWLEDGE_STORAGE_KEY } from '@/lib/store/knowledge-store';
import { sentenceModelLocation } from '@/lib/semantic/sentence-model';
import { createModelReadinessStore } from '@/lib/store/model-readiness-store';
import { createPracticeStore, PRACTICE_STORAGE_KEY } from '@/lib/drill/practice-store';
import { createSettingsStore, SETTINGS_STORAGE_KEY } from '@/lib/store/settings-store';

export const useSettingsStore = createSettingsStore(chromeStorageAdapter);
export const useKnowledgeStore = createKnowledgeStore(chromeStorageAdapter);
export const usePracticeStore = createPracticeStore(chromeStorageAdapter);
export const useImportReviewStore = createImportReviewStore();
export const useModelReadinessStore = createModelReadinessStore({
  store: browserDownloadStore(),
  fetch: (input, init) => fetch(input, init),
  resolveDevice: (preference) => chooseDevice(preference, (navigator as Navigator & { gpu?: GpuLike }).gpu),
});
/** The optional sentence model's download, kept beside the speech model's in the same browser cache. */
export const useSentenceReadinessStore = createModelReadinessStore({
  store: browserDownloadStore(),
  fetch: (input, init) => fetch(input, init),
  resolveDevice: () => Promise.resolve('wasm' as const),
  locate: sentenceModelLocation,
});
export { SHIPPED_PACKS };

// Another open panel changed a store: read it again so both show the same thing.
followStorageChanges({
  [SETTINGS_STORAGE_KEY]: useSettingsStore,
  [KNOWLEDGE_STORAGE_KEY]: useKnowledgeStore,
  [PRACTICE_STORAGE_KEY]: usePracticeStore,
});
