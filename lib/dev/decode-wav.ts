import wavefile from 'wavefile';

/** Decodes a WAV file's bytes into mono float samples (channels averaged) and its sample rate. */
export function decodeWav(bytes: Uint8Array): { samples: Float32Array; sampleRate: number } {
  const wav = new wavefile.WaveFile(bytes);
  wav.toBitDepth('32f');
  const { numChannels, sampleRate } = wav.fmt as { numChannels: number; sampleRate: number };
  const interleaved = wav.getSamples(true, Float64Array);
  const frames = interleaved.length / numChannels;
  const samples = new Float32Array(frames);
  for (let i = 0; i < frames; i++) {
    let sum = 0;
    for (let channel = 0; channel < numChannels; channel++) sum += interleaved[i * numChannels + channel]!;
    samples[i] = sum / numChannels;
  }
  return { samples, sampleRate };
}
