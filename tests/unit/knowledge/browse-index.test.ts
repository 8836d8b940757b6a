import { describe, expect, it } from 'vitest';
import { createBrowseIndex } from '@/lib/knowledge/browse-index';
import { SHIPPED_PACKS } from '@/lib/knowledge/shipped-packs';

const items = SHIPPED_PACKS.flatMap((pack) =>
  pack.entries.map((entry) => ({ entry, packId: pack.id, packTitle: pack.title })),
);
const index = createBrowseIndex(items);
const questions = (query: string, filters = {}) => index.find(query, filters).map((item) => item.entry.question);

describe('browse index', () => {
  it('finds entries as the user types, from a prefix', () => {
    expect(questions('calib')[0]).toBe('What is model calibration and how do you measure it?');
    expect(questions('two-tow')).toContain('Design a two-tower retrieval model for candidate generation.');
  });

  it('tolerates a typo', () => {
    expect(questions('regularizaton')).toContain('What is the difference between L1 and L2 regularization?');
  });

  it('filters by category, frequency, tag and pack', () => {
    const behavioralHigh = index.find('', { category: 'behavioral', frequency: 'high' });
    expect(behavioralHigh.length).toBeGreaterThan(3);
    expect(
      behavioralHigh.every((item) => item.entry.category === 'behavioral' && item.entry.frequency === 'high'),
    ).toBe(true);
    expect(questions('', { tag: 'kmeans' }).length).toBeGreaterThanOrEqual(3);
    expect(index.find('', { packId: 'nope' })).toEqual([]);
  });

  it('lists everything, most asked first, for an empty query', () => {
    const all = index.find('');
    expect(all).toHaveLength(items.length);
    expect(all[0]!.entry.frequency).toBe('high');
    expect(all.at(-1)!.entry.frequency).toBe('low');
  });

  it('offers the categories and tags to filter by', () => {
    expect(index.categories).toEqual(['behavioral', 'coding', 'llm', 'ml-theory', 'mlops', 'system-design']);
    expect(index.tags).toContain('fraud');
  });
});
