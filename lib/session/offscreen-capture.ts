import type { Channel, RuntimeMessage, SessionEvent } from '../messaging/runtime-messages';
import type { RecognitionReply, WorkerRequest } from '../messaging/worker-messages';
import type { AudioTap } from '../platform/web-audio-capture';
import { closeRecord, createLineSaver } from './capture-record';
import {
  feedAudio,
  startCapture,
  stopAudio,
  type CaptureSession,
  type StartMessage,
  type StopReason,
} from './capture-session';
import type { SessionDb } from './session-db';
import { finalLine } from './final-line';
import { createModelLoader } from './model-loader';
import { partialEvent, recognitionEvent } from './recognition-events';
import { createWorkerFlush } from './worker-flush';

export interface OffscreenPlatform {
  openTabStream(streamId: string): Promise<MediaStream>;
  openMicrophone(): Promise<MediaStream>;
  tapAudio(
    stream: MediaStream,
    channel: Channel,
    onChunk: (samples: Float32Array<ArrayBuffer>) => void,
    onEnded: () => void,
  ): Promise<AudioTap>;
  /** Sends to the recognition worker, transferring audio buffers. */
  toWorker: (request: WorkerRequest) => void;
  db: Promise<SessionDb>;
  broadcast: (event: SessionEvent) => void;
  /** Where ONNX Runtime's files and the VAD model are inside the extension. */
  wasmPaths: string;
  vadModelUrl: string;
}

/**
 * The offscreen document's part of a session: open the streams, feed the worker,
 * write every final line to IndexedDB as it arrives, and report to the panel.
 */
export function createOffscreenCapture(platform: OffscreenPlatform) {
  const model = createModelLoader(platform);
  const saveLine = createLineSaver(platform);
  const worker = createWorkerFlush(platform.toWorker);
  let session: CaptureSession | null = null;
  let stopping: Promise<void> | null = null;
  let starting = false;

  const feed = (channel: Channel) => (samples: Float32Array<ArrayBuffer>) => {
    if (session) feedAudio(platform, session, channel, samples);
  };

  async function start(message: StartMessage): Promise<void> {
    if (session || starting) return;
    starting = true;
    try {
      const begin = (current: CaptureSession) => void (session = current);
      await startCapture({ platform, ensureModel: (asr) => model.ensure(asr), feed, begin, stop }, message);
    } finally {
      starting = false;
    }
  }

  function stop(reason: StopReason, message?: string): Promise<void> {
    if (!session) {
      platform.broadcast({ kind: 'stopped', reason, message });
      return Promise.resolve();
    }
    stopping ??= (async () => {
      const current = session;
      stopAudio(current);
      // Let the worker finish the utterance in progress so its words are not lost.
      await worker.flush();
      session = null;
      await closeRecord(platform, current, reason);
      platform.broadcast({ kind: 'stopped', reason, message });
    })().finally(() => {
      stopping = null;
    });
    return stopping;
  }

  async function onWorkerReply(reply: RecognitionReply): Promise<void> {
    switch (reply.status) {
      case 'partial':
        if (session) platform.broadcast(partialEvent(session.id, reply));
        return;
      case 'final': {
        // Saved, then shown.
        const line = session && finalLine(session, reply, platform.broadcast);
        if (!line) return;
        await saveLine(line);
        platform.broadcast({ kind: 'line', line });
        return;
      }
      case 'flushed':
        worker.flushed();
        return;
      case 'error':
        platform.broadcast({ kind: 'error', message: reply.message, fatal: reply.fatal });
        if (!reply.fatal) return;
        model.forget();
        return stop('error', reply.message);
      default: {
        const event = recognitionEvent(reply);
        if (event) platform.broadcast(event);
      }
    }
  }

  return {
    async handle(message: RuntimeMessage): Promise<void> {
      if (message.type === 'offscreen/start') await start(message);
      else if (message.type === 'offscreen/stop') await stop('user');
    },
    onWorkerReply,
  };
}
