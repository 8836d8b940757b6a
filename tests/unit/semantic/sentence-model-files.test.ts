import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { env, ModelRegistry } from '@huggingface/transformers';
import { describe, expect, it } from 'vitest';
import { downloadModel, hubFileUrl } from '@/lib/asr/model-download';
import {
  assertSentenceModelStored,
  SENTENCE_MODEL,
  sentenceModelFiles,
  sentenceModelLocation,
} from '@/lib/semantic/sentence-model';
import { fakeHost, memoryDownloadStore } from '../../fakes/model-host';

describe('the files the sentence model needs', () => {
  it('are the files transformers.js reads for feature extraction, at each precision', async () => {
    const before = { localModelPath: env.localModelPath, allowRemoteModels: env.allowRemoteModels };
    env.localModelPath = resolve('tests/fixtures/models') + '/';
    env.allowRemoteModels = false;
    try {
      for (const dtype of ['q8', 'fp32'] as const) {
        const library = await ModelRegistry.get_pipeline_files('feature-extraction', 'all-MiniLM-L6-v2', {
          dtype,
          device: 'wasm',
        });
        expect([...sentenceModelFiles(dtype)].sort()).toEqual([...library].sort());
      }
    } finally {
      Object.assign(env, before);
    }
  });

  it("download through the speech model's path: every file stored whole, under the address transformers.js reads", async () => {
    const files = sentenceModelFiles('q8');
    // The real text files; stand-in bytes for the weights.
    const body = (file: string) =>
      file.endsWith('.json')
        ? new Uint8Array(readFileSync(`tests/fixtures/models/all-MiniLM-L6-v2/${file}`))
        : Uint8Array.from({ length: 50_000 }, (_, k) => k % 251);
    const bodies = Object.fromEntries(files.map((file) => [hubFileUrl(SENTENCE_MODEL, file), body(file)]));
    const { store } = memoryDownloadStore();
    await downloadModel({ hubId: SENTENCE_MODEL, files, fetch: fakeHost(bodies).fetch, store });
    for (const file of files)
      expect(await store.storedSize(hubFileUrl(SENTENCE_MODEL, file))).toBe(
        bodies[hubFileUrl(SENTENCE_MODEL, file)]!.length,
      );
  });
});

describe('the sentence model before a session loads it', () => {
  it('must be stored by Get ready, file by file, under the hub addresses', async () => {
    const stored = new Set(sentenceModelLocation().files.map((file) => hubFileUrl(SENTENCE_MODEL, file)));
    const cache = { match: async (url: string) => (stored.has(url) ? new Response('x') : undefined) };
    await expect(assertSentenceModelStored(cache)).resolves.toBeUndefined();
    stored.delete(hubFileUrl(SENTENCE_MODEL, 'onnx/model_quantized.onnx'));
    await expect(assertSentenceModelStored(cache)).rejects.toThrow('The sentence model is not downloaded yet');
  });
});
