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
