import type { KnowledgeEntry } from '../knowledge/schema';
import {
  CALIBRATION_PROBES,
  MARGIN_QUANTILE,
  MIN_UNEXPLAINED_PROBES,
  quantileOf,
  type SemanticCalibration,
} from './index-calibration';
import { cosine, createSharedWordControl, type SemanticEncoder } from './semantic-encoder';

/** Below this share of probes finding their own entry, an encoder knows too little of the field to help. */
const MIN_SEMANTIC_SKILL = 0.5;
/** An encoder must find its own entry this much more often than random word vectors do. */
const SKILL_EDGE = 0.1;
/** The held-out similarities are read at this quantile for the noise level. */
const SEMANTIC_NOISE_QUANTILE = 0.9;

const headText = (entry: KnowledgeEntry) => [entry.question, ...entry.phrasings, ...entry.tags].join(' . ');
const bodyText = (entry: KnowledgeEntry) =>
  [...entry.phrasings, ...entry.tags, ...entry.outline.keyPoints, ...entry.outline.followUps].join(' . ');

function rankVector(
  query: Float32Array,
  against: ReadonlyArray<Float32Array | null>,
  skip: number,
  limit: number,
): Array<[number, number]> {
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
}

/**
 * One encoder probed on the pack: each probe asks an entry's question how close it sits to
 * its nearest other entry (noise) and to its own entry's other text; `heads` are the
 * encoder's centred entry vectors when already made.
 */
function probe(entries: readonly KnowledgeEntry[], probeEncoder: SemanticEncoder, heads?: Centred) {
  const probeHeads = heads ?? centreWith(probeEncoder, entries.map(headText));
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
}

/**
 * The entries' vectors for the semantic encoder, and its calibration on this pack: how
 * often a probe's own text wins is the encoder's skill here. Random word vectors, which
 * see only shared words, are probed the same way: an encoder that does not beat them
 * clearly stays out.
 */
export function meaningIndex(entries: readonly KnowledgeEntry[], encoder: SemanticEncoder) {
  const heads = centreWith(encoder, entries.map(headText));
  const vectors = heads.vectors;
  const measured = probe(entries, encoder, heads);
  const worthControl = measured.probes >= MIN_UNEXPLAINED_PROBES && measured.skill >= MIN_SEMANTIC_SKILL;
  // The control costs a second pass over the pack: skipped when the encoder already fails on its own.
  const controlSkill = worthControl ? probe(entries, createSharedWordControl(encoder.dim)).skill : Number.NaN;
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

interface Centred {
  vectors: Array<Float32Array | null>;
  centred: (vector: Float32Array | null) => Float32Array | null;
}

/**
 * The texts' vectors with their mean taken out, and the same centring for a later text:
 * averaged word vectors share one common direction, and without it what tells entries
 * apart remains (SIF removes its first component for the same reason).
 */
function centreWith(encoder: SemanticEncoder, texts: readonly string[]): Centred {
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
