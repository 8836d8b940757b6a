import { describe, expect, it } from 'vitest';
import { toJsonPack, parseJsonPack } from '@/lib/knowledge/json-pack';
import { parseMarkdownPack, toMarkdownPack } from '@/lib/knowledge/markdown-pack';
import { answerLead, takeMyAnswers, withMyAnswers } from '@/lib/knowledge/my-answer';
import type { MyAnswer } from '@/lib/knowledge/schema';
import { chromeStorageAdapter } from '@/lib/platform/chrome-storage-adapter';
import { createKnowledgeStore } from '@/lib/store/knowledge-store';

const PACK = `# Mine

## Tell me about a time you disagreed with your manager.
Id: disagree
Category: behavioral
- Disagree on data, not taste

My answer:
Lead: Pushed back on a launch date with a failure analysis
Situation: Launch planned before the holiday freeze.
Task: Decide whether the model was ready.
Action: Showed the error slices to my manager; we agreed a two-week delay.
Result: Shipped with 30 % fewer false positives.
- Bring numbers, not opinions
Number: 30 % fewer false positives
`;

const answer: MyAnswer = {
  lead: 'Pushed back on a launch date with a failure analysis',
  story: {
    situation: 'Launch planned before the holiday freeze.',
    task: 'Decide whether the model was ready.',
    action: 'Showed the error slices to my manager; we agreed a two-week delay.',
    result: 'Shipped with 30 % fewer false positives.',
  },
  points: ['Bring numbers, not opinions'],
  numbers: ['30 % fewer false positives'],
};

describe('My answer in pack files', () => {
  it('is read from a Markdown "My answer:" block, apart from the key points', () => {
    const [entry] = parseMarkdownPack(PACK).entries;
    expect(entry!.myAnswer).toEqual(answer);
    expect(entry!.outline.keyPoints).toEqual(['Disagree on data, not taste']);
  });

  it('round-trips through Markdown and JSON export', () => {
    const pack = parseMarkdownPack(PACK);
    expect(parseMarkdownPack(toMarkdownPack(pack)).entries[0]!.myAnswer).toEqual(answer);
    expect(parseJsonPack(toJsonPack(pack)).entries[0]!.myAnswer).toEqual(answer);
  });

  it('refuses a file whose answer is malformed, naming the field, and changes nothing stored', () => {
    const store = createKnowledgeStore(chromeStorageAdapter);
    store.getState().saveMyAnswer('disagree', { lead: 'kept', points: [], numbers: [] });
    const broken = JSON.stringify({
      format: 'cuecard-pack',
      version: 1,
      id: 'bad',
      title: 'Bad',
      entries: [
        {
          id: 'disagree',
          question: 'Q?',
          category: 'behavioral',
          outline: { frame: 'STAR', keyPoints: ['x'] },
          myAnswer: { lead: 'x'.repeat(400) },
        },
      ],
    });
    const result = store.getState().importPackFile('bad.json', broken);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^bad\.json: .*myAnswer\.lead.*300 characters/);
    expect(store.getState().userPacks).toEqual([]);
    expect(store.getState().myAnswers.disagree!.lead).toBe('kept');
  });

  it('is taken out of an imported pack into the answers by entry id, and written back on export', () => {
    const { pack, answers } = takeMyAnswers(parseMarkdownPack(PACK));
    expect(pack.entries[0]!.myAnswer).toBeUndefined();
    expect(answers).toEqual({ disagree: answer });
    expect(withMyAnswers(pack, answers).entries[0]!.myAnswer).toEqual(answer);
  });
});

describe('answerLead', () => {
  it('is the lead, else the story’s first sentence, else the first point', () => {
    expect(answerLead(answer)).toBe(answer.lead);
    expect(answerLead({ ...answer, lead: '' })).toBe('Launch planned before the holiday freeze.');
    expect(answerLead({ lead: '', points: ['Numbers first'], numbers: [] })).toBe('Numbers first');
    expect(answerLead({ lead: '', points: [], numbers: [] })).toBeUndefined();
  });
});

describe('the knowledge store’s answers', () => {
  it('keeps an answer to a shipped entry by its id, clears a blank one, refuses an invalid one', () => {
    const store = createKnowledgeStore(chromeStorageAdapter);
    expect(
      store.getState().saveMyAnswer('bias-variance', { lead: 'Ridge on the churn model', points: [], numbers: [] }),
    ).toEqual({ ok: true });
    expect(store.getState().myAnswers['bias-variance']!.lead).toBe('Ridge on the churn model');
    expect(store.getState().saveMyAnswer('bias-variance', { lead: 'x'.repeat(301) }).ok).toBe(false);
    expect(store.getState().myAnswers['bias-variance']!.lead).toBe('Ridge on the churn model');
    store.getState().saveMyAnswer('bias-variance', { lead: ' ', points: [], numbers: [] });
    expect(store.getState().myAnswers).toEqual({});
  });

  it('takes answers from an imported file without overwriting ones already on the device, and survives the pack being replaced', () => {
    const store = createKnowledgeStore(chromeStorageAdapter);
    store.getState().saveMyAnswer('other', { lead: 'mine', points: [], numbers: [] });
    const imported = store.getState().addUserPack(parseMarkdownPack(PACK));
    expect(imported.entries[0]!.myAnswer).toBeUndefined();
    expect(store.getState().myAnswers.disagree).toEqual(answer);
    store.getState().removePack(imported.id);
    store.getState().addUserPack(parseMarkdownPack(PACK.replace(/My answer:[\s\S]*/, '')));
    expect(store.getState().myAnswers.disagree).toEqual(answer);
    expect(store.getState().myAnswers.other!.lead).toBe('mine');
  });
});
