import type { StateStorage } from 'zustand/middleware';
import { browser } from 'wxt/browser';

/**
 * zustand's StateStorage over chrome.storage.local, so stores persist in the
 * extension's own storage and every open panel reads the same values.
 */
export const chromeStorageAdapter: StateStorage = {
  async getItem(name) {
    const stored = await browser.storage.local.get(name);
    const value = stored[name];
    return typeof value === 'string' ? value : null;
  },
  async setItem(name, value) {
    await browser.storage.local.set({ [name]: value });
  },
  async removeItem(name) {
    await browser.storage.local.remove(name);
  },
};

/**
 * Reads persisted stores again when another context (a second panel, the background)
 * changed them in chrome.storage.local, so every context shows and uses the same values.
 */
export function followStorageChanges(
  storesByKey: Readonly<Record<string, { persist: { rehydrate(): Promise<void> | void } }>>,
): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    for (const [key, store] of Object.entries(storesByKey)) if (key in changes) void store.persist.rehydrate();
  });
}
