// The recognition worker: VAD + speech model, off the offscreen document's main thread; in the
// arrangements lib/asr/recognition-arrangement allows, the speech model runs in model workers of its
// own (model.worker.ts). What to do with loads, audio and flushes is lib/asr/recognition-host; this
// file loads the models.
import { env } from '@huggingface/transformers';
import * as ort from 'onnxruntime-web/webgpu';
import { Silero } from '@ricky0123/vad-web/dist/models/silero';
import { runtimeFilesFor } from '@/lib/asr/choose-device';
import { modelWorkersFor } from '@/lib/asr/recognition-arrangement';
import { createRecognitionEngine, PARTIAL_EVERY_MS } from '@/lib/asr/recognition-engine';
import { catchUpWindowMs } from '@/lib/asr/recognition-pace';
import { createRecognitionHost, type LoadedEngine } from '@/lib/asr/recognition-host';
import { loadRemotePool, type ModelWorkerPort } from '@/lib/asr/remote-transcriber';
import { createSentenceHost } from '@/lib/semantic/sentence-host';
import { assertSentenceModelStored, loadSentenceEncoder } from '@/lib/semantic/sentence-model';
import {
  workerRequestSchema,
  type ModelRequest,
  type WorkerReply,
  type WorkerRequest,
} from '@/lib/messaging/worker-messages';
import { loadSpeechModel, setShippedRuntime } from './load-speech-model';

const post = (reply: WorkerReply) => self.postMessage(reply);
/** Model workers beside this one: chosen by the cores there are (or fixed by a benchmark build). */
const override: unknown = import.meta.env.WXT_RECOGNITION_WORKERS;
const MODEL_WORKERS = modelWorkersFor(
  navigator.hardwareConcurrency,
  typeof override === 'string' ? override : undefined,
);

/** A model worker, started for one load and ended with its engine. */
function startModelWorker(): ModelWorkerPort {
  const worker = new Worker(new URL('./model.worker.ts', import.meta.url), { type: 'module' });
  return {
    post: (request: ModelRequest, transfer: Transferable[] = []) => worker.postMessage(request, transfer),
    listen(onMessage, onCrash) {
      worker.onmessage = (event: MessageEvent<unknown>) => onMessage(event.data);
      worker.onerror = (event) => onCrash(event.message || 'a model worker stopped');
    },
    terminate: () => worker.terminate(),
  };
}

/** The speech model here, or in model workers of its own; the voice detector always runs here. */
async function loadTranscriberFor(request: Extract<WorkerRequest, { type: 'load' }>) {
  if (MODEL_WORKERS === 0) return { ...(await loadSpeechModel(request, post)), separateRuntime: false };
  // This worker's runtime then runs the voice detector alone, on WASM.
  setShippedRuntime(runtimeFilesFor('wasm', request.wasmPaths));
  const ports = Array.from({ length: MODEL_WORKERS }, startModelWorker);
  const transcriber = await loadRemotePool(ports, request, {
    forward: post,
    onCrash: (message) => post({ status: 'error', message, fatal: true }),
  });
  return { transcriber, device: transcriber.runDevice, separateRuntime: true };
}

/** Loads the speech model and the VAD with transformers.js and ONNX Runtime, as a load request names them. */
async function loadEngine(request: Extract<WorkerRequest, { type: 'load' }>): Promise<LoadedEngine> {
  const { transcriber, device, separateRuntime } = await loadTranscriberFor(request);
  const vadBytes = await (await fetch(request.vadModelUrl)).arrayBuffer();
  const engine = createRecognitionEngine({
    transcriber,
    separateRuntime,
    // vad-web is typed against its own onnxruntime-web version; the runtime API it uses is the same.
    createVad: () => Silero.new(ort, () => Promise.resolve(vadBytes.slice(0))),
    emit: post,
    segmenter: request.vad,
    backlogMs: () => queuedAudioMs,
  });
  return { engine, device, catchUpMs: catchUpWindowMs(transcriber.warmUpMs, PARTIAL_EVERY_MS) };
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
  if (request.type === 'transcribe') return; // a model worker's request, not this worker's
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
