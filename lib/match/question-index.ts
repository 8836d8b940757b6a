import SearchableMap from 'minisearch/SearchableMap';
import type { KnowledgeEntry, KnowledgePack, PackAlias } from '../knowledge/schema';
import { generalLexicon, type GeneralLexicon } from './general-lexicon';
import { compilePackAliases, matchTerms, termWeightFactor } from './match-terms';
import type { CompiledAliases } from './pack-aliases';
import { cosine, createSharedWordControl, type SemanticEncoder } from './semantic-encoder';

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

/**
 * How the encoder fares on this pack, read without labels: each probe entry's own question
 * against every entry's other text (phrasings, tags, outline).
 */
export interface SemanticCalibration {
  /** Share of probes whose question is closest to its own entry's text. */
  skill: number;
  /** The same share for random word vectors, which see only shared words: the skill to beat (NaN when not measured). */
  controlSkill: number;
  /** The similarity the best other entry reaches (the noise level a match must clear). */
  noise: number;
  /** The lead of the best other entry over the second: a lead this small is chance. */
  margin: number;
  /** False when the encoder cannot tell this pack's entries apart and stays out. */
  active: boolean;
}

export interface Calibration {
  /** The fit that an in-domain question the pack does not cover usually stays under. */
  noiseFit: number;
  /** How many held-out questions the calibration was read from. */
  probes: number;
  /**
   * How far the best of the remaining entries usually leads the second (fitLead) when a
   * held-out question is asked: a lead this small happens by chance, so a card needs more.
   */
  noiseMargin: number;
  /**
   * How much of a held-out question the best remaining entry typically leaves unexplained:
   * an entry silent on as much of a question as that is no better than noise.
   */
  noiseUnexplained: number;
  /** The semantic encoder's calibration; undefined when there is no encoder. */
  semantic?: SemanticCalibration;
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
/** Whole-entry evidence needs at least this many typical terms' worth of query to be complete. */
const EVIDENCE_FLOOR_TERMS = 3;
/** How many entries are held out, one at a time, to read the pack's noise level. */
const CALIBRATION_PROBES = 120;
/** The held-out fits are read at this quantile (chosen on the development sets: the shipped pack keeps its precision). */
const NOISE_QUANTILE = 0.7;
/**
 * Bounds on the noise level. The floor is about what one or two words found only in an
 * outline can reach: a small pack of distinct entries reads a lower noise level from
 * its held-out questions, but evidence that thin should offer a chip, never a card.
 */
const NOISE_FIT_RANGE: [number, number] = [0.2, 0.7];
/** The noise level used when calibration is switched off (the evaluation's ablation). */
const FIXED_NOISE_FIT = 0.45;
/** The lead over the runner-up a card needs when calibration is switched off. */
const FIXED_NOISE_MARGIN = 0.03;
/** The held-out leads (best remaining fit over the second) are read at this quantile. */
const MARGIN_QUANTILE = 0.5;
/** The share of a held-out question its best remaining entry leaves unexplained, read at this quantile. */
const UNEXPLAINED_QUANTILE = 0.5;
/** Fewer held-out probes than this read no unexplained share (too small a pack to say). */
const MIN_UNEXPLAINED_PROBES = 20;
/** The unexplained share a card must stay under when calibration is switched off. */
const FIXED_NOISE_UNEXPLAINED = 0.5;
/** The confidence that sits exactly at the noise level. */
const CONFIDENCE_AT_NOISE = 0.45;
/** How fast confidence rises above the noise level (in fit units per logit). */
const CONFIDENCE_SCALE = 0.08;

function fuzzyDistance(term: string): number {
  if (/\d/.test(term) || term.length < 6) return 0;
  return term.length >= 9 ? 2 : 1;
}

interface HeadText {
  terms: ReadonlySet<string>;
  weight: number;
}

interface EntryTerms {
  /** The question and each phrasing: the texts an interviewer's words are compared with. */
  heads: HeadText[];
  /** Credit (0…1] of every term the entry holds anywhere: 1 in a heading, less in tags and outline. */
  credit: ReadonlyMap<string, number>;
}

/** The entries holding a term, and the credit each gives it. */
interface Posting {
  entries: number[];
  credits: number[];
}

/** What a query brings: its terms, their weight, and per term the pack's terms that stand in for it. */
interface Query {
  terms: ReadonlySet<string>;
  weight: number;
  /** Each term's weight in this query: its weight in the pack, less for a context term. */
  termWeight: ReadonlyMap<string, number>;
  /** Pack terms reached from a query term the pack may not use itself, with the credit such a match earns. */
  standIns: ReadonlyMap<string, ReadonlyArray<readonly [string, number]>>;
}

/** Key points and follow-ups say what the question is about; pitfalls often name what it is not. */
function outlineText(entry: KnowledgeEntry): string {
  const { keyPoints, followUps } = entry.outline;
  return [...keyPoints, ...followUps].join(' . ');
}

const logit = (p: number) => Math.log(p / (1 - p));

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

/**
 * Indexes each entry's question and phrasings as the main field, its tags and outline
 * as weaker ones (BM25F-style credits), so a pack with nothing but headings and
 * outlines is found through what its outlines say. A query first gathers the entries
 * sharing its terms (exactly, through a related word, or through a spelling slip found
 * in MiniSearch's radix tree), keeps the best few by a quick weighted sum, and gives
 * those a fit from rarity-weighted coverage. The fit becomes a confidence against the
 * pack's own noise level, read at build time by asking the index each held-out
 * entry's question.
 */
export function createQuestionIndex(
  entries: readonly KnowledgeEntry[],
  options: QuestionIndexOptions = {},
): QuestionIndex {
  const lexicon = options.lexicon === undefined ? generalLexicon : options.lexicon;
  const useOutline = options.outlineFields ?? true;
  const aliases = compilePackAliases(options.aliases ?? []);
  const termsOf = (text: string) => matchTerms(text, aliases);
  const entryTerms: EntryTerms[] = entries.map((entry) => {
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

  // Which entries hold each term, with the credit each gives it.
  const postings = new Map<string, Posting>();
  entryTerms.forEach(({ credit }, entryIndex) => {
    for (const [term, value] of credit) {
      let posting = postings.get(term);
      if (!posting) postings.set(term, (posting = { entries: [], credits: [] }));
      posting.entries.push(entryIndex);
      posting.credits.push(value);
    }
  });
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
  // Whole-entry evidence is measured against at least this much query weight, so one or
  // two words that happen to occur in a long outline cannot explain "all" of a query.
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
  function fitOf(entryIndex: number, query: Query): number {
    const { heads, credit } = entryTerms[entryIndex]!;
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
    const evidence = Math.min(1, explained / Math.max(query.weight, evidenceFloor));
    return bestHead + ENTRY_EVIDENCE_WEIGHT * evidence * (1 - bestHead);
  }

  /** Share of the query's topic weight the entry holds nowhere (task words such as "implement" aside). */
  function unexplainedOf(entryIndex: number, query: Query): number {
    const { credit } = entryTerms[entryIndex]!;
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

  // Scratch space for candidatesOf, reused across queries (one query runs at a time).
  const quick = new Float64Array(entries.length);
  const touched: number[] = [];

  /** The entries sharing a term with the query, best few first by a quick sum of weight × credit. */
  function candidatesOf(query: Query, skip: number): number[] {
    const gather = (term: string, weight: number, factor: number) => {
      const posting = postings.get(term);
      if (!posting) return;
      const { entries: holders, credits } = posting;
      for (let i = 0; i < holders.length; i++) {
        const entryIndex = holders[i]!;
        if (quick[entryIndex] === 0) touched.push(entryIndex);
        quick[entryIndex]! += weight * factor * credits[i]!;
      }
    };
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
  }

  const own = entries.map((entry) => options.ownEntryIds?.has(entry.id) ?? false);
  const orderOf = ([entryIndex, fit]: [number, number]) => fit + (own[entryIndex] ? OWN_ENTRY_EDGE : 0);

  function rankFits(
    terms: readonly string[],
    limit: number,
    skip = -1,
    context: readonly string[] = [],
  ): Array<[number, number, number]> {
    const query = queryOf(terms, context);
    if (query.terms.size === 0) return [];
    return candidatesOf(query, skip)
      .map((entryIndex): [number, number] => [entryIndex, fitOf(entryIndex, query)])
      .sort((a, b) => orderOf(b) - orderOf(a))
      .slice(0, limit)
      .map(([entryIndex, fit]): [number, number, number] => [entryIndex, fit, unexplainedOf(entryIndex, query)]);
  }

  const calibration: Calibration =
    options.calibrate === false
      ? {
          noiseFit: FIXED_NOISE_FIT,
          probes: 0,
          noiseMargin: FIXED_NOISE_MARGIN,
          noiseUnexplained: FIXED_NOISE_UNEXPLAINED,
        }
      : calibrate(entryTerms, rankFits);
  const meaning = options.encoder ? meaningIndex(entries, options.encoder) : undefined;
  if (meaning) calibration.semantic = meaning.calibration;
  const confidence = (fit: number) =>
    1 / (1 + Math.exp(-((fit - calibration.noiseFit) / CONFIDENCE_SCALE + logit(CONFIDENCE_AT_NOISE))));
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
        score: confidence(fit),
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

/** Below this share of probes finding their own entry, an encoder knows too little of the field to help. */
const MIN_SEMANTIC_SKILL = 0.5;
/** An encoder must find its own entry this much more often than random word vectors do. */
const SKILL_EDGE = 0.1;
/** The held-out similarities are read at this quantile for the noise level. */
const SEMANTIC_NOISE_QUANTILE = 0.9;

/**
 * The entries' vectors for the semantic encoder, and its calibration on this pack: each
 * probe asks an entry's question how close it sits to its nearest other entry (noise)
 * and to its own entry's other text (phrasings, tags, outline); how often its own text
 * wins is the encoder's skill here. Random word vectors, which see only shared words, are
 * probed the same way: an encoder that does not beat them clearly stays out.
 */
function meaningIndex(entries: readonly KnowledgeEntry[], encoder: SemanticEncoder) {
  const headText = (entry: KnowledgeEntry) => [entry.question, ...entry.phrasings, ...entry.tags].join(' . ');
  const bodyText = (entry: KnowledgeEntry) =>
    [...entry.phrasings, ...entry.tags, ...entry.outline.keyPoints, ...entry.outline.followUps].join(' . ');
  const heads = centreWith(encoder, entries.map(headText));
  const vectors = heads.vectors;
  const rankVector = (
    query: Float32Array,
    against: ReadonlyArray<Float32Array | null>,
    skip: number,
    limit: number,
  ): Array<[number, number]> => {
    const best: Array<[number, number]> = [];
    against.forEach((vector, entryIndex) => {
      if (!vector || entryIndex === skip) return;
      const similarity = cosine(query, vector);
      if (best.length < limit || similarity > best[best.length - 1]![1]) {
        best.push([entryIndex, similarity]);
        best.sort((a, b) => b[1] - a[1]);
        if (best.length > limit) best.pop();
      }
    });
    return best;
  };

  const probe = (probeEncoder: SemanticEncoder) => {
    const probeHeads = probeEncoder === encoder ? heads : centreWith(probeEncoder, entries.map(headText));
    const probeCount = Math.min(entries.length, CALIBRATION_PROBES);
    const noise: number[] = [];
    const leads: number[] = [];
    let wins = 0;
    let probes = 0;
    for (let i = 0; i < probeCount; i++) {
      const entryIndex = Math.floor((i * entries.length) / probeCount);
      const question = probeHeads.centred(probeEncoder.encode(entries[entryIndex]!.question));
      const own = probeHeads.centred(probeEncoder.encode(bodyText(entries[entryIndex]!)));
      if (!question || !own) continue;
      probes++;
      const [first, second] = rankVector(question, probeHeads.vectors, entryIndex, 2);
      if (!first) continue;
      noise.push(first[1]);
      if (second) leads.push(first[1] - second[1]);
      if (cosine(question, own) > first[1]) wins++;
    }
    return { skill: probes ? wins / probes : 0, probes, noise, leads };
  };
  const measured = probe(encoder);
  const worthControl = measured.probes >= MIN_UNEXPLAINED_PROBES && measured.skill >= MIN_SEMANTIC_SKILL;
  // The control costs a second pass over the pack: skipped when the encoder already fails on its own.
  const controlSkill = worthControl ? probe(createSharedWordControl(encoder.dim)).skill : Number.NaN;
  const calibration: SemanticCalibration = {
    skill: measured.skill,
    controlSkill,
    noise: quantileOf(measured.noise, SEMANTIC_NOISE_QUANTILE) ?? 1,
    margin: quantileOf(measured.leads, MARGIN_QUANTILE) ?? 1,
    active: worthControl && measured.skill >= controlSkill + SKILL_EDGE,
  };
  return {
    calibration,
    rank(text: string, limit: number): Array<[number, number]> {
      const query = heads.centred(encoder.encode(text));
      return query ? rankVector(query, vectors, -1, limit) : [];
    },
  };
}

/**
 * The texts' vectors with their mean taken out, and the same centring for a later text:
 * averaged word vectors share one common direction, and without it what tells entries
 * apart remains (SIF removes its first component for the same reason).
 */
function centreWith(encoder: SemanticEncoder, texts: readonly string[]) {
  const raw = texts.map((text) => encoder.encode(text));
  const mean = new Float32Array(encoder.dim);
  for (const vector of raw) if (vector) for (let d = 0; d < mean.length; d++) mean[d]! += vector[d]! / raw.length;
  const centred = (vector: Float32Array | null) =>
    vector ? normalised(vector.map((value, d) => value - mean[d]!)) : null;
  return { vectors: raw.map(centred), centred };
}

function normalised(vector: Float32Array): Float32Array | null {
  let norm = 0;
  for (const value of vector) norm += value * value;
  return norm > 0 ? vector.map((value) => value / Math.sqrt(norm)) : null;
}

/**
 * Reads how well an in-domain question that the pack does not cover can still fit:
 * each probe asks the index an entry's own question with that entry held out, and the
 * best remaining fit is noise. Probes are spread evenly over the pack so the cost
 * stays fixed for large packs.
 */
function calibrate(
  entryTerms: readonly EntryTerms[],
  rankFits: (terms: readonly string[], limit: number, skip: number) => Array<[number, number, number]>,
): Calibration {
  const probeCount = Math.min(entryTerms.length, CALIBRATION_PROBES);
  const noise: number[] = [];
  const leads: number[] = [];
  const unexplained: number[] = [];
  for (let i = 0; i < probeCount; i++) {
    const entryIndex = Math.floor((i * entryTerms.length) / probeCount);
    const question = entryTerms[entryIndex]!.heads[0];
    if (!question) continue;
    const [first, second] = rankFits([...question.terms], 2, entryIndex);
    noise.push(first?.[1] ?? 0);
    if (first && second) leads.push(first[1] - second[1]);
    unexplained.push(first?.[2] ?? 1);
  }
  const quantile = quantileOf(noise, NOISE_QUANTILE) ?? NOISE_FIT_RANGE[0];
  const noiseFit = Math.min(NOISE_FIT_RANGE[1], Math.max(NOISE_FIT_RANGE[0], quantile));
  return {
    noiseFit,
    probes: noise.length,
    noiseMargin: quantileOf(leads, MARGIN_QUANTILE) ?? FIXED_NOISE_MARGIN,
    // A few probes give no steady reading of this; the check then stands aside.
    noiseUnexplained: unexplained.length >= MIN_UNEXPLAINED_PROBES ? quantileOf(unexplained, UNEXPLAINED_QUANTILE)! : 1,
  };
}

function quantileOf(values: number[], fraction: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
}
