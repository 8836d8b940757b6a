import { describe, expect, it } from 'vitest';
import { createEchoDetector, repeatsInterviewer } from '@/lib/audio/echo-detector';

const RATE = 16_000;

/** A seeded random source, so the signals are the same every run. */
function seeded(seed: number) {
  let state = seed;
  return () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

/** Speech-like sound: noise switched on and off in syllables of 100–400 ms, with pauses; `on` says when. */
function speechLike(seconds: number, random: () => number, gate?: (t: number) => boolean) {
  const samples = new Float32Array(seconds * RATE);
  let t = 0;
  let voiced = false;
  while (t < samples.length) {
    const length = Math.round((0.1 + random() * 0.3) * RATE);
    voiced = !voiced;
    for (let i = t; i < Math.min(samples.length, t + length); i++) {
      const allowed = gate ? gate(i / RATE) : true;
      samples[i] = voiced && allowed ? (random() * 2 - 1) * 0.3 : 0;
    }
    t += length;
  }
  return samples;
}

function feed(tab: Float32Array, microphone: Float32Array) {
  const detector = createEchoDetector();
  const chunk = 1_600; // 100 ms, as the capture worklet sends
  for (let at = 0; at < tab.length; at += chunk) {
    const endMs = ((at + chunk) / RATE) * 1000;
    detector.push('tab', tab.subarray(at, at + chunk), endMs);
    detector.push('microphone', microphone.subarray(at, at + chunk), endMs);
  }
  return detector.read();
}

describe('createEchoDetector', () => {
  const random = seeded(7);
  const tab = speechLike(6, random);

  it('hears the tab in the microphone: a quieter copy, 120 ms late, over a little room noise', () => {
    const delay = Math.round(0.12 * RATE);
    const microphone = new Float32Array(tab.length);
    for (let i = 0; i < tab.length; i++) microphone[i] = 0.2 * (tab[i - delay] ?? 0) + (random() * 2 - 1) * 0.002;
    const reading = feed(tab, microphone);
    expect(reading.echo).toBe(true);
    expect(reading.lagMs).toBeGreaterThanOrEqual(100);
    expect(reading.lagMs).toBeLessThanOrEqual(140);
  });

  it('does not call a candidate answering in turn an echo', () => {
    // The candidate speaks when the tab is quiet (the usual turn-taking).
    const quiet = (t: number) => tab[Math.min(tab.length - 1, Math.round(t * RATE))] === 0;
    const microphone = speechLike(6, seeded(99), quiet);
    expect(feed(tab, microphone).echo).toBe(false);
  });

  it('does not judge from silence, or from a microphone with only room noise', () => {
    const noise = Float32Array.from({ length: tab.length }, () => (random() * 2 - 1) * 0.002);
    expect(feed(tab, new Float32Array(tab.length)).echo).toBe(false);
    expect(feed(tab, noise).echo).toBe(false);
    expect(feed(new Float32Array(tab.length), new Float32Array(tab.length))).toEqual({
      echo: false,
      correlation: 0,
      lagMs: 0,
    });
  });
});

describe('repeatsInterviewer', () => {
  it('catches the microphone repeating a question the tab just asked, not an answer that shares a few words', () => {
    const asked = ['How would you handle class imbalance in a fraud model?'];
    expect(repeatsInterviewer('how would you handle class imbalance in a fraud model', asked)).toBe(true);
    expect(repeatsInterviewer('handle class imbalance in a fraud', asked)).toBe(true);
    expect(repeatsInterviewer('I would reweight the classes and pick PR AUC for the fraud model', asked)).toBe(false);
    expect(repeatsInterviewer('a fraud', asked)).toBe(false);
  });
});
