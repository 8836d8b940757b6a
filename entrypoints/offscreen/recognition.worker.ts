// The recognition worker: VAD + Whisper, off the offscreen document's main thread. What to do
// with loads, audio and flushes is lib/asr/recognition-host; this file loads the models.
import { env, pipeline } from '@huggingface/transformers';
import * as ort from 'onnxruntime-web/webgpu';
import { Silero } from '@ricky0123/vad-web/dist/models/silero';
import { chooseDevice, runtimeFilesFor, type GpuLike } from '@/lib/asr/choose-device';
import { loadWithFallback } from '@/lib/asr/load-with-fallback';
import { listModelFolders, localModelCache } from '@/lib/asr/model-store';
import { createRecognitionEngine, PARTIAL_EVERY_MS } from '@/lib/asr/recognition-engine';
import { catchUpWindowMs } from '@/lib/asr/recognition-pace';
import { createRecognitionHost, type LoadedEngine } from '@/lib/asr/recognition-host';
import { createSentenceHost } from '@/lib/semantic/sentence-host';
import { assertSentenceModelStored, loadSentenceEncoder } from '@/lib/semantic/sentence-model';
import { loadTranscriber } from '@/lib/asr/whisper-transcriber';
import { workerRequestSchema, type WorkerReply, type WorkerRequest } from '@/lib/messaging/worker-messages';

const post = (reply: WorkerReply) => self.postMessage(reply);

/** Loads Whisper and the VAD with transformers.js and ONNX Runtime, as a load request names them. */
async function loadEngine(request: Extract<WorkerRequest, { type: 'load' }>): Promise<LoadedEngine> {
  // Every process-wide setting is written before the first await, so a load that a newer
  // one supersedes can never change the newer one's settings.
  // ONNX Runtime's files ship inside the extension; MV3 forbids loading code from a CDN,
  // and a blob: URL would be blocked by the extension's CSP.
  ort.env.wasm.wasmPaths = request.wasmPaths;
  ort.env.wasm.numThreads = 1;
  env.backends.onnx.wasm!.wasmPaths = request.wasmPaths;
  env.backends.onnx.wasm!.numThreads = 1;
  // With the build named file by file (runtimeFilesFor), transformers.js would otherwise fetch it
  // into a blob: URL, whose import the extension's CSP refuses.
  env.useWasmCache = false;
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
  const vadBytes = await (await fetch(request.vadModelUrl)).arrayBuffer();
  const engine = createRecognitionEngine({
    transcriber,
    // vad-web is typed against its own onnxruntime-web version; the runtime API it uses is the same.
    createVad: () => Silero.new(ort, () => Promise.resolve(vadBytes.slice(0))),
    emit: post,
    segmenter: request.vad,
    backlogMs: () => queuedAudioMs,
  });
  return {
    engine,
    device: used === 'webgpu' ? 'webgpu' : 'wasm',
    catchUpMs: catchUpWindowMs(transcriber.warmUpMs, PARTIAL_EVERY_MS),
  };
}

const host = createRecognitionHost({ loadEngine, post });
const sentences = createSentenceHost({
  async loadEncoder() {
    // From the browser cache Get ready filled. The same process-wide settings as a hub speech
    // model's load, written before the first await.
    env.allowLocalModels = false;
    env.allowRemoteModels = true;
    env.useCustomCache = false;
    // ONNX Runtime's files ship inside the extension (as for the speech model, which may not have loaded yet).
    env.backends.onnx.wasm!.wasmPaths = `${self.location.origin}/ort/`;
    env.backends.onnx.wasm!.numThreads = 1;
    await assertSentenceModelStored(await caches.open(env.cacheKey));
    return loadSentenceEncoder({ device: 'wasm' });
  },
  post,
});
let queue: Promise<void> = Promise.resolve();
/** Audio received and not yet handled (16 kHz samples, as ms): how far recognition is behind. */
let queuedAudioMs = 0;

self.onmessage = (event: MessageEvent<unknown>) => {
  const parsed = workerRequestSchema.safeParse(event.data);
  if (!parsed.success) return;
  const request = parsed.data;
  // Beside recognition's queue: audio never waits for an embedding.
  if (request.type === 'embed') return void sentences.handle(request);
  // One message at a time, in order: audio must reach the VAD in the order it was captured.
  const audioMs = request.type === 'audio' ? request.samples.length / 16 : 0;
  queuedAudioMs += audioMs;
  queue = queue
    .then(() => host.handle(request))
    .catch((error: unknown) =>
      post({ status: 'error', message: (error as Error).message ?? String(error), fatal: false }),
    )
    .finally(() => (queuedAudioMs -= audioMs));
};
