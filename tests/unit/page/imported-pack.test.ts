import { describe, expect, it } from 'vitest';
import { PackError } from '@/lib/knowledge/pack-error';
import { importedPack } from '@/lib/page/imported-pack';

const reviewed = [
  { question: 'What is the KV cache?', outline: ['Stored keys and values'], keep: true, category: 'llm' },
  { question: 'Want more tips?', outline: ['Sign up'], keep: false, category: 'general' },
  {
    question: 'Design a feed ranker',
    outline: ['Clarify the objective', 'Two stages'],
    keep: true,
    category: 'system-design',
  },
];

describe('importedPack', () => {
  it('keeps only the ticked questions, as text, with their source and date', () => {
    const pack = importedPack(
      { title: 'LLM questions', url: 'https://example.com/llm' },
      reviewed,
      new Date('2026-11-22T10:00:00Z'),
    );
    expect(pack.id).toBe('imported-llm-questions');
    expect(pack.title).toBe('Imported: LLM questions');
    expect(pack.entries.map((entry) => [entry.question, entry.category, entry.outline.frame.name])).toEqual([
      ['What is the KV cache?', 'llm', 'Concept'],
      ['Design a feed ranker', 'system-design', 'Design'],
    ]);
    expect(pack.entries[1]!.source).toEqual({ url: 'https://example.com/llm', importedAt: '2026-11-22T10:00:00.000Z' });
  });

  it('refuses an edited question left empty, naming it', () => {
    expect(() =>
      importedPack({ title: 't', url: 'https://example.com' }, [{ ...reviewed[0]!, question: '  ' }]),
    ).toThrow(PackError);
    expect(() =>
      importedPack({ title: 't', url: 'https://example.com' }, [{ ...reviewed[0]!, question: '  ' }]),
    ).toThrow(/question 1\.question/);
  });

  it('keeps no link to a page that is not on the web', () => {
    const pack = importedPack(
      { title: 'Saved page', url: 'file:///home/me/questions.html' },
      reviewed,
      new Date('2026-11-22T10:00:00Z'),
    );
    expect(pack.entries[0]!.source).toEqual({ importedAt: '2026-11-22T10:00:00.000Z' });
  });
});

describe('reviewItems', () => {
  it('unticks repeats of stored questions and suggests a category from the closest entry, else the section heading', async () => {
    const { parseMarkdownPack } = await import('@/lib/knowledge/markdown-pack');
    const { createQuestionIndex } = await import('@/lib/match/question-index');
    const { reviewItems, categoryFromSection } = await import('@/lib/page/imported-pack');
    const stored = parseMarkdownPack(
      '## What is a p-value?\nCategory: statistics\n- probability of data this extreme under the null\n',
    );
    const items = reviewItems(
      [
        { question: 'What is a p-value?', outline: ['…'], section: 'Inference' },
        { question: 'Reverse a linked list in place.', outline: [], section: 'Coding and Data Manipulation' },
        { question: 'Tell me about yourself.', outline: ['…'] },
      ],
      createQuestionIndex(stored.entries),
    );
    expect(items.map(({ keep, category, duplicateOf }) => ({ keep, category, duplicateOf }))).toEqual([
      { keep: false, category: 'statistics', duplicateOf: 'What is a p-value?' },
      { keep: true, category: 'coding-and-data-manipulation', duplicateOf: undefined },
      { keep: true, category: 'general', duplicateOf: undefined },
    ]);
    expect(categoryFromSection('8.1.2 Über-long section heading about gradient boosting and random forests')).toBe(
      'uber-long-section-heading-about-gradient',
    );
    expect(categoryFromSection('???')).toBeUndefined();
  });
});
