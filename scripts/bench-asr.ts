/**
 * The recognition pipeline on a WAV file, as the extension runs it: resample to 16 kHz,
 * Silero VAD, Whisper through transformers.js, then the question matcher.
 *   npm run bench:asr -- --model DIR FILE.wav [--device cpu]
 * DIR is a transformers.js model folder (config.json, tokenizer.json, onnx/…).
 * Under Node this runs ONNX Runtime's native CPU backend; the extension runs WASM or WebGPU.
 */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { basename, dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { env, pipeline } from '@huggingface/transformers';
import * as ort from 'onnxruntime-node';
import { Silero } from '@ricky0123/vad-web/dist/models/silero';
import { cleanTranscript } from '../lib/asr/hallucination-filter';
import { loadTranscriber } from '../lib/asr/whisper-transcriber';
import { StreamingResampler } from '../lib/audio/streaming-resampler';
import { UtteranceDetector } from '../lib/audio/utterance-detector';
import { matchQuestion } from '../lib/match/match-question';
import { createPackIndex } from '../lib/match/question-index';
import { decodeWav } from '../lib/dev/decode-wav';
import { loadKnowledge, percentile, round, runCli, UsageError } from './cli-support';

const USAGE = 'usage: npm run bench:asr -- --model DIR FILE.wav [--dtype fp32|q8]';
const CHUNK_MS = 100; // the extension's worklet posts about this much audio at a time

runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { model: { type: 'string' }, dtype: { type: 'string' } },
  });
  const wavPath = positionals[0];
  if (!values.model || !wavPath) throw new UsageError(USAGE);
  const modelDir = resolve(values.model);
  env.allowRemoteModels = false;
  env.localModelPath = `${dirname(modelDir)}/`;

  let peakRssMb = 0;
  const sampleMemory = () => (peakRssMb = Math.max(peakRssMb, process.memoryUsage().rss / 1024 / 1024));
  const memoryTimer = setInterval(sampleMemory, 50);

  const loadStart = performance.now();
  const transcriber = await loadTranscriber(pipeline, {
    model: basename(modelDir),
    device: 'cpu',
    dtype: values.dtype as 'fp32' | 'q8' | undefined,
  });
  const loadMs = performance.now() - loadStart;
  const vad = await Silero.new(ort as never, async () => readFileSync('node_modules/@ricky0123/vad-web/dist/silero_vad_v5.onnx').buffer as ArrayBuffer);
  const detector = new UtteranceDetector(vad);
  const index = createPackIndex(loadKnowledge(undefined));

  const { samples, sampleRate } = decodeWav(readFileSync(wavPath));
  const audio16k = sampleRate === 16_000 ? samples : new StreamingResampler(sampleRate).process(samples);
  const audioSeconds = audio16k.length / 16_000;
  const chunk = (16_000 * CHUNK_MS) / 1000;

  let vadMs = 0;
  let decodeMs = 0;
  const toFinal: number[] = [];
  const toHint: number[] = [];
  const lines: string[] = [];
  for (let offset = 0; offset < audio16k.length; offset += chunk) {
    const vadStart = performance.now();
    const events = await detector.push(audio16k.subarray(offset, offset + chunk));
    vadMs += performance.now() - vadStart;
    // The stream has reached this point when the chunk's events come out.
    const streamMs = ((offset + chunk) / 16_000) * 1000;
    for (const event of events) {
      if (event.type !== 'utterance') continue;
      const speechEndMs = event.endMs - detector.segmenter.options.padMs;
      const decodeStart = performance.now();
      const text = cleanTranscript(await transcriber.transcribe(event.audio));
      const decoded = performance.now() - decodeStart;
      decodeMs += decoded;
      if (!text) continue;
      const matchStart = performance.now();
      const match = matchQuestion(index, [{ text, speaker: 'interviewer' }]);
      const matched = performance.now() - matchStart;
      const finalAt = streamMs - speechEndMs + decoded;
      toFinal.push(finalAt);
      toHint.push(finalAt + matched);
      lines.push(`${(event.startMs / 1000).toFixed(1)}s  ${text}${match.best ? `  → ${match.best.entry.question}` : ''}`);
    }
  }
  clearInterval(memoryTimer);
  sampleMemory();
  await transcriber.dispose();

  for (const line of lines) console.log(line);
  toFinal.sort((a, b) => a - b);
  toHint.sort((a, b) => a - b);
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}, backend onnxruntime-node (cpu)`);
  console.log(
    JSON.stringify({
      model: basename(modelDir),
      audioSeconds: round(audioSeconds, 2),
      utterances: lines.length,
      modelLoadMs: round(loadMs, 0),
      realTimeFactor: round((vadMs + decodeMs) / 1000 / audioSeconds),
      vadRealTimeFactor: round(vadMs / 1000 / audioSeconds, 4),
      speechEndToFinalP50Ms: round(percentile(toFinal, 0.5), 0),
      speechEndToFinalP95Ms: round(percentile(toFinal, 0.95), 0),
      speechEndToHintP50Ms: round(percentile(toHint, 0.5), 0),
      speechEndToHintP95Ms: round(percentile(toHint, 0.95), 0),
      peakRssMb: round(peakRssMb, 0),
    }),
  );
});
