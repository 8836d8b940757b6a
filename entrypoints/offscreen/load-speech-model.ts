// The speech model's load with transformers.js, shared by the recognition worker (one worker) and
// the model workers (recognition across workers): each runs it in its own ONNX Runtime.
import { env, pipeline } from '@huggingface/transformers';
import * as ort from 'onnxruntime-web/webgpu';
import { chooseDevice, runtimeFilesFor, type GpuLike } from '@/lib/asr/choose-device';
import { loadWithFallback } from '@/lib/asr/load-with-fallback';
import { listModelFolders, localModelCache } from '@/lib/asr/model-store';
import { loadTranscriber, type Transcriber } from '@/lib/asr/whisper-transcriber';
import type { RunDevice } from '@/lib/messaging/runtime-messages';
import type { ModelRequest, WorkerReply } from '@/lib/messaging/worker-messages';

/** Sets this worker's ONNX Runtime to one thread and the files inside the extension. */
export function setShippedRuntime(wasmPaths: ReturnType<typeof runtimeFilesFor>): void {
  // ONNX Runtime's files ship inside the extension; MV3 forbids loading code from a CDN,
  // and a blob: URL would be blocked by the extension's CSP.
  ort.env.wasm.wasmPaths = wasmPaths;
  ort.env.wasm.numThreads = 1;
  env.backends.onnx.wasm!.wasmPaths = wasmPaths;
  env.backends.onnx.wasm!.numThreads = 1;
  // With the build named file by file (runtimeFilesFor), transformers.js would otherwise fetch it
  // into a blob: URL, whose import the extension's CSP refuses.
  env.useWasmCache = false;
}

/** Loads the speech model a load request names, on the device it asks for (falling back to WASM). */
export async function loadSpeechModel(
  request: Extract<ModelRequest, { type: 'load' }>,
  post: (reply: WorkerReply) => void,
): Promise<{ transcriber: Transcriber; device: RunDevice }> {
  // Every process-wide setting is written before the first await, so a load that a newer
  // one supersedes can never change the newer one's settings.
  setShippedRuntime(request.wasmPaths);
  let dtype: 'fp32' | 'q8' | undefined;
  if (request.source === 'local') {
    // Served from IndexedDB by the custom cache; the local path itself is never fetched.
    env.allowLocalModels = true;
    env.allowRemoteModels = false;
    env.useCustomCache = true;
    env.customCache = localModelCache(request.model);
    dtype = (await listModelFolders()).find((folder) => folder.name === request.model)?.dtype;
  } else {
    env.allowLocalModels = false;
    env.allowRemoteModels = true;
    env.useCustomCache = false;
  }
  const device = await chooseDevice(request.device, (navigator as Navigator & { gpu?: GpuLike }).gpu);
  // The build needs the device, so it is the one setting written after an await: the runtime reads
  // it once per worker, at its first session, which no load has created yet at this point.
  ort.env.wasm.wasmPaths = env.backends.onnx.wasm!.wasmPaths = runtimeFilesFor(device, request.wasmPaths);
  const { value: transcriber, device: used } = await loadWithFallback(device, {
    load: (candidate) =>
      loadTranscriber(pipeline, {
        model: request.model,
        device: candidate,
        dtype,
        onProgress: (progress) => {
          if (progress.status === 'progress')
            post({ status: 'progress', file: progress.file, loaded: progress.loaded, total: progress.total });
        },
      }),
    async clearCachedModel() {
      const cache = await caches.open(env.cacheKey);
      for (const key of await cache.keys()) if (key.url.includes(request.model)) await cache.delete(key);
    },
    warn: (message) => post({ status: 'error', message, fatal: false }),
  });
  return { transcriber, device: used === 'webgpu' ? 'webgpu' : 'wasm' };
}
