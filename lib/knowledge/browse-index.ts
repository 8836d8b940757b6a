import MiniSearch from 'minisearch';
import type { Frequency, KnowledgeEntry } from './schema';

export interface BrowsableEntry {
  entry: KnowledgeEntry;
  packId: string;
  packTitle: string;
}

export interface BrowseFilters {
  category?: string;
  frequency?: Frequency;
  tag?: string;
  packId?: string;
}

const FREQUENCY_ORDER: Record<Frequency, number> = { high: 0, medium: 1, low: 2 };

/**
 * Search-as-you-type over the whole knowledge base, for browsing (not the live
 * matcher): prefix and typo-tolerant, over questions, phrasings, tags and outlines.
 */
export function createBrowseIndex(items: readonly BrowsableEntry[]) {
  const search = new MiniSearch<{ id: number; question: string; phrasings: string; tags: string; outline: string }>({
    fields: ['question', 'phrasings', 'tags', 'outline'],
    searchOptions: {
      boost: { question: 3, phrasings: 2, tags: 2 },
      // Only the word being typed is a prefix, and short words are not fuzzy: both keep typing fast at 10,000 entries.
      prefix: (term, index, terms) => index === terms.length - 1 && term.length > 1,
      fuzzy: (term) => (term.length > 4 ? 0.2 : false),
      combineWith: 'AND',
    },
  });
  search.addAll(
    items.map(({ entry }, id) => ({
      id,
      question: entry.question,
      phrasings: entry.phrasings.join(' '),
      tags: entry.tags.join(' '),
      outline: [
        ...entry.outline.keyPoints,
        ...entry.outline.pitfalls,
        ...entry.outline.followUps,
        ...entry.outline.numbers,
      ].join(' '),
    })),
  );

  const matches = (item: BrowsableEntry, filters: BrowseFilters) =>
    (!filters.category || item.entry.category === filters.category) &&
    (!filters.frequency || item.entry.frequency === filters.frequency) &&
    (!filters.tag || item.entry.tags.includes(filters.tag)) &&
    (!filters.packId || item.packId === filters.packId);

  return {
    /** Entries for a query and filters: best matches first, or by how often asked when the query is empty. */
    find(query: string, filters: BrowseFilters = {}): BrowsableEntry[] {
      const trimmed = query.trim();
      if (!trimmed) {
        return items
          .filter((item) => matches(item, filters))
          .sort(
            (a, b) =>
              FREQUENCY_ORDER[a.entry.frequency] - FREQUENCY_ORDER[b.entry.frequency] ||
              a.entry.question.localeCompare(b.entry.question),
          );
      }
      return search
        .search(trimmed)
        .map((hit) => items[hit.id as number]!)
        .filter((item) => matches(item, filters));
    },
    categories: [...new Set(items.map((item) => item.entry.category))].sort(),
    tags: [...new Set(items.flatMap((item) => item.entry.tags))].sort(),
  };
}
