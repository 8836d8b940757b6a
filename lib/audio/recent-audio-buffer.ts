/**
 * Keeps only the most recent audio, up to a limit: what arrives while the speech
 * model is still loading. Older audio is dropped rather than decoded late, since a
 * hint for a question asked minutes ago is no use; how much was dropped is counted,
 * so the timeline of what is kept stays true to when it was captured.
 */
export class RecentAudioBuffer {
  private chunks: Float32Array[] = [];
  private length = 0;
  private dropped = 0;

  constructor(private readonly maxSamples: number) {}

  push(samples: Float32Array): void {
    this.chunks.push(samples);
    this.length += samples.length;
    while (this.length - (this.chunks[0]?.length ?? 0) >= this.maxSamples && this.chunks.length > 1) {
      const oldest = this.chunks.shift()!;
      this.length -= oldest.length;
      this.dropped += oldest.length;
    }
  }

  /**
   * Everything kept (or only its last `newestSamples`, in whole chunks), oldest first, with
   * the samples dropped before it since the last drain; empties the buffer.
   */
  drain(newestSamples = Number.POSITIVE_INFINITY): { chunks: Float32Array[]; skipped: number } {
    let chunks = this.chunks;
    let kept = this.length;
    let skipped = this.dropped;
    while (chunks.length > 1 && kept - chunks[0]!.length >= newestSamples) {
      kept -= chunks[0]!.length;
      skipped += chunks[0]!.length;
      chunks = chunks.slice(1);
    }
    this.chunks = [];
    this.length = 0;
    this.dropped = 0;
    return { chunks, skipped };
  }

  get samples(): number {
    return this.length;
  }
}
