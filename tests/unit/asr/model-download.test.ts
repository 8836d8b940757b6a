import { resolve } from 'node:path';
import { env, ModelRegistry } from '@huggingface/transformers';
import { describe, expect, it } from 'vitest';
import {
  downloadModel,
  hubFileUrl,
  ModelDownloadError,
  TRANSFORMERS_CACHE_NAME,
  whisperFiles,
} from '@/lib/asr/model-download';
import { dtypeFor } from '@/lib/asr/whisper-models';
import { fakeHost, memoryDownloadStore } from '../../fakes/model-host';

const HUB = 'onnx-community/whisper-tiny.en';
const FILES = ['config.json', 'onnx/encoder_model_quantized.onnx'];
const config = new TextEncoder().encode('{"model_type":"whisper"}');
const weights = Uint8Array.from({ length: 25_000 }, (_, i) => (i * 7) % 251);
const bodies = { [hubFileUrl(HUB, FILES[0]!)]: config, [hubFileUrl(HUB, FILES[1]!)]: weights };

async function bytesOf(blob: Blob | undefined) {
  return new Uint8Array(await blob!.arrayBuffer());
}

describe('the files a speech model needs', () => {
  it('are the files transformers.js reads for speech recognition, on each device', async () => {
    const before = { localModelPath: env.localModelPath, allowRemoteModels: env.allowRemoteModels };
    env.localModelPath = resolve('tests/fixtures/models') + '/';
    env.allowRemoteModels = false;
    try {
      for (const model of ['whisper-tiny.en', 'moonshine-tiny']) {
        for (const device of ['wasm', 'webgpu'] as const) {
          const library = await ModelRegistry.get_pipeline_files('automatic-speech-recognition', model, {
            dtype: dtypeFor(device),
            device,
          });
          expect([...whisperFiles(device)].sort(), `${model} on ${device}`).toEqual([...library].sort());
        }
      }
    } finally {
      Object.assign(env, before);
    }
  });

  it('are stored where transformers.js looks for them in the browser', () => {
    expect(TRANSFORMERS_CACHE_NAME).toBe(env.cacheKey);
    expect(hubFileUrl(HUB, 'config.json')).toBe(
      `${env.remoteHost}${env.remotePathTemplate.replace('{model}', HUB).replace('{revision}', 'main')}config.json`,
    );
  });
});

describe('downloadModel', () => {
  it('stores every file whole and reports progress up to the total', async () => {
    const { store, files } = memoryDownloadStore();
    const host = fakeHost(bodies);
    const progress: number[] = [];
    await downloadModel({
      hubId: HUB,
      files: FILES,
      fetch: host.fetch,
      store,
      onProgress: (p) => progress.push(p.loaded),
    });
    expect(await bytesOf(files.get(hubFileUrl(HUB, FILES[1]!)))).toEqual(weights);
    expect(progress.at(-1)).toBe(config.length + weights.length);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('resumes a dropped file from the bytes it kept, asking only for the rest', async () => {
    const { store, files, parts } = memoryDownloadStore();
    const host = fakeHost(bodies, { dropAfter: 12_000 });
    const request = { hubId: HUB, files: FILES, fetch: host.fetch, store, partBytes: 4_000 };
    await expect(downloadModel(request)).rejects.toThrow('network error');
    const kept = parts.get(hubFileUrl(HUB, FILES[1]!))!.reduce((sum, part) => sum + part.size, 0);
    // At least the parts kept before the drop, never more than arrived.
    expect(kept).toBeGreaterThanOrEqual(4_000);
    expect(kept).toBeLessThanOrEqual(12_000);

    await downloadModel(request);
    const weightRequests = host.requests.filter((r) => r.url.endsWith('.onnx'));
    expect(weightRequests.map((r) => r.range)).toEqual([null, `bytes=${kept}-`]);
    // config.json was complete after the first attempt: not fetched again.
    expect(host.requests.filter((r) => r.url.endsWith('config.json'))).toHaveLength(1);
    expect(await bytesOf(files.get(hubFileUrl(HUB, FILES[1]!)))).toEqual(weights);
    expect(parts.size).toBe(0);
  });

  it('keeps what arrived when cancelled, and resumes from it', async () => {
    const { store, files, parts } = memoryDownloadStore();
    const host = fakeHost(bodies);
    const controller = new AbortController();
    const request = {
      hubId: HUB,
      files: FILES,
      fetch: host.fetch,
      store,
      partBytes: 1_000,
      signal: controller.signal,
      onProgress: (p: { loaded: number }) => {
        if (p.loaded > config.length + 5_000) controller.abort('cancelled');
      },
    };
    await expect(downloadModel(request)).rejects.toBe('cancelled');
    const kept = parts.get(hubFileUrl(HUB, FILES[1]!))!.reduce((sum, part) => sum + part.size, 0);
    expect(kept).toBeGreaterThan(5_000);

    await downloadModel({ ...request, signal: undefined, onProgress: undefined });
    expect(host.requests.at(-1)!.range).toBe(`bytes=${kept}-`);
    expect(await bytesOf(files.get(hubFileUrl(HUB, FILES[1]!)))).toEqual(weights);
  });

  it('starts a file over when the host ignores the range and sends it whole', async () => {
    const { store, files } = memoryDownloadStore();
    await expect(
      downloadModel({
        hubId: HUB,
        files: FILES,
        fetch: fakeHost(bodies, { dropAfter: 9_000 }).fetch,
        store,
        partBytes: 3_000,
      }),
    ).rejects.toThrow();
    await downloadModel({ hubId: HUB, files: FILES, fetch: fakeHost(bodies, { ignoreRange: true }).fetch, store });
    expect(await bytesOf(files.get(hubFileUrl(HUB, FILES[1]!)))).toEqual(weights);
  });

  it('refuses a web page served in place of a file, and keeps nothing of it', async () => {
    const { store, files, parts } = memoryDownloadStore();
    const page = new TextEncoder().encode('<!DOCTYPE html><html><body>Sign in</body></html>');
    const host = fakeHost({ ...bodies, [hubFileUrl(HUB, FILES[1]!)]: page });
    await expect(downloadModel({ hubId: HUB, files: FILES, fetch: host.fetch, store })).rejects.toThrow(
      ModelDownloadError,
    );
    await expect(downloadModel({ hubId: HUB, files: FILES, fetch: host.fetch, store })).rejects.toThrow(/web page/);
    expect(files.has(hubFileUrl(HUB, FILES[1]!))).toBe(false);
    expect(parts.size).toBe(0);
  });

  it('accepts a compressed transfer, whose announced length is shorter than the file', async () => {
    const { store, files } = memoryDownloadStore();
    await downloadModel({
      hubId: HUB,
      files: FILES,
      fetch: fakeHost(bodies, { announced: (length) => Math.ceil(length / 3) }).fetch,
      store,
    });
    expect(await bytesOf(files.get(hubFileUrl(HUB, FILES[0]!)))).toEqual(config);
  });

  it('says which file the host refused', async () => {
    const { store } = memoryDownloadStore();
    const host = fakeHost(bodies, { status: (url) => (url.endsWith('.onnx') ? 503 : undefined) });
    await expect(downloadModel({ hubId: HUB, files: FILES, fetch: host.fetch, store })).rejects.toThrow(
      'the model host answered 503 for onnx/encoder_model_quantized.onnx',
    );
  });
});
