import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateMatcher, matchCaseSchema } from '@/lib/dev/evaluate-matcher';
import type { KnowledgeEntry } from '@/lib/knowledge/schema';
import { parseMarkdownPack } from '@/lib/knowledge/markdown-pack';
import { SHIPPED_PACKS } from '@/lib/knowledge/shipped-packs';
import { normalizeTranscript } from '@/lib/match/normalize-transcript';
import { createQuestionIndex } from '@/lib/match/question-index';
import {
  cosine,
  createWordVectorEncoder,
  decodeWordVectorTable,
  encodeWordVectorTable,
  type WordVectorTable,
} from '@/lib/match/semantic-encoder';

/** Small deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A table of the given words with random int8 vectors: an encoder that knows nothing. */
function randomTable(words: readonly string[], dim = 100, seed = 7): WordVectorTable {
  const next = random(seed);
  return {
    dim,
    words,
    ranks: Uint32Array.from(words, (_, i) => 1000 + i),
    scales: new Float32Array(words.length).fill(1 / 127),
    vectors: Int8Array.from({ length: words.length * dim }, () => Math.round(next() * 254 - 127)),
  };
}

const shipped = SHIPPED_PACKS.flatMap((pack) => pack.entries);
const aliases = SHIPPED_PACKS.flatMap((pack) => pack.aliases ?? []);
const casesAt = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => matchCaseSchema.parse(JSON.parse(line)));
const wordsOf = (texts: readonly string[]) => [
  ...new Set(texts.flatMap((text) => normalizeTranscript(text).split(' ')).filter(Boolean)),
];

describe('word-vector encoder', () => {
  it('round-trips a table through its binary layout, from a Node Buffer too', () => {
    const table = randomTable(['alpha', 'beta', 'gamma'], 4);
    const decoded = decodeWordVectorTable(Buffer.from(encodeWordVectorTable(table)));
    expect(decoded.words).toEqual(['alpha', 'beta', 'gamma']);
    expect([...decoded.vectors]).toEqual([...table.vectors]);
    expect([...decoded.ranks]).toEqual([...table.ranks]);
  });

  it('encodes text as a unit vector, and nothing for words it does not know', () => {
    const encoder = createWordVectorEncoder(randomTable(['alpha', 'beta'], 8));
    const vector = encoder.encode('Alpha and beta')!;
    expect(cosine(vector, vector)).toBeCloseTo(1, 5);
    expect(encoder.encode('nothing known here')).toBeNull();
  });

  // A useless encoder must abstain: the pack's own entries, asked against it, show it cannot tell them apart.
  it.each([
    ['shipped pack, development cases', shipped, 'tests/fixtures/match-cases.dev.jsonl'],
    ['shipped pack, trust cases', shipped, 'tests/fixtures/dev/trust/cases.jsonl'],
    [
      'SRE pack',
      parseMarkdownPack(readFileSync('tests/fixtures/dev/sre/pack.md', 'utf8')).entries,
      'tests/fixtures/dev/sre/cases.jsonl',
    ],
  ] as Array<[string, KnowledgeEntry[], string]>)(
    'a random-vector table changes no figure for the worse: %s',
    (_, entries, casesPath) => {
      const cases = casesAt(casesPath);
      const texts = [
        ...entries.flatMap((entry) => [entry.question, ...entry.phrasings, ...entry.tags, ...entry.outline.keyPoints]),
        ...cases.map((c) => c.utterance),
      ];
      const encoder = createWordVectorEncoder(randomTable(wordsOf(texts)));
      const known = new Set(entries.map((entry) => entry.question));
      const without = evaluateMatcher(createQuestionIndex(entries, { aliases }), known, cases);
      const index = createQuestionIndex(entries, { aliases, encoder });
      const withRandom = evaluateMatcher(index, known, cases);
      expect(index.calibration.semantic?.active).toBe(false);
      expect(withRandom.top1).toBeGreaterThanOrEqual(without.top1);
      expect(withRandom.wrongCardRate).toBeLessThanOrEqual(without.wrongCardRate);
      expect(withRandom.falseHintRate).toBeLessThanOrEqual(without.falseHintRate);
      expect(withRandom.cardOrChip).toBeGreaterThanOrEqual(without.cardOrChip);
      expect(withRandom.chipRate).toBeLessThanOrEqual(without.chipRate);
    },
  );
});
