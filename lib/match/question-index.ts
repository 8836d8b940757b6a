import type { KnowledgeEntry, KnowledgePack, PackAlias } from '../knowledge/schema';
import { generalLexicon, type GeneralLexicon } from './general-lexicon';
import { calibrate, confidenceOf, fixedCalibration, type Calibration } from './index-calibration';
import { createFitSearch } from './index-search';
import { termStatistics } from './index-terms';
import { compilePackAliases, matchTerms } from './match-terms';
import { meaningIndex } from './meaning-index';
import type { CompiledAliases } from './pack-aliases';
import type { SemanticEncoder } from './semantic-encoder';

export type { Calibration, SemanticCalibration } from './index-calibration';

export interface RankedEntry {
  entry: KnowledgeEntry;
  /**
   * 0…1, calibrated for this pack: how sure the index is that the query asks this
   * entry's question. The same value means the same on a pack with phrasings and on
   * an imported one with a heading and an outline only.
   */
  score: number;
  /** The uncalibrated fit (0…1) the score was derived from: how closely the words coincide. */
  fit: number;
  /**
   * Share (0…1) of the query's topic weight that this entry's text never mentions, not even
   * through a related word: a "random forests" the entry is silent on counts against it.
   */
  unexplained: number;
}

export interface QuestionIndex {
  readonly size: number;
  /**
   * Entries ranked for a list of match terms, best first; at most `limit`. Context terms
   * (what the interviewer said before the question itself) count as weaker evidence.
   */
  rank(terms: readonly string[], limit?: number, context?: readonly string[]): RankedEntry[];
  /** The indexed entry with this id, if any. */
  entry(id: string): KnowledgeEntry | undefined;
  /** Whether the user wrote or imported this entry (it wins a near-tie with a shipped one). */
  isOwn(id: string): boolean;
  /** The pack's calibration, for diagnostics and the evaluation tools. */
  readonly calibration: Calibration;
  /** The aliases of the indexed packs, which the interviewer's words pass through too. */
  readonly aliases: CompiledAliases;
  /**
   * Entries by closeness in meaning (the semantic encoder), best first; empty when there is
   * no encoder, it abstains on this pack, or it knows none of the words.
   */
  rankByMeaning(text: string, limit?: number): MeaningMatch[];
}

export interface MeaningMatch {
  entry: KnowledgeEntry;
  /** Cosine similarity of the text and the entry (its question, phrasings and tags). */
  similarity: number;
}

export interface QuestionIndexOptions {
  /** General English knowledge (related words, everyday-word frequency); `null` turns it off. */
  lexicon?: GeneralLexicon | null;
  /** Index tags and outlines next to the question (on by default). */
  outlineFields?: boolean;
  /** Read the pack's own noise level (on by default); off uses a fixed one. */
  calibrate?: boolean;
  /** Entries the user wrote or imported: they win a near-tie with a shipped entry. */
  ownEntryIds?: ReadonlySet<string>;
  /** The packs' own vocabulary ("Aliases:"), applied to their text and to what is heard. */
  aliases?: readonly PackAlias[];
  /** A meaning-based second signal (word vectors); calibrated on the pack, it abstains where useless. */
  encoder?: SemanticEncoder | null;
}

/**
 * Indexes each entry's question and phrasings as the main field, its tags and outline
 * as weaker ones (BM25F-style credits), so a pack with nothing but headings and
 * outlines is found through what its outlines say (index-terms). A query first gathers
 * the entries sharing its terms (exactly, through a related word, or through a spelling
 * slip found in MiniSearch's radix tree), keeps the best few by a quick weighted sum, and
 * gives those a fit from rarity-weighted coverage (index-search). The fit becomes a
 * confidence against the pack's own noise level, read at build time by asking the index
 * each held-out entry's question (index-calibration).
 */
export function createQuestionIndex(
  entries: readonly KnowledgeEntry[],
  options: QuestionIndexOptions = {},
): QuestionIndex {
  const lexicon = options.lexicon === undefined ? generalLexicon : options.lexicon;
  const aliases = compilePackAliases(options.aliases ?? []);
  const stats = termStatistics(entries, lexicon, (text) => matchTerms(text, aliases), options.outlineFields ?? true);
  const own = entries.map((entry) => options.ownEntryIds?.has(entry.id) ?? false);
  const rankFits = createFitSearch(stats, own);
  const calibration = options.calibrate === false ? fixedCalibration() : calibrate(stats.entryTerms, rankFits);
  const meaning = options.encoder ? meaningIndex(entries, options.encoder) : undefined;
  if (meaning) calibration.semantic = meaning.calibration;
  const byId = new Map(entries.map((entry) => [entry.id, entry]));

  return {
    size: entries.length,
    calibration,
    aliases,
    entry: (id) => byId.get(id),
    isOwn: (id) => options.ownEntryIds?.has(id) ?? false,
    rankByMeaning(text, limit = 3) {
      if (!meaning?.calibration.active) return [];
      return meaning.rank(text, limit).map(([entryIndex, similarity]) => ({ entry: entries[entryIndex]!, similarity }));
    },
    rank(terms, limit = 5, context = []) {
      return rankFits(terms, limit, -1, context).map(([entryIndex, fit, unexplained]) => ({
        entry: entries[entryIndex]!,
        score: confidenceOf(fit, calibration),
        fit,
        unexplained,
      }));
    },
  };
}

/** The index of several packs matched together: their entries, and their aliases for all of them. */
export function createPackIndex(
  packs: readonly KnowledgePack[],
  options: Omit<QuestionIndexOptions, 'aliases'> = {},
): QuestionIndex {
  return createQuestionIndex(
    packs.flatMap((pack) => pack.entries),
    { ...options, aliases: packs.flatMap((pack) => pack.aliases ?? []) },
  );
}
