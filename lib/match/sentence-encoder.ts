/**
 * A model that turns sentences into vectors whose closeness says how alike their meaning is.
 * The semantic stage is written against this alone, so a sentence model run by transformers.js,
 * a word-vector table or a fake in a test all plug in the same way.
 */
export interface SentenceEncoder {
  /** Names the model and its precision; cached entry vectors are keyed by it. */
  readonly id: string;
  /** Length of every vector `embed` returns. */
  readonly dim: number;
  /** One unit-length vector per text, in order. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}
