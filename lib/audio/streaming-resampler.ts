/**
 * Band-limited resampling for a live stream: a Hann-windowed sinc low-pass and
 * fractional interpolation in one step, so 44.1 or 48 kHz tab audio becomes 16 kHz
 * without aliasing, chunk by chunk. Feeding a signal in pieces gives the same output
 * as feeding it whole.
 */
export class StreamingResampler {
  private readonly step: number;
  private readonly cutoff: number;
  private readonly halfSupport: number;
  /** Input samples not yet fully used, with enough history for the filter. */
  private buffer: Float32Array;
  /** Position of the next output sample, in `buffer` coordinates. */
  private position: number;

  constructor(
    readonly inputRate: number,
    readonly outputRate = 16_000,
    /** Zero crossings of the sinc on each side; more is sharper and slower. */
    halfWidth = 12,
  ) {
    if (!(inputRate > 0 && outputRate > 0)) throw new RangeError('sample rates must be positive');
    this.step = inputRate / outputRate;
    // Cut a little below the lower Nyquist so the transition band stays out of it.
    this.cutoff = Math.min(1, outputRate / inputRate) * 0.92;
    this.halfSupport = Math.ceil(halfWidth / this.cutoff);
    this.buffer = new Float32Array(this.halfSupport); // leading zeros: the filter's history
    this.position = this.halfSupport;
  }

  private kernel(distance: number): number {
    if (distance === 0) return this.cutoff;
    const x = Math.PI * this.cutoff * distance;
    const window = 0.5 + 0.5 * Math.cos((Math.PI * distance) / (this.halfSupport + 1));
    return (this.cutoff * Math.sin(x) * window) / x;
  }

  /** Resamples the next chunk of mono input; returns the output samples it completes. */
  process(input: Float32Array): Float32Array {
    const merged = new Float32Array(this.buffer.length + input.length);
    merged.set(this.buffer);
    merged.set(input, this.buffer.length);
    const output: number[] = [];
    while (this.position + this.halfSupport < merged.length) {
      const center = this.position;
      const first = Math.ceil(center - this.halfSupport);
      const last = Math.floor(center + this.halfSupport);
      let sum = 0;
      for (let k = first; k <= last; k++) sum += merged[k]! * this.kernel(center - k);
      output.push(sum);
      this.position += this.step;
    }
    const keepFrom = Math.max(0, Math.floor(this.position - this.halfSupport) - 1);
    this.buffer = merged.slice(keepFrom);
    this.position -= keepFrom;
    return Float32Array.from(output);
  }
}

/** Averages the channels of one block into mono. */
export function downmixToMono(channels: readonly Float32Array[]): Float32Array {
  if (channels.length === 1) return channels[0]!.slice();
  const length = channels[0]?.length ?? 0;
  const mono = new Float32Array(length);
  for (const channel of channels) for (let i = 0; i < length; i++) mono[i]! += channel[i]! / channels.length;
  return mono;
}
