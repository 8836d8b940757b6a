import type { SentenceEncoder } from '../match/sentence-encoder';
import type { SentenceRequest, WorkerReply } from '../messaging/worker-messages';

export interface SentenceHostDeps {
  /** Loads the sentence model (the worker's transformers.js part). */
  loadEncoder(): Promise<SentenceEncoder>;
  post(reply: WorkerReply): void;
}

/**
 * The recognition worker's sentence-model side: loaded at the first request and kept, one
 * embedding at a time, each answered with its id. It runs beside recognition's queue, so audio
 * never waits for it. A load that fails is answered as failed and tried again at the next request.
 */
export function createSentenceHost(deps: SentenceHostDeps) {
  let encoder: Promise<SentenceEncoder> | undefined;
  let queue: Promise<void> = Promise.resolve();

  async function answer(request: SentenceRequest): Promise<void> {
    try {
      encoder ??= deps.loadEncoder().catch((error: unknown) => {
        encoder = undefined;
        throw error;
      });
      const vectors = await (await encoder).embed(request.texts);
      deps.post({ status: 'vectors', id: request.id, vectors });
    } catch (error) {
      deps.post({ status: 'embed-failed', id: request.id, message: (error as Error)?.message ?? String(error) });
    }
  }

  return {
    /** Queues one request; resolves once it is answered. */
    handle(request: SentenceRequest): Promise<void> {
      queue = queue.then(() => answer(request));
      return queue;
    },
  };
}
