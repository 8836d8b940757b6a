import type { EmbedReply } from '../messaging/runtime-messages';
import type { SentenceReply, SentenceRequest } from '../messaging/worker-messages';

/**
 * The offscreen document's side of the sentence model: `embed` requests to the recognition
 * worker, each matched to its reply by id, and the answer to the background in a runtime
 * message's shape.
 */
export function createWorkerEmbedder(toWorker: (request: SentenceRequest) => void) {
  let nextId = 0;
  const pending = new Map<number, { resolve(vectors: Float32Array[]): void; reject(error: Error): void }>();

  function embed(texts: string[]): Promise<Float32Array[]> {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      toWorker({ type: 'embed', id, texts });
    });
  }

  return {
    embed,
    /** A worker reply to an `embed`; one nobody waits for (a reloaded document's) is dropped. */
    onReply(reply: SentenceReply): void {
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      if (reply.status === 'vectors') waiting.resolve(reply.vectors);
      else waiting.reject(new Error(reply.message));
    },
    /** Answers the background's `offscreen/embed`; a failure is an answer too, never a hang. */
    async answer(texts: string[]): Promise<EmbedReply> {
      try {
        return { ok: true, vectors: (await embed(texts)).map((vector) => Array.from(vector)) };
      } catch (error) {
        return { ok: false, message: (error as Error).message };
      }
    },
  };
}
