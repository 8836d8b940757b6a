import { pipeline, type FeatureExtractionPipeline } from '@huggingface/transformers';
import { hubFileUrl } from '../asr/model-download';
import type { SentenceEncoder } from '../match/sentence-encoder';

/**
 * The optional sentence model: all-MiniLM-L6-v2 (Apache-2.0, 384-d, 6 layers). Chosen for its
 * size (q8 ≈ 23 MB) and its published retrieval figures: nDCG@10 0.876 on Quora duplicate
 * questions, where BM25 reaches 0.789 — the paraphrase gap the lexical matcher cannot close.
 */
export const SENTENCE_MODEL = 'Xenova/all-MiniLM-L6-v2';
export const SENTENCE_MODEL_DIM = 384;

/** About what Get ready downloads for it (q8 weights, tokenizer, config). */
export const SENTENCE_MODEL_MEGABYTES = 23;

/**
 * The files transformers.js's feature-extraction pipeline reads for the sentence model, for
 * the shared download path (`downloadModel`) to fetch ahead of time. A test compares this list
 * with the library's own (`ModelRegistry.get_pipeline_files`).
 */
export function sentenceModelFiles(dtype: 'q8' | 'fp32' = 'q8'): string[] {
  return [
    'config.json',
    'tokenizer.json',
    'tokenizer_config.json',
    `onnx/model${dtype === 'q8' ? '_quantized' : ''}.onnx`,
  ];
}

/** Where Get ready fetches the sentence model from (one model, one precision, whatever the device). */
export function sentenceModelLocation(): { source: 'hub'; hubId: string; files: string[] } {
  return { source: 'hub', hubId: SENTENCE_MODEL, files: sentenceModelFiles('q8') };
}

/**
 * Refuses unless Get ready stored every file of the sentence model (in transformers.js's
 * browser cache, under the addresses it asks for): a session never downloads it on its own.
 */
export async function assertSentenceModelStored(cache: { match(url: string): Promise<unknown> }): Promise<void> {
  const { hubId, files } = sentenceModelLocation();
  for (const file of files) {
    if (!(await cache.match(hubFileUrl(hubId, file))))
      throw new Error('The sentence model is not downloaded yet: Settings → Understand paraphrases → Get ready.');
  }
}

/** Texts per model call: a batch amortises the per-call overhead without large padded tensors. */
const BATCH = 32;

export interface LoadedSentenceEncoder extends SentenceEncoder {
  dispose(): Promise<void>;
}

export interface SentenceModelOptions {
  /** Hub id, or a folder under transformers.js's `env.localModelPath`. */
  model?: string;
  dtype?: 'q8' | 'fp32';
  /** 'wasm' in the extension, 'cpu' (onnxruntime-node) in Node tools and tests. */
  device?: 'wasm' | 'cpu';
}

/**
 * Loads a sentence model through transformers.js's feature-extraction pipeline: mean pooling
 * over the tokens, then unit length, as sentence-transformers defines the model's output.
 */
export async function loadSentenceEncoder({
  model = SENTENCE_MODEL,
  dtype = 'q8',
  device = 'wasm',
}: SentenceModelOptions = {}): Promise<LoadedSentenceEncoder> {
  const extractor: FeatureExtractionPipeline = await pipeline('feature-extraction', model, { dtype, device });
  const config = extractor.model.config as unknown as { hidden_size?: number };
  const dim = config.hidden_size ?? SENTENCE_MODEL_DIM;
  return {
    id: `${model}@${dtype}`,
    dim,
    async embed(texts) {
      const vectors: Float32Array[] = [];
      for (let start = 0; start < texts.length; start += BATCH) {
        const output = await extractor(texts.slice(start, start + BATCH), {
          pooling: 'mean',
          normalize: true,
        });
        const data = output.data as Float32Array;
        for (let row = 0; row < output.dims[0]!; row++) vectors.push(data.slice(row * dim, (row + 1) * dim));
      }
      return vectors;
    },
    dispose: () => extractor.dispose(),
  };
}
