import { browser } from 'wxt/browser';
import type { SentenceEncoder } from '../match/sentence-encoder';
import { parseEmbedReply, type RuntimeMessage } from '../messaging/runtime-messages';
import { SENTENCE_MODEL, SENTENCE_MODEL_DIM } from '../semantic/sentence-model';

/** Texts per message: indexing a large pack is many small messages, never one huge one. */
const TEXTS_PER_MESSAGE = 256;

/**
 * The sentence model as the background sees it: texts sent to the offscreen document, which
 * runs the model in its recognition worker (there only while a session runs).
 */
export function offscreenSentenceEncoder(): SentenceEncoder {
  return {
    id: `${SENTENCE_MODEL}@q8`,
    dim: SENTENCE_MODEL_DIM,
    async embed(texts) {
      const vectors: Float32Array[] = [];
      for (let start = 0; start < texts.length; start += TEXTS_PER_MESSAGE) {
        const message: RuntimeMessage = {
          type: 'offscreen/embed',
          texts: texts.slice(start, start + TEXTS_PER_MESSAGE),
        };
        const reply = parseEmbedReply(await browser.runtime.sendMessage(message));
        if (!reply) throw new Error('The offscreen document did not answer with sentence vectors.');
        if (!reply.ok) throw new Error(reply.message);
        for (const vector of reply.vectors) vectors.push(Float32Array.from(vector));
      }
      return vectors;
    },
  };
}
