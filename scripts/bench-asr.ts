/**
 * Speech recognition cost under Node, as the extension's recognition worker runs it.
 *   npm run bench:asr                              the generated real-architecture whisper-tiny.en and
 *                                                  moonshine-tiny, q8, one after the other in one run
 *   npm run bench:asr -- --model DIR [--dtype q8]   any transformers.js Whisper or Moonshine folder
 * Figures per model: load; encoder time per line; decoder time per token; the token budget;
 * real-time factor of each question; speech end → final line and → hint over a stream of six
 * spoken questions played in real time through the live engine (VAD, partial lines every second
 * where the pace allows, finals), and the same with partials off; peak RSS.
 * The token budget is what a trained model emits for each question: its text's tokens in the
 * model's own tokenizer, plus end of text (random weights never stop by themselves, so every
 * decode here runs exactly that many steps, the live engine's included).
 * Under Node this is ONNX Runtime's native CPU backend; `npm run bench:asr:browser` runs
 * the WASM build in Chromium.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { basename, dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AutoTokenizer, env, pipeline } from '@huggingface/transformers';
import * as ort from 'onnxruntime-node';
import { Silero } from '@ricky0123/vad-web/dist/models/silero';
import { createRecognitionEngine } from '../lib/asr/recognition-engine';
import { loadTranscriber, type Transcriber } from '../lib/asr/whisper-transcriber';
import { decodeWav } from '../lib/dev/decode-wav';
import { matchQuestion } from '../lib/match/match-question';
import { createPackIndex } from '../lib/match/question-index';
import type { WorkerReply } from '../lib/messaging/worker-messages';
import { loadKnowledge, percentile, round, runCli, UsageError } from './cli-support';
import { ensureRandomMoonshine, ensureRandomWhisper } from './generated-models';

const USAGE = 'usage: npm run bench:asr -- [--model DIR] [--dtype fp32|q8] [--repeat 3]';
const SPEECH = 'tests/fixtures/audio/two-questions.wav';
const SPEECH_LAYOUT = JSON.parse(readFileSync('tests/fixtures/audio/two-questions.json', 'utf8')) as {
  utterances: Array<{ text: string; startS: number; endS: number }>;
};
const CHUNK_MS = 100; // the extension's worklet posts about this much audio at a time
const RATE = 16_000;

const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );

runCli(async () => {
  const { values } = parseArgs({
    options: { model: { type: 'string' }, dtype: { type: 'string' }, repeat: { type: 'string', default: '3' } },
  });
  if (values.dtype !== undefined && values.dtype !== 'fp32' && values.dtype !== 'q8') throw new UsageError(USAGE);
  if (!values.model || !values.dtype) {
    // One process per model, so each peak RSS is that model's own.
    console.log(
      `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}, backend onnxruntime-node (cpu)`,
    );
    const models = values.model ? [resolve(values.model)] : [ensureRandomWhisper(), ensureRandomMoonshine()];
    for (const modelDir of models) {
      const dtype = values.dtype ?? 'q8';
      const child = spawnSync(
        process.execPath,
        [...process.execArgv, process.argv[1]!, '--model', modelDir, '--dtype', dtype, '--repeat', values.repeat],
        {
          stdio: 'inherit',
        },
      );
      if (child.status !== 0) throw new Error(`the ${basename(modelDir)} ${dtype} run failed`);
    }
    return;
  }
  await benchOne(resolve(values.model), values.dtype, Number(values.repeat));
});

/** Tokens a trained model emits for each question: its text in the model's tokenizer, plus end of text. */
async function trainedBudgets(model: string): Promise<number[]> {
  const tokenizer = await AutoTokenizer.from_pretrained(model);
  return SPEECH_LAYOUT.utterances.map(
    ({ text }) => tokenizer.encode(` ${text}`, { add_special_tokens: false }).length + 1,
  );
}

async function benchOne(modelDir: string, dtype: 'fp32' | 'q8', repeat: number) {
  env.allowRemoteModels = false;
  env.localModelPath = `${dirname(modelDir)}/`;
  let peakRssMb = 0;
  const sampleMemory = () => (peakRssMb = Math.max(peakRssMb, process.memoryUsage().rss / 1024 / 1024));
  const memoryTimer = setInterval(sampleMemory, 50);

  const loadStart = performance.now();
  const transcriber = await loadTranscriber(pipeline, { model: basename(modelDir), device: 'cpu', dtype });
  const loadMs = performance.now() - loadStart;
  const budgets = await trainedBudgets(basename(modelDir));

  const { samples, sampleRate } = decodeWav(readFileSync(SPEECH));
  if (sampleRate !== RATE) throw new Error(`${SPEECH} is not 16 kHz`);
  const questions = SPEECH_LAYOUT.utterances.map(({ startS, endS }) =>
    samples.subarray(Math.round(startS * RATE), Math.round(endS * RATE)),
  );

  // Stage costs: a one-token decode is the encoder plus the decoder's first (prompt) step.
  const encoder: number[] = [];
  const firstStep: number[] = [];
  const perToken: number[] = [];
  const decodePerLine: number[] = [];
  const realTimeFactor: number[] = [];
  for (let round_ = 0; round_ < repeat; round_++) {
    for (const [i, question] of questions.entries()) {
      const one = await transcriber.transcribe(question, { exactTokens: 1 });
      const start = performance.now();
      const full = await transcriber.transcribe(question, { exactTokens: budgets[i]! });
      const totalMs = performance.now() - start;
      encoder.push(one.encoderMs, full.encoderMs);
      firstStep.push(one.decoderMs);
      perToken.push((full.decoderMs - one.decoderMs) / (budgets[i]! - 1));
      decodePerLine.push(totalMs);
      realTimeFactor.push(totalMs / 1000 / (question.length / RATE));
    }
  }

  // The live engine decodes each utterance to the budget of the question it holds (the nearest in length).
  const lengths = questions.map((question) => question.length);
  const trained: Transcriber = {
    ...transcriber,
    transcribe: (audio) => {
      const nearest = lengths.reduce(
        (best, length, i) => (Math.abs(length - audio.length) < Math.abs(lengths[best]! - audio.length) ? i : best),
        0,
      );
      return transcriber.transcribe(audio, { exactTokens: budgets[nearest]! });
    },
  };
  const withPartials = await streamInRealTime(trained, samples, 1000);
  const withoutPartials = await streamInRealTime(trained, samples, Number.POSITIVE_INFINITY);
  clearInterval(memoryTimer);
  sampleMemory();
  await transcriber.dispose();

  console.log(
    JSON.stringify({
      model: basename(modelDir),
      dtype,
      modelLoadMs: round(loadMs, 0),
      encoderMsPerLine: round(median(encoder), 0),
      decoderFirstStepMs: round(median(firstStep), 0),
      decoderMsPerToken: round(median(perToken), 1),
      tokenBudgets: budgets,
      decodeMsPerLine: round(median(decodePerLine), 0),
      realTimeFactor: round(median(realTimeFactor), 3),
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
  const speechEnds = Array.from({ length: loops }, (_, loop) =>
    SPEECH_LAYOUT.utterances.map((u) => (loop * loopSeconds + u.endS) * 1000),
  ).flat();
  const index = createPackIndex(loadKnowledge(undefined));
  const toFinal: number[] = [];
  const toHint: number[] = [];
  const tokens: number[] = [];
  let partials = 0;
  let startedAt = 0;
  const engine = createRecognitionEngine({
    transcriber,
    partialEveryMs,
    createVad: () =>
      Silero.new(ort, () =>
        Promise.resolve(readFileSync('node_modules/@ricky0123/vad-web/dist/silero_vad_v5.onnx').buffer),
      ),
    emit: (reply: WorkerReply) => {
      if (reply.status === 'partial') partials++;
      if (reply.status !== 'final') return;
      // The question this line is: the one whose speech ended nearest the utterance's end.
      const speechEnd = speechEnds.reduce((best, end) =>
        Math.abs(end - reply.endMs) < Math.abs(best - reply.endMs) ? end : best,
      );
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
