import { describe, expect, it } from 'vitest';
import { PackError } from '@/lib/knowledge/pack-error';
import { importedPack } from '@/lib/page/imported-pack';

const reviewed = [
  { question: 'What is the KV cache?', outline: ['Stored keys and values'], keep: true, category: 'llm' },
  { question: 'Want more tips?', outline: ['Sign up'], keep: false, category: 'general' },
  { question: 'Design a feed ranker', outline: ['Clarify the objective', 'Two stages'], keep: true, category: 'system-design' },
];

describe('importedPack', () => {
  it('keeps only the ticked questions, as text, with their source and date', () => {
    const pack = importedPack({ title: 'LLM questions', url: 'https://example.com/llm' }, reviewed, new Date('2026-11-22T10:00:00Z'));
    expect(pack.id).toBe('imported-llm-questions');
    expect(pack.title).toBe('Imported: LLM questions');
    expect(pack.entries.map((entry) => [entry.question, entry.category, entry.outline.frame.name])).toEqual([
      ['What is the KV cache?', 'llm', 'Concept'],
      ['Design a feed ranker', 'system-design', 'Design'],
    ]);
    expect(pack.entries[1]!.source).toEqual({ url: 'https://example.com/llm', importedAt: '2026-11-22T10:00:00.000Z' });
  });

  it('refuses an edited question left empty, naming it', () => {
    expect(() => importedPack({ title: 't', url: 'https://example.com' }, [{ ...reviewed[0]!, question: '  ' }])).toThrow(PackError);
    expect(() => importedPack({ title: 't', url: 'https://example.com' }, [{ ...reviewed[0]!, question: '  ' }])).toThrow(/question 1\.question/);
  });

  it('keeps no link to a page that is not on the web', () => {
    const pack = importedPack({ title: 'Saved page', url: 'file:///home/me/questions.html' }, reviewed, new Date('2026-11-22T10:00:00Z'));
    expect(pack.entries[0]!.source).toEqual({ importedAt: '2026-11-22T10:00:00.000Z' });
  });
});
