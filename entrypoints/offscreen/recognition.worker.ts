// The recognition worker: VAD + Whisper, off the offscreen document's main thread.
import { env, pipeline } from '@huggingface/transformers';
import * as ort from 'onnxruntime-web/webgpu';
import { Silero } from '@ricky0123/vad-web/dist/models/silero';
import { RecentAudioBuffer } from '@/lib/audio/recent-audio-buffer';
import { chooseDevice, type GpuLike } from '@/lib/asr/choose-device';
import { loadWithFallback } from '@/lib/asr/load-with-fallback';
import { listModelFolders, localModelCache } from '@/lib/asr/model-store';
import { createRecognitionEngine, type RecognitionEngine } from '@/lib/asr/recognition-engine';
import { loadTranscriber } from '@/lib/asr/whisper-transcriber';
import { workerRequestSchema, type WorkerReply, type WorkerRequest } from '@/lib/messaging/worker-messages';

const post = (reply: WorkerReply) => self.postMessage(reply);
/** While the model loads (a first download can take minutes), keep the last 30 s per channel. */
const WHILE_LOADING_SAMPLES = 30 * 16_000;
const waiting = { interviewer: new RecentAudioBuffer(WHILE_LOADING_SAMPLES), candidate: new RecentAudioBuffer(WHILE_LOADING_SAMPLES) };
let engine: RecognitionEngine | null = null;
let loading: Promise<void> | null = null;
let queue: Promise<void> = Promise.resolve();

async function load(request: Extract<WorkerRequest, { type: 'load' }>): Promise<void> {
  const started = performance.now();
  // ONNX Runtime's files ship inside the extension; MV3 forbids loading code from a CDN,
  // and a blob: URL would be blocked by the extension's CSP.
  ort.env.wasm.wasmPaths = request.wasmPaths;
  ort.env.wasm.numThreads = 1;
  env.backends.onnx.wasm!.wasmPaths = request.wasmPaths;
  env.backends.onnx.wasm!.numThreads = 1;
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
  const { value: transcriber, device: used } = await loadWithFallback(device, {
    load: (candidate) =>
      loadTranscriber(pipeline, {
        model: request.model,
        device: candidate,
        dtype,
        onProgress: (progress) => {
          if (progress.status === 'progress') post({ status: 'progress', file: progress.file, loaded: progress.loaded, total: progress.total });
        },
      }),
    async clearCachedModel() {
      const cache = await caches.open(env.cacheKey);
      for (const key of await cache.keys()) if (key.url.includes(request.model)) await cache.delete(key);
    },
    warn: (message) => post({ status: 'error', message, fatal: false }),
  });
  const vadBytes = await (await fetch(request.vadModelUrl)).arrayBuffer();
  const ready = createRecognitionEngine({
    transcriber,
    // vad-web is typed against its own onnxruntime-web version; the runtime API it uses is the same.
    createVad: () => Silero.new(ort as never, async () => vadBytes.slice(0)),
    emit: post,
    segmenter: request.vad,
  });
  post({ status: 'ready', device: used === 'webgpu' ? 'webgpu' : 'wasm', loadMs: performance.now() - started });
  // Catch up on what was said during the load; audio keeps arriving while we do.
  while (waiting.interviewer.samples + waiting.candidate.samples > 0) {
    for (const channel of ['interviewer', 'candidate'] as const) {
      for (const samples of waiting[channel].drain()) await ready.pushAudio(channel, samples);
    }
  }
  engine = ready; // no await between the last check and this: nothing can slip in between
}

async function handle(request: WorkerRequest): Promise<void> {
  switch (request.type) {
    case 'load':
      // Loading runs beside the audio queue, so audio keeps arriving (and is kept) meanwhile.
      void engine?.dispose();
      engine = null;
      loading = load(request).finally(() => {
        loading = null;
      });
      loading.catch((error: unknown) => post({ status: 'error', message: (error as Error).message ?? String(error), fatal: true }));
      return;
    case 'audio':
      if (engine) await engine.pushAudio(request.channel, request.samples);
      else waiting[request.channel].push(request.samples);
      return;
    case 'flush':
      if (loading) await loading.catch(() => undefined);
      if (engine) await engine.flush();
      else post({ status: 'flushed' });
      return;
    default: {
      const unhandled: never = request;
      return unhandled;
    }
  }
}

self.onmessage = (event: MessageEvent<unknown>) => {
  const parsed = workerRequestSchema.safeParse(event.data);
  if (!parsed.success) return;
  const request = parsed.data;
  // One message at a time, in order: audio must reach the VAD in the order it was captured.
  queue = queue
    .then(() => handle(request))
    .catch((error: unknown) => post({ status: 'error', message: (error as Error).message ?? String(error), fatal: false }));
};
