import { STOPWORDS } from './speech-lexicon';

/**
 * A second, meaning-based signal beside the lexical index: text in, a unit vector out.
 * Implementations: bundled word vectors (createWordVectorEncoder); a sentence-embedding
 * model could sit behind the same interface. The index calibrates each encoder per pack
 * and leaves it out where it cannot tell entries apart.
 */
export interface SemanticEncoder {
  readonly dim: number;
  /** A unit vector for the text, or null when the encoder knows none of its words. */
  encode(text: string): Float32Array | null;
}

/**
 * A word-vector table, int8-quantised: `vectors` holds `dim` values per word, word i's
 * real vector is `vectors[i*dim…] * scales[i]`. Words are in order of frequency in the
 * corpus the vectors were trained on; `ranks[i]` is that frequency rank (0 = most common).
 */
export interface WordVectorTable {
  dim: number;
  words: readonly string[];
  ranks: Uint32Array;
  scales: Float32Array;
  vectors: Int8Array;
}

/**
 * The words of a text as the vectors know them: lower case, letters and digits. Cheaper
 * than the matcher's full normalisation, which matters when a 10,000-entry pack is encoded.
 */
function wordsOf(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/['’]/g, '')
      .match(/[a-z][a-z0-9]*/g) ?? []
  );
}

/** SIF weighting (Arora et al. 2017): a word of corpus probability p counts a / (a + p). */
const SIF_A = 1e-3;
/** Zipf's law for a vocabulary of a few hundred thousand words: p(rank r) ≈ 1 / (r · ln N). */
const ZIPF_NORMALISER = 12.7;

/**
 * Encodes text as the SIF-weighted mean of its words' vectors (stop words aside, common
 * words weighing less), normalised to unit length.
 */
export function createWordVectorEncoder(table: WordVectorTable): SemanticEncoder {
  const { dim, vectors, scales, ranks } = table;
  const slot = new Map<string, number>();
  table.words.forEach((word, i) => slot.set(word, i));
  const weightOf = (i: number) => SIF_A / (SIF_A + 1 / (ZIPF_NORMALISER * (ranks[i]! + 1)));
  return {
    dim,
    encode(text) {
      const sum = new Float32Array(dim);
      let found = 0;
      for (const word of wordsOf(text)) {
        if (STOPWORDS.has(word)) continue;
        const i = slot.get(word);
        if (i === undefined) continue;
        const factor = weightOf(i) * scales[i]!;
        const offset = i * dim;
        for (let d = 0; d < dim; d++) sum[d]! += vectors[offset + d]! * factor;
        found++;
      }
      return found ? unit(sum) : null;
    },
  };
}

/**
 * The control an encoder is measured against: each word a fixed pseudo-random vector, so
 * texts are close only through the words they share. An encoder that does no better than
 * this knows nothing beyond shared words and is left out.
 */
export function createSharedWordControl(dim: number): SemanticEncoder {
  const cache = new Map<string, Float32Array>();
  const vectorOf = (word: string) => {
    let vector = cache.get(word);
    if (!vector) {
      let state = 2166136261;
      for (let i = 0; i < word.length; i++) state = Math.imul(state ^ word.charCodeAt(i), 16777619);
      vector = Float32Array.from({ length: dim }, () => {
        state = Math.imul(state ^ (state >>> 13), 0x5bd1e995) ^ 0x9e3779b9;
        return ((state >>> 0) / 4294967296) * 2 - 1;
      });
      cache.set(word, vector);
    }
    return vector;
  };
  return {
    dim,
    encode(text) {
      const sum = new Float32Array(dim);
      let found = 0;
      for (const word of wordsOf(text)) {
        if (STOPWORDS.has(word)) continue;
        const vector = vectorOf(word);
        for (let d = 0; d < dim; d++) sum[d]! += vector[d]!;
        found++;
      }
      return found ? unit(sum) : null;
    },
  };
}

function unit(vector: Float32Array): Float32Array | null {
  let norm = 0;
  for (const value of vector) norm += value * value;
  if (norm === 0) return null;
  const scale = 1 / Math.sqrt(norm);
  for (let d = 0; d < vector.length; d++) vector[d]! *= scale;
  return vector;
}

/** Cosine of two unit vectors. */
export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let d = 0; d < a.length; d++) dot += a[d]! * b[d]!;
  return dot;
}

/**
 * The binary layout of a word-vector table, as `scripts/build-word-vectors.ts` writes it:
 * a JSON header line ({dim, count}) and newline, the words joined by newlines and a
 * newline, then (4-byte aligned) ranks as uint32, scales as float32 and the int8 vectors.
 */
export function decodeWordVectorTable(bytes: Uint8Array): WordVectorTable {
  const decoder = new TextDecoder();
  const headerEnd = bytes.indexOf(10);
  const { dim, count } = JSON.parse(decoder.decode(bytes.subarray(0, headerEnd))) as { dim: number; count: number };
  let at = headerEnd + 1;
  const words: string[] = [];
  let start = at;
  while (words.length < count) {
    if (bytes[at] === 10) {
      words.push(decoder.decode(bytes.subarray(start, at)));
      start = at + 1;
    }
    at++;
  }
  at = Math.ceil(at / 4) * 4;
  // Uint8Array's own slice copies (a Node Buffer's slice would share a larger pool).
  const copy = (length: number) => Uint8Array.prototype.slice.call(bytes, at, (at += length)).buffer;
  const ranks = new Uint32Array(copy(count * 4));
  const scales = new Float32Array(copy(count * 4));
  const vectors = new Int8Array(copy(count * dim));
  return { dim, words, ranks, scales, vectors };
}

/** The inverse of decodeWordVectorTable. */
export function encodeWordVectorTable(table: WordVectorTable): Uint8Array {
  const encoder = new TextEncoder();
  const head = encoder.encode(
    `${JSON.stringify({ dim: table.dim, count: table.words.length })}\n${table.words.join('\n')}\n`,
  );
  const padded = Math.ceil(head.length / 4) * 4;
  const out = new Uint8Array(padded + table.words.length * 8 + table.vectors.length);
  out.set(head);
  out.set(new Uint8Array(table.ranks.buffer, table.ranks.byteOffset, table.ranks.byteLength), padded);
  out.set(
    new Uint8Array(table.scales.buffer, table.scales.byteOffset, table.scales.byteLength),
    padded + table.words.length * 4,
  );
  out.set(
    new Uint8Array(table.vectors.buffer, table.vectors.byteOffset, table.vectors.byteLength),
    padded + table.words.length * 8,
  );
  return out;
}
