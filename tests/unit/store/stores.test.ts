import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { chromeStorageAdapter } from '@/lib/platform/chrome-storage-adapter';
import { createKnowledgeStore, KNOWLEDGE_STORAGE_KEY } from '@/lib/store/knowledge-store';
import { parseMarkdownPack, toMarkdownPack } from '@/lib/knowledge/markdown-pack';
import { createSettingsStore, SETTINGS_STORAGE_KEY } from '@/lib/store/settings-store';

describe('settings store', () => {
  it('persists verbosity through chrome.storage and a second store reads it back', async () => {
    const panelA = createSettingsStore(chromeStorageAdapter);
    await panelA.persist.rehydrate();
    panelA.getState().setVerbosity('glance');
    await expect
      .poll(async () => (await fakeBrowser.storage.local.get(SETTINGS_STORAGE_KEY))[SETTINGS_STORAGE_KEY])
      .toContain('glance');

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
    expect(result).toMatchObject({
      ok: true,
      pack: { id: 'notes', entries: [{ question: 'What is a confusion matrix?' }] },
    });

    const reopened = createKnowledgeStore(chromeStorageAdapter);
    await reopened.persist.rehydrate();
    expect(reopened.getState().userPacks.map((pack) => pack.id)).toEqual(['notes']);
  });

  it('a bad import says where and loses nothing already stored', async () => {
    const store = createKnowledgeStore(chromeStorageAdapter);
    store.getState().importPackFile('good.md', '## Q one?\n- a');
    await expect
      .poll(async () => (await fakeBrowser.storage.local.get(KNOWLEDGE_STORAGE_KEY))[KNOWLEDGE_STORAGE_KEY])
      .toBeTruthy();
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

  it('restoring an exported pack into the same profile does not double it: it asks, then updates in place', () => {
    const store = createKnowledgeStore(chromeStorageAdapter);
    store
      .getState()
      .addUserPack(
        parseMarkdownPack(
          '# My questions\n## How do you pick a vector database?\n- Scale — how many vectors\n## What is a feature store?\n- One definition, two stores',
          { id: 'my-questions' },
        ),
      );
    const [mine] = store.getState().userPacks;
    const backup = toMarkdownPack(mine!);

    const result = store.getState().importPackFile('my-questions.md', backup);
    expect(result).toMatchObject({
      ok: 'copy',
      copy: { packId: 'my-questions', title: 'My questions', added: 0, changed: 0, removed: 0, same: 2 },
    });
    expect(store.getState().userPacks.map((pack) => pack.title)).toEqual(['My questions']);

    const edited = backup.replace(
      '- Scale — how many vectors',
      '- Scale — how many vectors\n- Filters — metadata filtering',
    );
    const update = store.getState().importPackFile('my-questions.md', edited);
    if (update.ok !== 'copy') throw new Error('expected a copy');
    expect(update.copy).toMatchObject({ changed: 1, same: 1 });
    store.getState().updatePack(update.copy.packId, update.pack);
    expect(store.getState().userPacks).toHaveLength(1);
    expect(store.getState().userPacks[0]!.entries[0]!.outline.keyPoints).toEqual([
      'Scale — how many vectors',
      'Filters — metadata filtering',
    ]);
  });
});

describe('settings store: recognition', () => {
  it('changes one VAD setting without touching the others, and keeps it', async () => {
    const store = createSettingsStore(chromeStorageAdapter);
    store.getState().setVad({ minSilenceMs: 1_200 });
    expect(store.getState().vad).toEqual({ minSilenceMs: 1_200, maxUtteranceMs: 28_000, padMs: 250 });
    await expect
      .poll(async () => (await fakeBrowser.storage.local.get(SETTINGS_STORAGE_KEY))[SETTINGS_STORAGE_KEY])
      .toContain('1200');
  });

  it('reads settings stored by version 1 and fills in the new ones', async () => {
    await fakeBrowser.storage.local.set({
      [SETTINGS_STORAGE_KEY]: JSON.stringify({ state: { verbosity: 'detailed', matchThreshold: 0.6 }, version: 1 }),
    });
    const store = createSettingsStore(chromeStorageAdapter);
    await store.persist.rehydrate();
    expect(store.getState()).toMatchObject({
      verbosity: 'detailed',
      matchThreshold: 0.6,
      asrModel: 'moonshine-tiny',
      captureMicrophone: false,
      vad: { minSilenceMs: 700 },
    });
  });
});

const draft = (question: string) => ({
  id: 'x',
  question,
  phrasings: [],
  category: 'behavioral',
  frequency: 'medium',
  tags: [],
  outline: {
    frame: { name: 'STAR', steps: ['Situation', 'Task', 'Action', 'Result'] },
    keyPoints: ['a point'],
    pitfalls: [],
    followUps: [],
    numbers: [],
  },
});

describe('knowledge store: own entries and packs on/off', () => {
  it('adds a new entry to "My questions", then edits it in place', () => {
    const store = createKnowledgeStore(chromeStorageAdapter);
    const added = store.getState().saveEntry(draft('Why this team?'));
    expect(added).toMatchObject({ ok: true, entry: { id: 'why-this-team' } });
    const id = added.ok ? added.entry.id : '';
    store.getState().saveEntry({ ...draft('Why this team, really?'), id }, 'my-questions');
    const [pack] = store.getState().userPacks;
    expect(pack).toMatchObject({ id: 'my-questions', title: 'My questions' });
    expect(pack!.entries.map((entry) => entry.question)).toEqual(['Why this team, really?']);
  });

  it('refuses an invalid entry and changes nothing', () => {
    const store = createKnowledgeStore(chromeStorageAdapter);
    const result = store.getState().saveEntry({ ...draft('Q?'), category: 'Not a slug!' });
    expect(result).toEqual({ ok: false, message: 'category: category must be a short slug such as "system-design"' });
    expect(store.getState().userPacks).toEqual([]);
  });

  it('deletes an entry and switches packs off and on', () => {
    const store = createKnowledgeStore(chromeStorageAdapter);
    store.getState().saveEntry(draft('One?'));
    store.getState().deleteEntry('my-questions', 'one');
    expect(store.getState().userPacks[0]!.entries).toEqual([]);
    store.getState().togglePack('ml-engineer');
    expect(store.getState().disabledPackIds).toEqual(['ml-engineer']);
    store.getState().togglePack('ml-engineer');
    expect(store.getState().disabledPackIds).toEqual([]);
  });
});

describe('undoing a removal', () => {
  it('puts a deleted entry back in its place, keeps what changed meanwhile, and is never stored', async () => {
    const store = createKnowledgeStore(chromeStorageAdapter);
    for (const question of ['One?', 'Two?', 'Three?']) store.getState().saveEntry(draft(question));
    store.getState().deleteEntry('my-questions', 'two');
    expect(store.getState().lastRemoval).toMatchObject({ kind: 'entry', position: 1 });
    store.getState().saveEntry(draft('Four?'));
    store.getState().undoRemoval();
    expect(store.getState().userPacks[0]!.entries.map((entry) => entry.question)).toEqual([
      'One?',
      'Two?',
      'Three?',
      'Four?',
    ]);
    expect(store.getState().lastRemoval).toBeUndefined();
    const stored = JSON.parse((await chromeStorageAdapter.getItem(KNOWLEDGE_STORAGE_KEY)) as string);
    expect(stored.state).not.toHaveProperty('lastRemoval');
  });

  it('puts a removed pack back where it was; a second undo does nothing', () => {
    const store = createKnowledgeStore(chromeStorageAdapter);
    for (const id of ['a', 'b', 'c']) store.getState().addUserPack({ id, title: id.toUpperCase(), entries: [] });
    store.getState().removePack('b');
    expect(store.getState().userPacks.map((pack) => pack.id)).toEqual(['a', 'c']);
    store.getState().undoRemoval();
    store.getState().undoRemoval();
    expect(store.getState().userPacks.map((pack) => pack.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('learned phrasings', () => {
  it('remembers how a question was asked once the user picked its card, and the matcher uses it', async () => {
    const { withLearnedPhrasings } = await import('@/lib/store/knowledge-store');
    const { createQuestionIndex } = await import('@/lib/match/question-index');
    const { matchQuestion } = await import('@/lib/match/match-question');
    const { parseMarkdownPack } = await import('@/lib/knowledge/markdown-pack');
    const entries = parseMarkdownPack(
      '## How do you handle class imbalance?\n- metrics\n## Design a fraud detection system.\n- labels',
    ).entries;
    const heard = 'what do you do when only a sliver of the data is the thing you care about';
    const ask = (index: ReturnType<typeof createQuestionIndex>) =>
      matchQuestion(index, [{ text: heard, speaker: 'interviewer' }]);
    expect(ask(createQuestionIndex(entries)).outcome).not.toBe('card');

    const store = createKnowledgeStore(chromeStorageAdapter);
    store.getState().learnPhrasing('how-do-you-handle-class-imbalance', heard);
    store.getState().learnPhrasing('how-do-you-handle-class-imbalance', heard);
    expect(store.getState().learnedPhrasings).toEqual({ 'how-do-you-handle-class-imbalance': [heard] });
    const learned = createQuestionIndex(withLearnedPhrasings(entries, store.getState().learnedPhrasings));
    expect(ask(learned).best?.entry.question).toBe('How do you handle class imbalance?');
  });
});

describe('settings store: display', () => {
  it('keeps the text size within bounds', () => {
    const store = createSettingsStore(chromeStorageAdapter);
    store.getState().setFontScale(3);
    expect(store.getState().fontScale).toBe(1.6);
    store.getState().setTheme('dark');
    expect(store.getState().theme).toBe('dark');
  });
});
