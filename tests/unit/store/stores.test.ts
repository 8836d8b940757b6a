import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { chromeStorageAdapter } from '@/lib/platform/chrome-storage-adapter';
import { createKnowledgeStore, KNOWLEDGE_STORAGE_KEY } from '@/lib/store/knowledge-store';
import { createSettingsStore, SETTINGS_STORAGE_KEY } from '@/lib/store/settings-store';

describe('settings store', () => {
  it('persists verbosity through chrome.storage and a second store reads it back', async () => {
    const panelA = createSettingsStore(chromeStorageAdapter);
    await panelA.persist.rehydrate();
    panelA.getState().setVerbosity('glance');
    await expect.poll(async () => (await fakeBrowser.storage.local.get(SETTINGS_STORAGE_KEY))[SETTINGS_STORAGE_KEY]).toContain('glance');

    const panelB = createSettingsStore(chromeStorageAdapter);
    await panelB.persist.rehydrate();
    expect(panelB.getState().verbosity).toBe('glance');
  });

  it('ignores an unknown verbosity and clamps the threshold', () => {
    const store = createSettingsStore(chromeStorageAdapter);
    store.getState().setVerbosity('loud' as never);
    store.getState().setMatchThreshold(5);
    expect(store.getState().verbosity).toBe('standard');
    expect(store.getState().matchThreshold).toBe(0.95);
  });
});

describe('knowledge store', () => {
  it('imports a pack and keeps it across a reload', async () => {
    const store = createKnowledgeStore(chromeStorageAdapter);
    const result = store.getState().importPackFile('notes.md', '## What is a confusion matrix?\n- predicted vs actual');
    expect(result).toMatchObject({ ok: true, pack: { id: 'notes', entries: [{ question: 'What is a confusion matrix?' }] } });

    const reopened = createKnowledgeStore(chromeStorageAdapter);
    await reopened.persist.rehydrate();
    expect(reopened.getState().userPacks.map((pack) => pack.id)).toEqual(['notes']);
  });

  it('a bad import says where and loses nothing already stored', async () => {
    const store = createKnowledgeStore(chromeStorageAdapter);
    store.getState().importPackFile('good.md', '## Q one?\n- a');
    await expect.poll(async () => (await fakeBrowser.storage.local.get(KNOWLEDGE_STORAGE_KEY))[KNOWLEDGE_STORAGE_KEY]).toBeTruthy();
    const before = (await fakeBrowser.storage.local.get(KNOWLEDGE_STORAGE_KEY))[KNOWLEDGE_STORAGE_KEY];

    const result = store.getState().importPackFile('bad.md', '## Q two?\nFrequency: often\n- b');

    expect(result).toEqual({ ok: false, message: expect.stringMatching(/^bad\.md: line 2, frequency: /) });
    expect(store.getState().userPacks.map((pack) => pack.id)).toEqual(['good']);
    expect((await fakeBrowser.storage.local.get(KNOWLEDGE_STORAGE_KEY))[KNOWLEDGE_STORAGE_KEY]).toBe(before);
  });

  it('removes only the pack asked for', () => {
    const store = createKnowledgeStore(chromeStorageAdapter);
    store.getState().importPackFile('a.md', '## A?\n- a');
    store.getState().importPackFile('b.md', '## B?\n- b');
    store.getState().removePack('a');
    expect(store.getState().userPacks.map((pack) => pack.id)).toEqual(['b']);
  });
});

describe('settings store: recognition', () => {
  it('changes one VAD setting without touching the others, and keeps it', async () => {
    const store = createSettingsStore(chromeStorageAdapter);
    store.getState().setVad({ minSilenceMs: 1_200 });
    expect(store.getState().vad).toEqual({ minSilenceMs: 1_200, maxUtteranceMs: 28_000, padMs: 250 });
    await expect.poll(async () => (await fakeBrowser.storage.local.get(SETTINGS_STORAGE_KEY))[SETTINGS_STORAGE_KEY]).toContain('1200');
  });

  it('reads settings stored by version 1 and fills in the new ones', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: JSON.stringify({ state: { verbosity: 'detailed', matchThreshold: 0.6 }, version: 1 }) });
    const store = createSettingsStore(chromeStorageAdapter);
    await store.persist.rehydrate();
    expect(store.getState()).toMatchObject({ verbosity: 'detailed', matchThreshold: 0.6, asrModel: 'tiny.en', captureMicrophone: false, vad: { minSilenceMs: 700 } });
  });
});
