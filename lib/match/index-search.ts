import type { Query, TermStatistics } from './index-terms';
import { termWeightFactor } from './match-terms';

/** How close two fits must be for the user's own entry to go first. */
const OWN_ENTRY_EDGE = 0.02;
/** How many entries, by a quick sum of shared term weights, get the finer fit. */
const RESCORE_LIMIT = 200;
/**
 * How much of the heading fit rests on covering the query rather than the stored text
 * (the two coverages' geometric mean at one half).
 */
const QUERY_COVERAGE_SHARE = 0.5;
/** How much the whole-entry evidence counts next to the best heading or phrasing. */
const ENTRY_EVIDENCE_WEIGHT = 0.8;

/**
 * Entries ranked for a query's terms, best first, as [entry index, fit, unexplained share];
 * `skip` holds one entry out (calibration asks each held-out entry's question).
 */
export type RankFits = (
  terms: readonly string[],
  limit: number,
  skip?: number,
  context?: readonly string[],
) => Array<[number, number, number]>;

/** How much of a query term some text holds: its own credit for the term, or less through a stand-in. */
function termCredit(term: string, query: Query, creditOf: (candidate: string) => number): number {
  const direct = creditOf(term);
  if (direct > 0) return direct;
  let best = 0;
  for (const [other, factor] of query.standIns.get(term) ?? []) best = Math.max(best, creditOf(other) * factor);
  return best;
}

/**
 * The fit of one entry: the best heading or phrasing by two-sided coverage (a short
 * stored question fully present in a rambling utterance still fits well; one shared
 * word does not), raised by how much of the query the whole entry explains.
 */
function fitOf(stats: TermStatistics, entryIndex: number, query: Query): number {
  const { heads, credit } = stats.entryTerms[entryIndex]!;
  let bestHead = 0;
  for (const head of heads) {
    let shared = 0;
    for (const term of query.terms)
      shared += query.termWeight.get(term)! * termCredit(term, query, (other) => (head.terms.has(other) ? 1 : 0));
    if (shared === 0) continue;
    const queryCoverage = Math.min(1, shared / query.weight);
    const textCoverage = Math.min(1, shared / head.weight);
    bestHead = Math.max(bestHead, queryCoverage ** QUERY_COVERAGE_SHARE * textCoverage ** (1 - QUERY_COVERAGE_SHARE));
  }
  let explained = 0;
  for (const term of query.terms)
    explained += query.termWeight.get(term)! * termCredit(term, query, (other) => credit.get(other) ?? 0);
  const evidence = Math.min(1, explained / Math.max(query.weight, stats.evidenceFloor));
  return bestHead + ENTRY_EVIDENCE_WEIGHT * evidence * (1 - bestHead);
}

/** Share of the query's topic weight the entry holds nowhere (task words such as "implement" aside). */
function unexplainedOf(stats: TermStatistics, entryIndex: number, query: Query): number {
  const { credit } = stats.entryTerms[entryIndex]!;
  let topic = 0;
  let missing = 0;
  for (const term of query.terms) {
    if (termWeightFactor(term) !== 1) continue;
    const weight = query.termWeight.get(term)!;
    topic += weight;
    if (termCredit(term, query, (other) => credit.get(other) ?? 0) === 0) missing += weight;
  }
  return topic ? missing / topic : 0;
}

/** The entries sharing a term with a query, best few first by a quick sum of weight × credit. */
function candidateGatherer(stats: TermStatistics) {
  // Scratch space, reused across queries (one query runs at a time).
  const quick = new Float64Array(stats.entryTerms.length);
  const touched: number[] = [];
  const gather = (term: string, weight: number, factor: number) => {
    const posting = stats.postings.get(term);
    if (!posting) return;
    const { entries: holders, credits } = posting;
    for (let i = 0; i < holders.length; i++) {
      const entryIndex = holders[i]!;
      if (quick[entryIndex] === 0) touched.push(entryIndex);
      quick[entryIndex]! += weight * factor * credits[i]!;
    }
  };
  return (query: Query, skip: number): number[] => {
    // Task words ("design", "implement") hold too many entries to be worth gathering;
    // they still count when a gathered entry gets its fit.
    const topicTerms = [...query.terms].filter((term) => termWeightFactor(term) === 1);
    for (const term of topicTerms.length ? topicTerms : query.terms) {
      const weight = query.termWeight.get(term)!;
      gather(term, weight, 1);
      for (const [other, factor] of query.standIns.get(term) ?? []) gather(other, weight, factor);
    }
    const found = touched
      .filter((entryIndex) => entryIndex !== skip)
      .map((entryIndex): [number, number] => [entryIndex, quick[entryIndex]!]);
    for (const entryIndex of touched) quick[entryIndex] = 0;
    touched.length = 0;
    return found
      .sort((a, b) => b[1] - a[1])
      .slice(0, RESCORE_LIMIT)
      .map(([entryIndex]) => entryIndex);
  };
}

/**
 * The index's search: a query gathers the entries sharing its terms (exactly, through a
 * related word, or through a spelling slip), keeps the best few by a quick weighted sum,
 * and gives those a fit from rarity-weighted coverage; the user's own entries win a near-tie.
 */
export function createFitSearch(stats: TermStatistics, own: readonly boolean[]): RankFits {
  const candidatesOf = candidateGatherer(stats);
  const orderOf = ([entryIndex, fit]: [number, number]) => fit + (own[entryIndex] ? OWN_ENTRY_EDGE : 0);
  return (terms, limit, skip = -1, context = []) => {
    const query = stats.queryOf(terms, context);
    if (query.terms.size === 0) return [];
    return candidatesOf(query, skip)
      .map((entryIndex): [number, number] => [entryIndex, fitOf(stats, entryIndex, query)])
      .sort((a, b) => orderOf(b) - orderOf(a))
      .slice(0, limit)
      .map(([entryIndex, fit]): [number, number, number] => [entryIndex, fit, unexplainedOf(stats, entryIndex, query)]);
  };
}
