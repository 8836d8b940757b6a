import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AutoProcessor,
  env,
  pipeline,
  type AutomaticSpeechRecognitionPipeline,
  type Tensor,
} from '@huggingface/transformers';
import * as ort from 'onnxruntime-node';
import { Silero } from '@ricky0123/vad-web/dist/models/silero';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRecognitionEngine } from '@/lib/asr/recognition-engine';
import { loadTranscriber, tokenBudget } from '@/lib/asr/whisper-transcriber';
import type { WorkerReply } from '@/lib/messaging/worker-messages';
import { readWav } from '../../support/read-wav';
import { ensureRandomMoonshine, GENERATED_MODELS_DIR, RANDOM_MOONSHINE_NAME } from '../../../scripts/generated-models';

/**
 * moonshine-tiny's architecture (seeded random weights, made by scripts/make-moonshine-random.py)
 * with its published tokenizer, generation config and feature extractor, through the same
 * transformers.js pipeline and transcriber as Whisper. Its text is meaningless; these tests check
 * the layout, the special tokens, and that the encoder's work follows the audio's length.
 */
const config = JSON.parse(readFileSync('tests/fixtures/models/moonshine-tiny/config.json', 'utf8')) as {
  decoder_start_token_id: number;
  vocab_size: number;
  max_position_embeddings: number;
};
const { samples } = readWav('tests/fixtures/audio/two-questions.wav');
const firstQuestion = samples.subarray(16_000, Math.round(16_000 * 4.4));

beforeAll(() => {
  ensureRandomMoonshine();
  env.allowRemoteModels = false;
  env.localModelPath = `${GENERATED_MODELS_DIR}/`;
}, 300_000);

async function generatedIds(dtype: 'fp32' | 'q8', maxNewTokens: number): Promise<number[]> {
  const asr: AutomaticSpeechRecognitionPipeline = await pipeline(
    'automatic-speech-recognition',
    RANDOM_MOONSHINE_NAME,
    {
      device: 'cpu',
      dtype,
    },
  );
  const processor = await AutoProcessor.from_pretrained(RANDOM_MOONSHINE_NAME);
  const { input_values } = await processor(firstQuestion);
  const output = (await asr.model.generate({ input_values, max_new_tokens: maxNewTokens })) as Tensor;
  await asr.dispose();
  return Array.from(output.data as BigInt64Array, Number);
}

describe('the real moonshine-tiny architecture through transformers.js (Node, ONNX Runtime CPU)', () => {
  it('has the transformers.js file layout and the published parameter count (27 M)', () => {
    const dir = ensureRandomMoonshine();
    const megabytes = (file: string) => readFileSync(join(dir, 'onnx', file)).byteLength / 1e6;
    const parameters = (megabytes('encoder_model.onnx') + megabytes('decoder_model_merged.onnx')) / 4;
    expect(parameters).toBeGreaterThan(26);
    expect(parameters).toBeLessThan(28.5);
    // q8: about a quarter (the published q8 download is about 28 MB with its text files).
    expect(megabytes('encoder_model_quantized.onnx') + megabytes('decoder_model_merged_quantized.onnx')).toBeLessThan(
      36,
    );
  });

  it('reads the audio as it is: the encoder output grows with the audio (about 41.7 frames a second)', async () => {
    const session = await ort.InferenceSession.create(
      join(ensureRandomMoonshine(), 'onnx/encoder_model_quantized.onnx'),
    );
    const framesFor = async (seconds: number) => {
      const input = new ort.Tensor('float32', new Float32Array(16_000 * seconds), [1, 16_000 * seconds]);
      const { last_hidden_state } = await session.run({ input_values: input });
      return last_hidden_state!.dims[1]!;
    };
    const [short, long] = [await framesFor(3), await framesFor(12)];
    expect(short).toBeGreaterThan(120);
    expect(short).toBeLessThan(130);
    expect(long / short).toBeGreaterThan(3.9);
    await session.release();
  }, 60_000);

  it('decodes from the start token, within the vocabulary and the position limit', async () => {
    const ids = await generatedIds('q8', 20);
    expect(ids[0]).toBe(config.decoder_start_token_id);
    expect(ids.length).toBeGreaterThan(1);
    expect(ids.length).toBeLessThanOrEqual(21);
    expect(Math.max(...ids)).toBeLessThan(config.vocab_size);
  }, 120_000);

  it('q8 weights decode nearly the same tokens as fp32 (the quantised files are the same model)', async () => {
    const [full, quantised] = [await generatedIds('fp32', 12), await generatedIds('q8', 12)];
    const same = full.filter((id, i) => quantised[i] === id).length;
    expect(same / full.length).toBeGreaterThanOrEqual(0.5);
  }, 120_000);

  it('gives text without special tokens through the transcriber, bounded by the token budget, time split by stage', async () => {
    const transcriber = await loadTranscriber(pipeline, { model: RANDOM_MOONSHINE_NAME, device: 'cpu', dtype: 'q8' });
    const result = await transcriber.transcribe(firstQuestion);
    expect(result.text).not.toMatch(/<\/?s>|<unk>/);
    expect(result.tokens).toBeGreaterThan(0);
    expect(result.tokens).toBeLessThanOrEqual(tokenBudget(firstQuestion.length));
    expect(result.encoderMs).toBeGreaterThan(0);
    expect(result.decoderMs).toBeGreaterThan(0);

    const exact = await transcriber.transcribe(firstQuestion, { exactTokens: 20 });
    expect(exact.tokens).toBe(20);
    await transcriber.dispose();
  }, 120_000);

  it('runs the live engine (VAD, finals) and gives a line per question', async () => {
    const transcriber = await loadTranscriber(pipeline, { model: RANDOM_MOONSHINE_NAME, device: 'cpu', dtype: 'q8' });
    const replies: WorkerReply[] = [];
    const engine = createRecognitionEngine({
      transcriber,
      createVad: () =>
        Silero.new(ort, async () => readFileSync('node_modules/@ricky0123/vad-web/dist/silero_vad_v5.onnx').buffer),
      emit: (reply) => replies.push(reply),
    });
    for (let i = 0; i < samples.length; i += 1_600) await engine.pushAudio('interviewer', samples.slice(i, i + 1_600));
    await engine.flush();
    const finals = replies.filter(
      (reply): reply is Extract<WorkerReply, { status: 'final' }> => reply.status === 'final',
    );
    expect(finals).toHaveLength(2);
    for (const final of finals)
      expect(final.tokens).toBeLessThanOrEqual(tokenBudget(((final.endMs - final.startMs) * 16_000) / 1000));
    await transcriber.dispose();
  }, 180_000);
});
