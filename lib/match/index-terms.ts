import SearchableMap from 'minisearch/SearchableMap';
import type { KnowledgeEntry } from '../knowledge/schema';
import type { GeneralLexicon } from './general-lexicon';
import { termWeightFactor } from './match-terms';

/** Tags name the topic but not the question, so a term found there counts for less. */
const TAG_CREDIT = 0.8;
/** A term heard only in the context before the question counts for this much of one in the question. */
const CONTEXT_CREDIT = 0.35;
/** A term found only in the outline (key points, follow-ups) is weaker evidence still. */
const OUTLINE_CREDIT = 0.5;
/** A term found only through a related word (a derivation) counts for this much of an exact one. */
const RELATED_CREDIT = 0.6;
/** A term found only through a spelling slip counts for this much of an exact one. */
const FUZZY_CREDIT = 0.7;
/** How strongly general-English frequency lowers a term's weight, and from which count on. */
const EVERYDAY_WORD_DAMPING = 0.3;
const EVERYDAY_WORD_SCALE = 10;
/** Whole-entry evidence needs at least this many typical terms' worth of query to be complete. */
const EVIDENCE_FLOOR_TERMS = 3;

export interface HeadText {
  terms: ReadonlySet<string>;
  weight: number;
}

export interface EntryTerms {
  /** The question and each phrasing: the texts an interviewer's words are compared with. */
  heads: HeadText[];
  /** Credit (0…1] of every term the entry holds anywhere: 1 in a heading, less in tags and outline. */
  credit: ReadonlyMap<string, number>;
}

/** The entries holding a term, and the credit each gives it. */
export interface Posting {
  entries: number[];
  credits: number[];
}

/** What a query brings: its terms, their weight, and per term the pack's terms that stand in for it. */
export interface Query {
  terms: ReadonlySet<string>;
  weight: number;
  /** Each term's weight in this query: its weight in the pack, less for a context term. */
  termWeight: ReadonlyMap<string, number>;
  /** Pack terms reached from a query term the pack may not use itself, with the credit such a match earns. */
  standIns: ReadonlyMap<string, ReadonlyArray<readonly [string, number]>>;
}

/** The pack's term statistics: which entries hold each term and with what credit, each term's weight. */
export interface TermStatistics {
  entryTerms: readonly EntryTerms[];
  postings: ReadonlyMap<string, Posting>;
  /**
   * Whole-entry evidence is measured against at least this much query weight, so one or
   * two words that happen to occur in a long outline cannot explain "all" of a query.
   */
  evidenceFloor: number;
  /** A query's terms, context terms at a discount, each with the pack terms that stand in for it. */
  queryOf(terms: readonly string[], context?: readonly string[]): Query;
}

function fuzzyDistance(term: string): number {
  if (/\d/.test(term) || term.length < 6) return 0;
  return term.length >= 9 ? 2 : 1;
}

/** Key points and follow-ups say what the question is about; pitfalls often name what it is not. */
function outlineText(entry: KnowledgeEntry): string {
  const { keyPoints, followUps } = entry.outline;
  return [...keyPoints, ...followUps].join(' . ');
}

/**
 * Everyday words ("happen", "look", "need") say little about which question was asked,
 * however rare they are in one pack; technical words have a frequency near zero in a
 * general corpus and keep their full weight.
 */
function everydayWordFactor(frequency: number): number {
  return 1 / (1 + EVERYDAY_WORD_DAMPING * Math.log1p(frequency / EVERYDAY_WORD_SCALE));
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** Each entry's terms with their credit: full in the question and phrasings, less in tags and outline (BM25F-style). */
function termsOfEntries(
  entries: readonly KnowledgeEntry[],
  termsOf: (text: string) => string[],
  useOutline: boolean,
): EntryTerms[] {
  return entries.map((entry) => {
    const credit = new Map<string, number>();
    const give = (terms: readonly string[], value: number) => {
      for (const term of terms) credit.set(term, Math.max(credit.get(term) ?? 0, value));
    };
    const headTerms = [entry.question, ...entry.phrasings].map(termsOf).filter((terms) => terms.length > 0);
    for (const terms of headTerms) give(terms, 1);
    if (useOutline) {
      give(termsOf(entry.tags.join(' ')), TAG_CREDIT);
      give(termsOf(outlineText(entry)), OUTLINE_CREDIT);
    }
    return { heads: headTerms.map((terms) => ({ terms: new Set(terms), weight: 0 })), credit };
  });
}

/** Which entries hold each term, with the credit each gives it. */
function postingsOf(entryTerms: readonly EntryTerms[]): Map<string, Posting> {
  const postings = new Map<string, Posting>();
  entryTerms.forEach(({ credit }, entryIndex) => {
    for (const [term, value] of credit) {
      let posting = postings.get(term);
      if (!posting) postings.set(term, (posting = { entries: [], credits: [] }));
      posting.entries.push(entryIndex);
      posting.credits.push(value);
    }
  });
  return postings;
}

/**
 * Reads the pack's term statistics: each term's weight is its rarity in the pack (idf),
 * lowered for task words and for words common in general English.
 */
export function termStatistics(
  entries: readonly KnowledgeEntry[],
  lexicon: GeneralLexicon | null,
  termsOf: (text: string) => string[],
  useOutline: boolean,
): TermStatistics {
  const entryTerms = termsOfEntries(entries, termsOf, useOutline);
  const postings = postingsOf(entryTerms);
  // The pack's vocabulary in MiniSearch's radix tree, to find the terms a spelling slip
  // away; built on the first slip, since many sessions never need it.
  let vocabulary: SearchableMap<true> | undefined;
  const termsNear = (term: string, distance: number): string[] => {
    vocabulary ??= SearchableMap.from([...postings.keys()].map((known): [string, true] => [known, true]));
    return [...vocabulary.fuzzyGet(term, distance).keys()];
  };
  const entryCount = Math.max(entries.length, 1);
  const unseenIdf = Math.log(1 + entryCount);
  const weights = new Map<string, number>();
  const weightOf = (term: string): number => {
    let weight = weights.get(term);
    if (weight === undefined) {
      const df = postings.get(term)?.entries.length;
      const idf = df === undefined ? unseenIdf : Math.log(1 + entryCount / df);
      weight = idf * termWeightFactor(term) * (lexicon ? everydayWordFactor(lexicon.frequency(term)) : 1);
      weights.set(term, weight);
    }
    return weight;
  };
  for (const { heads } of entryTerms) {
    for (const head of heads) head.weight = [...head.terms].reduce((sum, term) => sum + weightOf(term), 0);
  }
  const evidenceFloor = EVIDENCE_FLOOR_TERMS * median([...postings.keys()].map(weightOf));

  function queryOf(terms: readonly string[], context: readonly string[] = []): Query {
    const unique = new Set(terms);
    const termWeight = new Map<string, number>();
    for (const term of unique) termWeight.set(term, weightOf(term));
    for (const term of context) {
      if (!unique.has(term)) termWeight.set(term, CONTEXT_CREDIT * weightOf(term));
      unique.add(term);
    }
    let weight = 0;
    const standIns = new Map<string, Array<readonly [string, number]>>();
    for (const term of unique) {
      weight += termWeight.get(term)!;
      const found: Array<readonly [string, number]> = [];
      for (const other of lexicon?.related(term) ?? []) {
        if (!unique.has(other) && postings.has(other)) found.push([other, RELATED_CREDIT]);
      }
      // A slip is a word the pack does not know; one it knows is taken as said.
      const distance = postings.has(term) ? 0 : fuzzyDistance(term);
      if (distance > 0) {
        for (const other of termsNear(term, distance)) {
          if (other !== term && !unique.has(other)) found.push([other, FUZZY_CREDIT]);
        }
      }
      if (found.length) standIns.set(term, found);
    }
    return { terms: unique, weight, termWeight, standIns };
  }

  return { entryTerms, postings, evidenceFloor, queryOf };
}
