import type { RunDevice } from '../messaging/runtime-messages';
import type { ModelRequest, WorkerReply } from '../messaging/worker-messages';
import type { Transcriber } from './whisper-transcriber';

export interface ModelHostDeps {
  /** Loads the speech model a request names (the model worker's transformers.js part). */
  loadTranscriber(
    request: Extract<ModelRequest, { type: 'load' }>,
  ): Promise<{ transcriber: Transcriber; device: RunDevice }>;
  post(reply: WorkerReply): void;
}

/**
 * A model worker's logic: one load, then decodes, each answered with its id. Decodes run one at
 * a time in the transcriber; the recognition worker sends another only when this one is free.
 */
export function createModelHost(deps: ModelHostDeps) {
  let loaded: Promise<Transcriber> | null = null;

  async function load(request: Extract<ModelRequest, { type: 'load' }>): Promise<void> {
    const loading = deps.loadTranscriber(request);
    loaded = loading.then(({ transcriber }) => transcriber);
    try {
      const { transcriber, device } = await loading;
      deps.post({ status: 'model-ready', device, warmUpMs: transcriber.warmUpMs });
    } catch (error) {
      deps.post({ status: 'error', message: (error as Error).message ?? String(error), fatal: true });
    }
  }

  async function transcribe({ id, audio }: Extract<ModelRequest, { type: 'transcribe' }>): Promise<void> {
    try {
      if (!loaded) throw new Error('no speech model is loaded in this worker');
      const { text, encoderMs, decoderMs, tokens } = await (await loaded).transcribe(audio);
      deps.post({ status: 'transcribed', id, text, encoderMs, decoderMs, tokens });
    } catch (error) {
      deps.post({ status: 'transcribe-failed', id, message: (error as Error).message ?? String(error) });
    }
  }

  return {
    handle(request: ModelRequest): Promise<void> {
      switch (request.type) {
        case 'load':
          return load(request);
        case 'transcribe':
          return transcribe(request);
        default: {
          const unhandled: never = request;
          return unhandled;
        }
      }
    },
  };
}
