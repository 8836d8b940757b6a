/**
 * Notices the tab's sound coming back through the microphone (speakers instead of
 * headphones): the loudness of the two streams, frame by frame, moves together with
 * the microphone a little behind. Loudness envelopes, not waveforms, are compared, so
 * a room's echo, the speaker's colouring and a resampled stream still line up; a
 * candidate answering in turn does not, because they speak when the tab is quiet.
 */
export interface EchoDetectorOptions {
  sampleRate: number;
  /** Length of one loudness frame. */
  frameMs: number;
  /** How much recent sound is compared. */
  windowMs: number;
  /** The most the microphone may lag the tab (speaker, room, two capture paths). */
  maxLagMs: number;
  /** Correlation of the envelopes above which the microphone is taken to hear the tab. */
  threshold: number;
}

export const DEFAULT_ECHO_OPTIONS: EchoDetectorOptions = {
  sampleRate: 16_000,
  frameMs: 20,
  windowMs: 4_000,
  maxLagMs: 400,
  threshold: 0.6,
};

export interface EchoReading {
  echo: boolean;
  /** Best correlation found over the lags tried (−1…1); 0 when there was too little sound to judge. */
  correlation: number;
  lagMs: number;
}

type Channel = 'tab' | 'microphone';

export function createEchoDetector(options: Partial<EchoDetectorOptions> = {}) {
  const { sampleRate, frameMs, windowMs, maxLagMs, threshold } = { ...DEFAULT_ECHO_OPTIONS, ...options };
  const frameSamples = Math.round((sampleRate * frameMs) / 1000);
  const keepFrames = Math.ceil((windowMs + maxLagMs) / frameMs);
  /** Loudness per frame slot (slot = time / frameMs), for each stream. */
  const envelopes: Record<Channel, Map<number, number>> = { tab: new Map(), microphone: new Map() };
  const pending: Record<Channel, { samples: number[]; slot: number | null }> = {
    tab: { samples: [], slot: null },
    microphone: { samples: [], slot: null },
  };

  /** Adds audio that ended at `endMs` (one clock for both streams). */
  function push(channel: Channel, samples: Float32Array, endMs: number): void {
    const state = pending[channel];
    // The slot of this chunk's first sample, when the stream has just started or skipped.
    const firstSlot = Math.round((endMs - (samples.length / sampleRate) * 1000) / frameMs);
    if (state.slot === null || Math.abs(state.slot - firstSlot) > 2) {
      state.slot = firstSlot;
      state.samples = [];
    }
    for (const sample of samples) {
      state.samples.push(sample);
      if (state.samples.length < frameSamples) continue;
      let energy = 0;
      for (const value of state.samples) energy += value * value;
      // Log loudness: a quiet echo and a loud original still rise and fall together.
      envelopes[channel].set(state.slot, Math.log10(energy / frameSamples + 1e-9));
      state.slot++;
      state.samples = [];
    }
    const oldest = state.slot - keepFrames;
    for (const slot of envelopes[channel].keys()) if (slot < oldest) envelopes[channel].delete(slot);
  }

  /** Whether the microphone's loudness has followed the tab's over the recent window. */
  function read(): EchoReading {
    // The latest frame both streams have.
    const end = Math.min(
      Math.max(-Infinity, ...envelopes.tab.keys()),
      Math.max(-Infinity, ...envelopes.microphone.keys()),
    );
    if (!Number.isFinite(end)) return { echo: false, correlation: 0, lagMs: 0 };
    const windowFrames = Math.round(windowMs / frameMs);
    let best: EchoReading = { echo: false, correlation: 0, lagMs: 0 };
    for (let lag = 0; lag <= Math.round(maxLagMs / frameMs); lag++) {
      const xs: number[] = [];
      const ys: number[] = [];
      for (let slot = end - lag - windowFrames; slot <= end - lag; slot++) {
        const x = envelopes.tab.get(slot);
        const y = envelopes.microphone.get(slot + lag);
        if (x !== undefined && y !== undefined) {
          xs.push(x);
          ys.push(y);
        }
      }
      const correlation = pearson(xs, ys);
      if (correlation > best.correlation) best = { echo: correlation >= threshold, correlation, lagMs: lag * frameMs };
    }
    return best;
  }

  return { push, read };
}

/** Pearson correlation; 0 when either side is (nearly) constant, i.e. silence, or too short to judge. */
function pearson(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  if (n < 25) return 0;
  const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / n;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  // A stream whose loudness barely moves (silence, a steady hum) says nothing about echo.
  if (sxx / n < 0.05 || syy / n < 0.05) return 0;
  return sxy / Math.sqrt(sxx * syy);
}

/**
 * Whether a line heard on the microphone repeats what the interviewer's channel said
 * moments before: most of its words were in a recent interviewer line.
 */
export function repeatsInterviewer(candidateText: string, interviewerTexts: readonly string[]): boolean {
  const words = (text: string) => text.toLowerCase().match(/[a-z0-9']+/g) ?? [];
  const said = words(candidateText);
  if (said.length < 3) return false;
  return interviewerTexts.some((text) => {
    const heard = new Set(words(text));
    return said.filter((word) => heard.has(word)).length / said.length >= 0.7;
  });
}
