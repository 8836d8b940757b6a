import type { RunDevice } from '../messaging/runtime-messages';
import { workerReplySchema, type ModelRequest, type WorkerReply } from '../messaging/worker-messages';
import { createTranscriberPool, type TranscriberPool } from './transcriber-pool';
import type { Transcriber, Transcription } from './whisper-transcriber';

type LoadRequest = Extract<ModelRequest, { type: 'load' }>;

/** The recognition worker's end of one model worker (a `Worker` in the extension, a fake in tests). */
export interface ModelWorkerPort {
  post(request: ModelRequest, transfer?: Transferable[]): void;
  /** Every message the model worker sends, and its death (an uncaught error, a crash). */
  listen(onMessage: (data: unknown) => void, onCrash: (message: string) => void): void;
  terminate(): void;
}

export interface RemoteTranscriberOptions {
  /** Load progress and warnings, passed on to the session as the recognition worker's own. */
  forward(reply: WorkerReply): void;
  /** The model worker died: the session ends, as when the recognition worker itself crashes. */
  onCrash(message: string): void;
}

/** What the session is told when a worker dies (the same words as for the recognition worker). */
export const crashMessage = (detail: string) => `The recognition worker crashed (${detail}).`;

interface Pending {
  resolve: (transcription: Transcription) => void;
  reject: (error: Error) => void;
}

/**
 * Loads the speech model in a model worker and decodes through it: a `Transcriber` like the
 * in-worker one, so the engine does not know where the model runs. A worker that dies fails the
 * load or every decode in flight (and later ones) with the crash message, and says so once.
 */
export function loadRemoteTranscriber(
  port: ModelWorkerPort,
  load: LoadRequest,
  options: RemoteTranscriberOptions,
): Promise<Transcriber & { runDevice: RunDevice }> {
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let crashed: Error | null = null;
  return new Promise((resolveLoad, rejectLoad) => {
    const transcriber = (device: RunDevice, warmUpMs: number) => ({
      device,
      runDevice: device,
      warmUpMs,
      transcribe(audio: Float32Array): Promise<Transcription> {
        if (crashed) return Promise.reject(crashed);
        const id = nextId++;
        // A copy is sent: the caller's buffer stays usable.
        const copy = audio.slice();
        return new Promise<Transcription>((resolve, reject) => {
          pending.set(id, { resolve, reject });
          port.post({ type: 'transcribe', id, audio: copy }, [copy.buffer]);
        });
      },
      dispose() {
        port.terminate();
        return Promise.resolve();
      },
    });
    const settle = (id: number, outcome: (entry: Pending) => void) => {
      const entry = pending.get(id);
      pending.delete(id);
      if (entry) outcome(entry);
    };
    port.listen(
      (data) => {
        const parsed = workerReplySchema.safeParse(data);
        if (!parsed.success) return;
        const reply = parsed.data;
        if (reply.status === 'model-ready') resolveLoad(transcriber(reply.device, reply.warmUpMs));
        else if (reply.status === 'transcribed') settle(reply.id, ({ resolve }) => resolve(reply));
        else if (reply.status === 'transcribe-failed')
          settle(reply.id, ({ reject }) => reject(new Error(reply.message)));
        else if (reply.status === 'error' && reply.fatal) rejectLoad(new Error(reply.message));
        else options.forward(reply);
      },
      (detail) => {
        if (crashed) return;
        crashed = new Error(crashMessage(detail));
        rejectLoad(crashed);
        for (const { reject } of pending.values()) reject(crashed);
        pending.clear();
        options.onCrash(crashed.message);
      },
    );
    port.post(load);
  });
}

/**
 * Loads the model in every model worker at once and pools them. If one load fails, every worker
 * is ended (no copy of the model is left behind) and that failure is the load's.
 */
export async function loadRemotePool(
  ports: readonly ModelWorkerPort[],
  load: LoadRequest,
  options: RemoteTranscriberOptions,
): Promise<TranscriberPool & { runDevice: RunDevice }> {
  const loads = await Promise.allSettled(ports.map((port) => loadRemoteTranscriber(port, load, options)));
  const failed = loads.find((outcome) => outcome.status === 'rejected');
  if (failed) {
    for (const port of ports) port.terminate();
    throw failed.reason;
  }
  const members = loads.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
  return { ...createTranscriberPool(members), runDevice: members[0]!.runDevice };
}
