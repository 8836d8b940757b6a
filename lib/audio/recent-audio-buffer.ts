/**
 * Keeps only the most recent audio, up to a limit: what arrives while the speech
 * model is still loading. Older audio is dropped rather than decoded late, since a
 * hint for a question asked minutes ago is no use.
 */
export class RecentAudioBuffer {
  private chunks: Float32Array[] = [];
  private length = 0;

  constructor(private readonly maxSamples: number) {}

  push(samples: Float32Array): void {
    this.chunks.push(samples);
    this.length += samples.length;
    while (this.length - (this.chunks[0]?.length ?? 0) >= this.maxSamples && this.chunks.length > 1) {
      this.length -= this.chunks.shift()!.length;
    }
  }

  /** Everything kept (or only its last `newestSamples`, whole chunks), oldest first, and empties the buffer. */
  drain(newestSamples = Number.POSITIVE_INFINITY): Float32Array[] {
    let drained = this.chunks;
    let kept = this.length;
    while (drained.length > 1 && kept - drained[0]!.length >= newestSamples) {
      kept -= drained[0]!.length;
      drained = drained.slice(1);
    }
    this.chunks = [];
    this.length = 0;
    return drained;
  }

  get samples(): number {
    return this.length;
  }
}
