import type { KnowledgeEntry } from '../knowledge/schema';
import { detectQuestion } from './detect-question';
import type { QuestionMatch } from './match-question';
import type { RankedEntry } from './question-index';

/**
 * The semantic stage: a sentence encoder's second opinion on what the lexical matcher found.
 * It never delays or removes the lexical card; it may add chips, an alternative, or (when the
 * encoder and the lexical candidates agree and the encoder is sure) a card, and only when its
 * calibration on this pack says its similarities mean something at all.
 */

/** An entry's vectors: its question first, then its phrasings. */
export interface SemanticEntry {
  entry: KnowledgeEntry;
  vectors: readonly Float32Array[];
}

export interface SemanticCalibration {
  /** False when the encoder's similarities do not set the pack's entries apart: it then abstains. */
  usable: boolean;
  /**
   * How close an entry's question usually sits to its nearest other entry (the 90th percentile
   * over probes): a query must come closer than that before the encoder has anything to say.
   */
  noiseCeiling: number;
  /** What lies between the noise ceiling and an exact repeat (1): the encoder's working range. */
  room: number;
  /** How many entries the calibration was read from. */
  probes: number;
}

export interface SemanticIndex {
  readonly encoderId: string;
  readonly entries: readonly SemanticEntry[];
  readonly calibration: SemanticCalibration;
  /** Every vector in one block (entry by entry), so a query is one pass over contiguous memory. */
  readonly matrix: Float32Array;
  /** The entry each row of `matrix` belongs to. */
  readonly owners: Int32Array;
}

export type SemanticDecision =
  /** The encoder cannot separate this pack's entries: the lexical result stands as it is. */
  | 'abstain'
  /** The encoder had nothing confident to add (or agrees): the lexical result stands. */
  | 'unchanged'
  /** A lexical card stays; the encoder's confident, different choice is offered beside it. */
  | 'alternative'
  /** No lexical card; the encoder's close entries are offered as "Did they ask…?" chips. */
  | 'chips'
  /** No lexical card; encoder and lexical candidates agree on one entry, clearly: a card. */
  | 'card';

export interface SemanticResult {
  decision: SemanticDecision;
  match: QuestionMatch;
}

/**
 * Entries are compared with this many others' nearest neighbours at most: the noise level
 * settles long before, and 10,000 entries stay well under a second.
 */
const MAX_PROBES = 120;
const NOISE_QUANTILE = 0.9;
/**
 * Below this much room, distinct entries sit about as close as a rewording of one would:
 * the encoder does not separate them (what seeded random weights do) and abstains.
 */
const MIN_ROOM = 0.2;
/** A card needs the query this far up the room above the noise ceiling... */
const CARD_SHARE = 0.5;
/** ...and this much of the room ahead of the runner-up. */
const LEAD_SHARE = 0.15;
/** A chip needs the query this far up the room: closer than the noise, by a visible step. */
const CHIP_SHARE = 0.2;
const MAX_CHIPS = 2;

/** Dot product of `query` with row `row` of a block of `dim`-long vectors. */
function dotRow(query: Float32Array, block: Float32Array, row: number): number {
  const dim = query.length;
  const offset = row * dim;
  let sum = 0;
  for (let i = 0; i < dim; i++) sum += query[i]! * block[offset + i]!;
  return sum;
}

function stack(vectors: readonly Float32Array[]): Float32Array {
  const dim = vectors[0]?.length ?? 0;
  const block = new Float32Array(vectors.length * dim);
  vectors.forEach((vector, row) => block.set(vector, row * dim));
  return block;
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 1;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/**
 * Reads, without labels, how far apart this encoder puts the pack's entries: each probe
 * entry's question against every other entry's question. The nearest other entry is what an
 * in-field question the entry does not answer reaches; a useless encoder puts everything
 * close together and leaves no room above that.
 */
export function calibrateSemantic(questionVectors: readonly Float32Array[]): SemanticCalibration {
  const count = questionVectors.length;
  const probes = Math.min(count, MAX_PROBES);
  if (count < 2) return { usable: false, noiseCeiling: 1, room: 0, probes: 0 };
  const block = stack(questionVectors);
  const nearest: number[] = [];
  for (let p = 0; p < probes; p++) {
    const i = Math.floor((p * count) / probes);
    let best = -1;
    for (let j = 0; j < count; j++) if (j !== i) best = Math.max(best, dotRow(questionVectors[i]!, block, j));
    nearest.push(best);
  }
  nearest.sort((a, b) => a - b);
  const noiseCeiling = quantile(nearest, NOISE_QUANTILE);
  const room = 1 - noiseCeiling;
  return { usable: room >= MIN_ROOM, noiseCeiling, room, probes };
}

/** Builds the stage's index from each entry's vectors (question first) and calibrates it. */
export function createSemanticIndex(encoderId: string, entries: readonly SemanticEntry[]): SemanticIndex {
  const owners = Int32Array.from(entries.flatMap((item, entryIndex) => item.vectors.map(() => entryIndex)));
  return {
    encoderId,
    entries,
    calibration: calibrateSemantic(entries.map((item) => item.vectors[0]!)),
    matrix: stack(entries.flatMap((item) => item.vectors)),
    owners,
  };
}

interface Similar {
  entry: KnowledgeEntry;
  similarity: number;
}

/** Every entry by its closest vector (question or phrasing) to the query, best first. */
export function rankSemantic(index: SemanticIndex, query: Float32Array, limit = 5): Similar[] {
  const best = new Float32Array(index.entries.length).fill(-2);
  for (let row = 0; row < index.owners.length; row++) {
    const owner = index.owners[row]!;
    const similarity = dotRow(query, index.matrix, row);
    if (similarity > best[owner]!) best[owner] = similarity;
  }
  const top: Similar[] = [];
  best.forEach((similarity, entryIndex) => {
    if (top.length === limit && similarity <= top[limit - 1]!.similarity) return;
    top.push({ entry: index.entries[entryIndex]!.entry, similarity });
    top.sort((a, b) => b.similarity - a.similarity);
    if (top.length > limit) top.pop();
  });
  return top;
}

/** The encoder's similarity as a 0…1 confidence: 0 at the noise ceiling, 1 at an exact repeat. */
function confidenceOf(similarity: number, calibration: SemanticCalibration): number {
  return Math.max(0, Math.min(1, (similarity - calibration.noiseCeiling) / calibration.room));
}

function ranked(similar: Similar, calibration: SemanticCalibration): RankedEntry {
  // The encoder says nothing about which of the question's words an entry explains: count none as explained.
  return {
    entry: similar.entry,
    score: confidenceOf(similar.similarity, calibration),
    fit: similar.similarity,
    unexplained: 1,
  };
}

/**
 * Re-ranks and completes a lexical match with the encoder's vector for the question text
 * (`match.questionText`). Small talk and empty turns pass through; so does everything when the
 * calibration found the encoder useless for this pack.
 */
export function applySemanticStage(match: QuestionMatch, index: SemanticIndex, query: Float32Array): SemanticResult {
  const { calibration } = index;
  if (!calibration.usable) return { decision: 'abstain', match };
  if (match.outcome === 'small-talk' || match.outcome === 'empty') return { decision: 'unchanged', match };
  const [top, runnerUp] = rankSemantic(index, query, 3);
  const close = (item: Similar | undefined): item is Similar =>
    item !== undefined && confidenceOf(item.similarity, calibration) >= CHIP_SHARE;
  if (!close(top)) return { decision: 'unchanged', match };
  const leads = top.similarity - (runnerUp?.similarity ?? -1) >= calibration.room * LEAD_SHARE;
  const sure = leads && confidenceOf(top.similarity, calibration) >= CARD_SHARE;

  if (match.outcome === 'card') {
    const card = match.best!.entry.id;
    if (top.entry.id === card || !sure) return { decision: 'unchanged', match };
    const alternative = ranked(top, calibration);
    const candidates = [
      match.candidates[0] ?? match.best!,
      alternative,
      ...match.candidates.slice(1).filter((c) => c.entry.id !== top.entry.id),
    ];
    return { decision: 'alternative', match: { ...match, candidates, ambiguous: true } };
  }

  // No lexical card: a card only when the line asks something (a statement that names the
  // entry's topic gets chips at most), both signals point at one entry, and the encoder is sure.
  const asks = detectQuestion(match.questionText).asksSomething;
  if (sure && asks && match.candidates.some((candidate) => candidate.entry.id === top.entry.id)) {
    const best = ranked(top, calibration);
    const candidates = [best, ...match.candidates.filter((c) => c.entry.id !== top.entry.id)];
    return {
      decision: 'card',
      match: {
        ...match,
        outcome: 'card',
        best,
        asked: [best],
        nearMisses: [],
        candidates,
        ambiguous: false,
        confidence: best.score,
      },
    };
  }
  const chips = [...[top, runnerUp].filter(close).map((item) => ranked(item, calibration)), ...match.nearMisses];
  const nearMisses = chips
    .filter((chip, i) => chips.findIndex((other) => other.entry.id === chip.entry.id) === i)
    .slice(0, MAX_CHIPS);
  return { decision: 'chips', match: { ...match, nearMisses } };
}
