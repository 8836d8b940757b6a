import MiniSearch from 'minisearch';
import type { KnowledgeEntry } from '../knowledge/schema';
import { matchTerms, termWeightFactor } from './match-terms';

type TextKind = 'question' | 'phrasing' | 'tags';

interface IndexedText {
  entryIndex: number;
  kind: TextKind;
  terms: ReadonlySet<string>;
  weight: number;
}

export interface RankedEntry {
  entry: KnowledgeEntry;
  /** 0…1: how much of the question and of the stored phrasing the two share. */
  score: number;
}

export interface QuestionIndex {
  readonly size: number;
  /** Entries ranked for a list of match terms, best first; at most `limit`. */
  rank(terms: readonly string[], limit?: number): RankedEntry[];
}

/** Tags name the topic but not the question, so they count for a little less. */
const TAG_TEXT_FACTOR = 0.85;
/** A term found only through a spelling slip counts for this much of an exact one. */
const FUZZY_CREDIT = 0.7;
/** How many lexical hits get the finer similarity score. */
const RESCORE_LIMIT = 200;

function fuzzyDistance(term: string): number | false {
  if (/\d/.test(term) || term.length < 6) return false;
  return term.length >= 9 ? 2 : 1;
}

/**
 * Indexes the question, every phrasing and the tags of each entry. MiniSearch finds
 * the texts that share terms (with a little fuzziness for recognition slips); each
 * hit is then scored by rarity-weighted coverage on both sides, so a short stored
 * phrasing fully present in a long, rambling utterance still scores well while a
 * single shared word does not.
 */
export function createQuestionIndex(entries: readonly KnowledgeEntry[]): QuestionIndex {
  const texts: IndexedText[] = [];
  const entryTermSets: Array<Set<string>> = entries.map(() => new Set());
  const rawTexts: Array<{ entryIndex: number; kind: TextKind; terms: string[] }> = [];

  entries.forEach((entry, entryIndex) => {
    const add = (kind: TextKind, text: string) => {
      const terms = matchTerms(text);
      if (terms.length === 0) return;
      rawTexts.push({ entryIndex, kind, terms });
      for (const term of terms) entryTermSets[entryIndex]!.add(term);
    };
    add('question', entry.question);
    for (const phrasing of entry.phrasings) add('phrasing', phrasing);
    if (entry.tags.length) add('tags', entry.tags.join(' '));
  });

  const documentFrequency = new Map<string, number>();
  for (const termSet of entryTermSets) {
    for (const term of termSet) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const entryCount = Math.max(entries.length, 1);
  const unseenIdf = Math.log(1 + entryCount);
  const weightOf = (term: string): number => {
    const df = documentFrequency.get(term);
    return (df === undefined ? unseenIdf : Math.log(1 + entryCount / df)) * termWeightFactor(term);
  };

  for (const raw of rawTexts) {
    const terms = new Set(raw.terms);
    let weight = 0;
    for (const term of terms) weight += weightOf(term);
    texts.push({ entryIndex: raw.entryIndex, kind: raw.kind, terms, weight });
  }

  const search = new MiniSearch<{ id: number; text: string }>({
    fields: ['text'],
    tokenize: (text) => text.split(' '),
    processTerm: (term) => term || null,
    searchOptions: { fuzzy: (term) => fuzzyDistance(term), maxFuzzy: 2, weights: { fuzzy: 0.5, prefix: 0.3 } },
  });
  search.addAll(texts.map((text, id) => ({ id, text: [...text.terms].join(' ') })));

  /**
   * Rarity-weighted coverage of the query by the text and of the text by the query
   * (their geometric mean). Exact terms are read from the text itself; terms MiniSearch
   * matched only fuzzily count at FUZZY_CREDIT.
   */
  function similarity(text: IndexedText, queryTerms: ReadonlySet<string>, queryWeight: number, fuzzyTerms: readonly string[]): number {
    let shared = 0;
    for (const term of queryTerms) if (text.terms.has(term)) shared += weightOf(term);
    let fuzzy = 0;
    for (const term of fuzzyTerms) if (!queryTerms.has(term) && text.terms.has(term)) fuzzy += weightOf(term) * FUZZY_CREDIT;
    const score = Math.sqrt(Math.min(1, (shared + fuzzy) / queryWeight) * Math.min(1, (shared + fuzzy) / text.weight));
    return text.kind === 'tags' ? score * TAG_TEXT_FACTOR : score;
  }

  return {
    size: entries.length,
    rank(terms, limit = 5) {
      const queryTerms = new Set(terms);
      if (queryTerms.size === 0) return [];
      let queryWeight = 0;
      for (const term of queryTerms) queryWeight += weightOf(term);
      // Task words ("design", "implement") match too many texts to be worth looking up;
      // they still count when a text found through the topic words is scored.
      const topicTerms = [...queryTerms].filter((term) => termWeightFactor(term) === 1);
      const hits = search.search((topicTerms.length ? topicTerms : [...queryTerms]).join(' ')).slice(0, RESCORE_LIMIT);
      const bestByEntry = new Map<number, number>();
      for (const hit of hits) {
        const text = texts[hit.id as number]!;
        const score = similarity(text, queryTerms, queryWeight, hit.terms);
        if (score > (bestByEntry.get(text.entryIndex) ?? 0)) bestByEntry.set(text.entryIndex, score);
      }
      return [...bestByEntry]
        .sort((a, b) => b[1] - a[1])
        .slice(0, limit)
        .map(([entryIndex, score]) => ({ entry: entries[entryIndex]!, score }));
    },
  };
}
