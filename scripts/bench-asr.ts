/**
 * Speech recognition cost under Node, as the extension's recognition worker runs it.
 *   npm run bench:asr                              the generated real-architecture whisper-tiny.en, q8 and fp32
 *   npm run bench:asr -- --model DIR [--dtype q8]   any transformers.js Whisper folder (real weights, if you have them)
 * Figures per precision: model load; encoder time per 30 s window; decoder time per token;
 * real-time factor of a 3–6 s question decoded to 20 tokens; speech end → final line and
 * → hint over a stream of six spoken questions played in real time through the live
 * engine (VAD, partial lines every second, finals), and the same with partials off; peak RSS.
 * Under Node this is ONNX Runtime's native CPU backend; `npm run bench:asr:browser` runs
 * the WASM build in Chromium.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { basename, dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { env, pipeline } from '@huggingface/transformers';
import * as ort from 'onnxruntime-node';
import { Silero } from '@ricky0123/vad-web/dist/models/silero';
import { createRecognitionEngine } from '../lib/asr/recognition-engine';
import { loadTranscriber, type Transcriber } from '../lib/asr/whisper-transcriber';
import { decodeWav } from '../lib/dev/decode-wav';
import { matchQuestion } from '../lib/match/match-question';
import { createPackIndex } from '../lib/match/question-index';
import type { WorkerReply } from '../lib/messaging/worker-messages';
import { loadKnowledge, percentile, round, runCli, UsageError } from './cli-support';
import { ensureRandomWhisper } from './generated-models';

const USAGE = 'usage: npm run bench:asr -- [--model DIR] [--dtype fp32|q8] [--repeat 3]';
const SPEECH = 'tests/fixtures/audio/two-questions.wav';
const SPEECH_LAYOUT = JSON.parse(readFileSync('tests/fixtures/audio/two-questions.json', 'utf8')) as {
  utterances: Array<{ startS: number; endS: number }>;
};
const CHUNK_MS = 100; // the extension's worklet posts about this much audio at a time
const RATE = 16_000;
const TOKENS = 20;

const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 0.5);

runCli(async () => {
  const { values } = parseArgs({
    options: { model: { type: 'string' }, dtype: { type: 'string' }, repeat: { type: 'string', default: '3' } },
  });
  const modelDir = resolve(values.model ?? ensureRandomWhisper());
  if (values.dtype !== undefined && values.dtype !== 'fp32' && values.dtype !== 'q8') throw new UsageError(USAGE);
  if (!values.dtype) {
    // One process per precision, so each peak RSS is that precision's own.
    console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}, backend onnxruntime-node (cpu)`);
    for (const dtype of ['q8', 'fp32']) {
      const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, '--model', modelDir, '--dtype', dtype, '--repeat', values.repeat!], {
        stdio: 'inherit',
      });
      if (child.status !== 0) throw new Error(`the ${dtype} run failed`);
    }
    return;
  }
  await benchOne(modelDir, values.dtype, Number(values.repeat));
});

async function benchOne(modelDir: string, dtype: 'fp32' | 'q8', repeat: number) {
  env.allowRemoteModels = false;
  env.localModelPath = `${dirname(modelDir)}/`;
  let peakRssMb = 0;
  const sampleMemory = () => (peakRssMb = Math.max(peakRssMb, process.memoryUsage().rss / 1024 / 1024));
  const memoryTimer = setInterval(sampleMemory, 50);

  const loadStart = performance.now();
  const transcriber = await loadTranscriber(pipeline, { model: basename(modelDir), device: 'cpu', dtype });
  const loadMs = performance.now() - loadStart;

  const { samples, sampleRate } = decodeWav(readFileSync(SPEECH));
  if (sampleRate !== RATE) throw new Error(`${SPEECH} is not 16 kHz`);
  const questions = SPEECH_LAYOUT.utterances.map(({ startS, endS }) => samples.subarray(Math.round(startS * RATE), Math.round(endS * RATE)));

  // Stage costs: a one-token decode is the encoder plus the decoder's first (prompt) step.
  const encoder: number[] = [];
  const firstStep: number[] = [];
  const perToken: number[] = [];
  const realTimeFactor: number[] = [];
  for (let round_ = 0; round_ < repeat; round_++) {
    for (const question of questions) {
      const one = await transcriber.transcribe(question, { exactTokens: 1 });
      const start = performance.now();
      const full = await transcriber.transcribe(question, { exactTokens: TOKENS });
      const totalMs = performance.now() - start;
      encoder.push(one.encoderMs, full.encoderMs);
      firstStep.push(one.decoderMs);
      perToken.push((full.decoderMs - one.decoderMs) / (TOKENS - 1));
      realTimeFactor.push(totalMs / 1000 / (question.length / RATE));
    }
  }

  const withPartials = await streamInRealTime(transcriber, samples, 1000);
  const withoutPartials = await streamInRealTime(transcriber, samples, Number.POSITIVE_INFINITY);
  clearInterval(memoryTimer);
  sampleMemory();
  await transcriber.dispose();

  console.log(
    JSON.stringify({
      model: basename(modelDir),
      dtype,
      modelLoadMs: round(loadMs, 0),
      encoderMsPer30sWindow: round(median(encoder), 0),
      decoderFirstStepMs: round(median(firstStep), 0),
      decoderMsPerToken: round(median(perToken), 1),
      [`realTimeFactor${TOKENS}Tokens`]: round(median(realTimeFactor), 3),
      questionSeconds: questions.map((question) => round(question.length / RATE, 2)),
      streamQuestions: withPartials.toFinal.length,
      speechEndToFinalP50Ms: round(percentile(withPartials.toFinal, 0.5), 0),
      speechEndToFinalP95Ms: round(percentile(withPartials.toFinal, 0.95), 0),
      speechEndToHintP95Ms: round(percentile(withPartials.toHint, 0.95), 0),
      tokensPerFinal: round(median(withPartials.tokens), 0),
      partialsShown: withPartials.partials,
      noPartialsSpeechEndToFinalP50Ms: round(percentile(withoutPartials.toFinal, 0.5), 0),
      noPartialsSpeechEndToFinalP95Ms: round(percentile(withoutPartials.toFinal, 0.95), 0),
      peakRssMb: round(peakRssMb, 0),
    }),
  );
}

/**
 * Plays the recording three times over (six questions) into the live engine at the pace
 * it would arrive from a tab, one message at a time as the worker takes them, and times
 * each final line from the end of its question's speech.
 */
async function streamInRealTime(transcriber: Transcriber, samples: Float32Array, partialEveryMs: number) {
  const loops = 3;
  const loopSeconds = samples.length / RATE;
  const speechEnds = Array.from({ length: loops }, (_, loop) => SPEECH_LAYOUT.utterances.map((u) => (loop * loopSeconds + u.endS) * 1000)).flat();
  const index = createPackIndex(loadKnowledge(undefined));
  const toFinal: number[] = [];
  const toHint: number[] = [];
  const tokens: number[] = [];
  let partials = 0;
  let startedAt = 0;
  const engine = createRecognitionEngine({
    transcriber,
    partialEveryMs,
    createVad: () => Silero.new(ort as never, async () => readFileSync('node_modules/@ricky0123/vad-web/dist/silero_vad_v5.onnx').buffer as ArrayBuffer),
    emit: (reply: WorkerReply) => {
      if (reply.status === 'partial') partials++;
      if (reply.status !== 'final') return;
      // The question this line is: the one whose speech ended nearest the utterance's end.
      const speechEnd = speechEnds.reduce((best, end) => (Math.abs(end - reply.endMs) < Math.abs(best - reply.endMs) ? end : best));
      const finalMs = performance.now() - startedAt - speechEnd;
      matchQuestion(index, [{ text: reply.text, speaker: 'interviewer' }]);
      toHint.push(performance.now() - startedAt - speechEnd);
      toFinal.push(finalMs);
      tokens.push(reply.tokens);
    },
  });
  const chunk = (RATE * CHUNK_MS) / 1000;
  let queue = Promise.resolve();
  startedAt = performance.now();
  for (let loop = 0; loop < loops; loop++) {
    for (let offset = 0; offset < samples.length; offset += chunk) {
      const arrivesAt = startedAt + ((loop * samples.length + offset + chunk) / RATE) * 1000;
      await new Promise((wake) => setTimeout(wake, Math.max(0, arrivesAt - performance.now())));
      const audio = samples.slice(offset, offset + chunk);
      queue = queue.then(() => engine.pushAudio('interviewer', audio));
    }
  }
  await queue;
  await engine.flush();
  const sorted = (values: number[]) => values.sort((a, b) => a - b);
  return { toFinal: sorted(toFinal), toHint: sorted(toHint), tokens, partials };
}
