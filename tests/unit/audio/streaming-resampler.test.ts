import { describe, expect, it } from 'vitest';
import { downmixToMono, StreamingResampler } from '@/lib/audio/streaming-resampler';

const sine = (frequency: number, rate: number, seconds: number, amplitude = 0.5) =>
  Float32Array.from(
    { length: Math.round(rate * seconds) },
    (_, i) => amplitude * Math.sin((2 * Math.PI * frequency * i) / rate),
  );

const rms = (samples: Float32Array, from = 0, to = samples.length) => {
  let sum = 0;
  for (let i = from; i < to; i++) sum += samples[i]! ** 2;
  return Math.sqrt(sum / (to - from));
};

/** Frequency from upward zero crossings in the steady middle of the signal. */
const frequencyOf = (samples: Float32Array, rate: number) => {
  const from = Math.floor(samples.length * 0.1);
  const to = Math.floor(samples.length * 0.9);
  let crossings = 0;
  for (let i = from + 1; i < to; i++) if (samples[i - 1]! < 0 && samples[i]! >= 0) crossings++;
  return (crossings * rate) / (to - from);
};

describe('StreamingResampler', () => {
  it.each([44_100, 48_000, 22_050, 16_000])('turns a 440 Hz tone at %i Hz into the same tone at 16 kHz', (rate) => {
    const input = sine(440, rate, 1);
    const output = new StreamingResampler(rate).process(input);

    expect(Math.abs(output.length - 16_000)).toBeLessThanOrEqual(40); // only the filter's latency is held back
    expect(frequencyOf(output, 16_000)).toBeCloseTo(440, -1);
    expect(rms(output, 1000, output.length - 1000)).toBeCloseTo(0.5 / Math.SQRT2, 2);
  });

  it('removes tones above the new Nyquist instead of folding them into speech', () => {
    const output = new StreamingResampler(48_000).process(sine(12_000, 48_000, 0.5));
    expect(rms(output, 500, output.length - 500)).toBeLessThan(0.01);
  });

  it('gives the same output whether fed whole or in 128-sample blocks', () => {
    const input = sine(300, 44_100, 0.5);
    const whole = new StreamingResampler(44_100).process(input);
    const chunked = new StreamingResampler(44_100);
    const pieces: number[] = [];
    for (let i = 0; i < input.length; i += 128) pieces.push(...chunked.process(input.subarray(i, i + 128)));
    expect(pieces.length).toBe(whole.length);
    for (let i = 0; i < whole.length; i++) expect(pieces[i]).toBeCloseTo(whole[i]!, 5);
  });

  it('refuses a sample rate of zero', () => {
    expect(() => new StreamingResampler(0)).toThrow(RangeError);
  });
});

describe('downmixToMono', () => {
  it('averages the channels', () => {
    expect(Array.from(downmixToMono([Float32Array.of(1, 0.5), Float32Array.of(0, 0.5)]))).toEqual([0.5, 0.5]);
  });
});
