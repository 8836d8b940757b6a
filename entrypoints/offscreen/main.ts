import workletUrl from './capture-worklet.ts?worker&url';
import { parseRuntimeMessage, type SessionEvent } from '@/lib/messaging/runtime-messages';
import { isModelReply, isSentenceReply, workerReplySchema, type WorkerRequest } from '@/lib/messaging/worker-messages';
import { openMicrophone, openTabStream, tapAudio } from '@/lib/platform/web-audio-capture';
import { createWorkerEmbedder } from '@/lib/semantic/worker-embedder';
import { createOffscreenCapture } from '@/lib/session/offscreen-capture';
import { openSessionDb } from '@/lib/session/session-db';

const worker = new Worker(new URL('./recognition.worker.ts', import.meta.url), { type: 'module' });
// The ONNX Runtime files and the VAD model are copied in at build time (wxt.config.ts), so WXT's
// typed list of public paths does not know them.
const extensionUrl = (path: string) => (browser.runtime.getURL as (path: string) => string)(path);

const capture = createOffscreenCapture({
  openTabStream,
  openMicrophone,
  tapAudio: (stream, channel, onChunk, onEnded) => tapAudio(stream, channel, workletUrl, onChunk, onEnded),
  toWorker: (request: WorkerRequest) =>
    request.type === 'audio' ? worker.postMessage(request, [request.samples.buffer]) : worker.postMessage(request),
  db: openSessionDb(),
  broadcast: (event: SessionEvent) => {
    // Nobody may be listening (panel closed): that is fine, the lines are in IndexedDB.
    browser.runtime.sendMessage({ type: 'session/event', event }).catch(() => undefined);
  },
  wasmPaths: extensionUrl('/ort/'),
  vadModelUrl: extensionUrl('/vad/silero_vad_v5.onnx'),
});

const embedder = createWorkerEmbedder((request) => worker.postMessage(request));

worker.onmessage = (event: MessageEvent<unknown>) => {
  const reply = workerReplySchema.safeParse(event.data);
  if (!reply.success) return;
  if (isSentenceReply(reply.data)) embedder.onReply(reply.data);
  else if (!isModelReply(reply.data)) void capture.onWorkerReply(reply.data);
};
worker.onerror = (event) => {
  void capture.onWorkerReply({
    status: 'error',
    message: `The recognition worker crashed (${event.message}).`,
    fatal: true,
  });
};

browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
  // Commands come from the background service worker only (it has no URL of a page).
  if (sender.id !== browser.runtime.id) return false;
  const message = parseRuntimeMessage(raw);
  if (message?.type === 'offscreen/embed') {
    void embedder.answer(message.texts).then(sendResponse);
    return true; // answered asynchronously
  }
  if (message) void capture.handle(message);
  return false;
});
