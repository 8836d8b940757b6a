// Runs on the audio thread: downmix each 128-frame block, resample to 16 kHz, and
// post about 100 ms at a time. No allocation-heavy work here beyond the resampler.
import { downmixToMono, StreamingResampler } from '@/lib/audio/streaming-resampler';

declare const sampleRate: number;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}
declare function registerProcessor(name: string, processor: new () => AudioWorkletProcessor): void;

const POST_SAMPLES = 1_600;

class CaptureProcessor extends AudioWorkletProcessor {
  private readonly resampler = new StreamingResampler(sampleRate);
  private pending: number[] = [];

  process(inputs: Float32Array[][]): boolean {
    const channels = inputs[0];
    if (channels && channels.length > 0) {
      for (const sample of this.resampler.process(downmixToMono(channels))) this.pending.push(sample);
      if (this.pending.length >= POST_SAMPLES) {
        const chunk = Float32Array.from(this.pending);
        this.pending = [];
        this.port.postMessage(chunk, [chunk.buffer]);
      }
    }
    return true;
  }
}

registerProcessor('cuecard-capture', CaptureProcessor);
