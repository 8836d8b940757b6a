import { describe, expect, it } from 'vitest';
import type { SentenceEncoder } from '@/lib/match/sentence-encoder';
import { parseEmbedReply } from '@/lib/messaging/runtime-messages';
import {
  isSentenceReply,
  workerReplySchema,
  workerRequestSchema,
  type WorkerReply,
} from '@/lib/messaging/worker-messages';
import { createSentenceHost } from '@/lib/semantic/sentence-host';
import { createWorkerEmbedder } from '@/lib/semantic/worker-embedder';

/** Each text's vector is [its length, 1]: enough to see which answer went with which request. */
function fakeEncoder(): SentenceEncoder & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    id: 'fake@q8',
    dim: 2,
    calls,
    async embed(texts) {
      calls.push([...texts]);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return texts.map((text) => Float32Array.of(text.length, 1));
    },
  };
}

describe('sentence host (recognition worker)', () => {
  it('loads the model once for requests that arrive together and answers each by its id, validated', async () => {
    const encoder = fakeEncoder();
    let loads = 0;
    const posted: WorkerReply[] = [];
    const host = createSentenceHost({
      loadEncoder: async () => {
        loads++;
        return encoder;
      },
      post: (reply) => posted.push(workerReplySchema.parse(reply)),
    });
    const requests = [
      workerRequestSchema.parse({ type: 'embed', id: 7, texts: ['a', 'bbb'] }),
      workerRequestSchema.parse({ type: 'embed', id: 8, texts: ['cc'] }),
    ];
    await Promise.all(requests.map((request) => host.handle(request as Extract<typeof request, { type: 'embed' }>)));
    expect(loads).toBe(1);
    expect(posted).toEqual([
      { status: 'vectors', id: 7, vectors: [Float32Array.of(1, 1), Float32Array.of(3, 1)] },
      { status: 'vectors', id: 8, vectors: [Float32Array.of(2, 1)] },
    ]);
  });

  it('answers a failed load as failed, and loads again at the next request', async () => {
    const posted: WorkerReply[] = [];
    let loads = 0;
    const host = createSentenceHost({
      loadEncoder: async () => {
        if (loads++ === 0) throw new Error('no model in the cache');
        return fakeEncoder();
      },
      post: (reply) => posted.push(reply),
    });
    await host.handle({ type: 'embed', id: 1, texts: ['x'] });
    await host.handle({ type: 'embed', id: 2, texts: ['x'] });
    expect(posted).toEqual([
      { status: 'embed-failed', id: 1, message: 'no model in the cache' },
      { status: 'vectors', id: 2, vectors: [Float32Array.of(1, 1)] },
    ]);
  });

  it('refuses an embed with no texts', () => {
    expect(workerRequestSchema.safeParse({ type: 'embed', id: 1, texts: [] }).success).toBe(false);
  });
});

describe('worker embedder (offscreen document)', () => {
  it('matches replies to requests by id through the real host, answering the background with plain arrays', async () => {
    // Host and embedder answer each other: the embedder's sender reaches the host only once both exist.
    const embedder = createWorkerEmbedder((request) => void host.handle(request));
    const host = createSentenceHost({
      loadEncoder: async () => fakeEncoder(),
      post: (reply) => {
        if (isSentenceReply(reply)) embedder.onReply(reply);
      },
    });
    const [first, second] = await Promise.all([embedder.answer(['four']), embedder.answer(['sixsix', 'x'])]);
    expect(parseEmbedReply(first)).toEqual({ ok: true, vectors: [[4, 1]] });
    expect(parseEmbedReply(second)).toEqual({
      ok: true,
      vectors: [
        [6, 1],
        [1, 1],
      ],
    });
  });

  it('answers a failure as a reply the background can read, never leaving it waiting', async () => {
    const embedder = createWorkerEmbedder((request) =>
      queueMicrotask(() => embedder.onReply({ status: 'embed-failed', id: request.id, message: 'model missing' })),
    );
    expect(parseEmbedReply(await embedder.answer(['q']))).toEqual({ ok: false, message: 'model missing' });
  });
});
