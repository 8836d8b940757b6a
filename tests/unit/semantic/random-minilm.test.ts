import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { env } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateMatcher, matchCaseSchema, type MatchReport } from '@/lib/dev/evaluate-matcher';
import { semanticRefinement } from '@/lib/dev/evaluate-semantic';
import { parseMarkdownPack } from '@/lib/knowledge/markdown-pack';
import type { KnowledgeEntry } from '@/lib/knowledge/schema';
import { SHIPPED_PACKS } from '@/lib/knowledge/shipped-packs';
import { createQuestionIndex } from '@/lib/match/question-index';
import { createSemanticIndex } from '@/lib/match/semantic-stage';
import { buildSemanticIndex } from '@/lib/semantic/build-semantic-index';
import { loadSentenceEncoder, type LoadedSentenceEncoder } from '@/lib/semantic/sentence-model';
import { ensureRandomMiniLm, GENERATED_MODELS_DIR, RANDOM_MINILM_NAME } from '../../../scripts/generated-models';

/**
 * all-MiniLM-L6-v2's real architecture, config and tokenizer with seeded random weights
 * (scripts/make-minilm-random.py), through transformers.js's real feature-extraction pipeline:
 * what a useless encoder looks like to the semantic stage, which must then change nothing.
 */
let encoder: LoadedSentenceEncoder;

beforeAll(async () => {
  ensureRandomMiniLm();
  env.allowRemoteModels = false;
  env.localModelPath = `${GENERATED_MODELS_DIR}/`;
  encoder = await loadSentenceEncoder({ model: RANDOM_MINILM_NAME, dtype: 'q8', device: 'cpu' });
}, 300_000);
afterAll(() => encoder?.dispose());

const aliases = SHIPPED_PACKS.flatMap((pack) => pack.aliases ?? []);
const casesAt = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => matchCaseSchema.parse(JSON.parse(line)));
const figures = ({ failures: _failures, timingsMs: _timings, ...rest }: MatchReport) => rest;

describe('the random-weights all-MiniLM-L6-v2 through transformers.js (Node, ONNX Runtime CPU)', () => {
  it('has the published file sizes (model.onnx 90.4 MB, model_quantized.onnx 22.9 MB)', () => {
    const megabytes = (file: string) => statSync(join(ensureRandomMiniLm(), 'onnx', file)).size / 1e6;
    expect(megabytes('model.onnx')).toBeCloseTo(90.4, 0);
    expect(megabytes('model_quantized.onnx')).toBeGreaterThan(21);
    expect(megabytes('model_quantized.onnx')).toBeLessThan(24);
  });

  it('gives one 384-d unit vector per text, the same alone as in a padded batch', async () => {
    const texts = ['how does dropout work', 'walk me through how you would design a feature store for a large team'];
    const batch = await encoder.embed(texts);
    const alone = await encoder.embed([texts[0]!]);
    expect(encoder.dim).toBe(384);
    expect(batch.map((vector) => vector.length)).toEqual([384, 384]);
    for (const vector of batch) expect(Math.hypot(...vector)).toBeCloseTo(1, 4);
    // The short text is padded in the batch: the attention mask keeps its vector (q8 rounding aside,
    // whose activation scale is read over the whole batch) far closer to itself than to another text.
    const cosine = (a: Float32Array, b: Float32Array) => a.reduce((sum, value, i) => sum + value * b[i]!, 0);
    const drift = 1 - cosine(alone[0]!, batch[0]!);
    expect(drift).toBeLessThan(1e-3);
    expect(drift).toBeLessThan((1 - cosine(batch[0]!, batch[1]!)) / 20);
  });

  it.each([
    {
      name: 'shipped pack',
      entries: () => SHIPPED_PACKS.flatMap((pack) => pack.entries),
      cases: 'tests/fixtures/match-cases.dev.jsonl',
    },
    {
      name: 'shipped pack without phrasings',
      entries: () => SHIPPED_PACKS.flatMap((pack) => pack.entries).map((entry) => ({ ...entry, phrasings: [] })),
      cases: 'tests/fixtures/match-cases.dev.jsonl',
    },
    {
      name: 'SRE development pack',
      entries: () => parseMarkdownPack(readFileSync('tests/fixtures/dev/sre/pack.md', 'utf8')).entries,
      cases: 'tests/fixtures/dev/sre/cases.jsonl',
    },
  ])(
    '$name: the calibration abstains and no figure changes with the encoder on',
    async ({ entries: entriesOf, cases: casesPath }) => {
      const entries: KnowledgeEntry[] = entriesOf();
      const { index: semantic } = await buildSemanticIndex([{ id: 'dev', entries }], encoder);
      expect(semantic.calibration.usable).toBe(false);

      const lexicalIndex = createQuestionIndex(entries, { aliases });
      const known = new Set(entries.map((entry) => entry.question));
      const cases = casesAt(casesPath);
      const refinement = await semanticRefinement(lexicalIndex, cases, {}, encoder, semantic);
      const lexical = evaluateMatcher(lexicalIndex, known, cases);
      const withEncoder = evaluateMatcher(lexicalIndex, known, cases, {}, refinement.refine);
      expect(refinement.decisions.abstain).toBe(cases.length);
      expect(figures(withEncoder)).toEqual(figures(lexical));
    },
    300_000,
  );

  it('would be used if its vectors set entries apart (the abstention is the weights, not the wiring)', async () => {
    // The same pack with each entry given its own direction: the calibration then finds room.
    const entries = SHIPPED_PACKS.flatMap((pack) => pack.entries).slice(0, 40);
    const spread = createSemanticIndex(
      'spread',
      entries.map((entry, i) => ({ entry, vectors: [Float32Array.from({ length: 40 }, (_, k) => (k === i ? 1 : 0))] })),
    );
    expect(spread.calibration.usable).toBe(true);
  });
});
