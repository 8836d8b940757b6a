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
import { ensureRandomWhisper, GENERATED_MODELS_DIR, RANDOM_WHISPER_NAME } from '../../../scripts/generated-models';

/**
 * The real whisper-tiny.en architecture (seeded random weights, made by
 * scripts/make-whisper-random.py) with the real model's tokenizer, generation config and
 * feature extractor: the folder layout, special tokens and sizes users get. Its text is
 * meaningless; these tests check what does not depend on trained weights.
 */
const generationConfig = JSON.parse(
  readFileSync('tests/fixtures/models/whisper-tiny.en/generation_config.json', 'utf8'),
) as {
  suppress_tokens: number[];
  decoder_start_token_id: number;
  no_timestamps_token_id: number;
  eos_token_id: number;
};
const { samples } = readWav('tests/fixtures/audio/two-questions.wav');
const firstQuestion = samples.subarray(16_000, Math.round(16_000 * 4.4));

beforeAll(() => {
  ensureRandomWhisper();
  env.allowRemoteModels = false;
  env.localModelPath = `${GENERATED_MODELS_DIR}/`;
}, 300_000);

async function generatedIds(dtype: 'fp32' | 'q8', maxNewTokens: number): Promise<number[]> {
  const asr: AutomaticSpeechRecognitionPipeline = await pipeline('automatic-speech-recognition', RANDOM_WHISPER_NAME, {
    device: 'cpu',
    dtype,
  });
  const processor = await AutoProcessor.from_pretrained(RANDOM_WHISPER_NAME);
  const { input_features } = await processor(firstQuestion);
  const output = (await asr.model.generate({
    inputs: input_features,
    max_new_tokens: maxNewTokens,
  })) as Tensor;
  await asr.dispose();
  return Array.from(output.data as BigInt64Array, Number);
}

describe('the real whisper-tiny.en architecture through transformers.js (Node, ONNX Runtime CPU)', () => {
  it('has the published files and sizes of the transformers.js layout', () => {
    const dir = ensureRandomWhisper();
    const megabytes = (file: string) => readFileSync(join(dir, 'onnx', file)).byteLength / 1e6;
    // Published whisper-tiny.en: encoder 32.9 MB / decoder 118 MB (fp32), 10.1 / 30.7 MB (q8).
    expect(megabytes('encoder_model.onnx')).toBeCloseTo(32.9, 0);
    expect(megabytes('decoder_model_merged.onnx')).toBeGreaterThan(110);
    expect(megabytes('decoder_model_merged.onnx')).toBeLessThan(125);
    expect(megabytes('encoder_model_quantized.onnx')).toBeLessThan(13);
    expect(megabytes('decoder_model_merged_quantized.onnx')).toBeLessThan(33);
  });

  it('decodes with the real prompt and never emits a suppressed token', async () => {
    const ids = await generatedIds('fp32', 20);
    // The English-only prompt: start of transcript, then "no timestamps" (forced by the generation config).
    expect(ids.slice(0, 2)).toEqual([generationConfig.decoder_start_token_id, generationConfig.no_timestamps_token_id]);
    const generated = ids.slice(2);
    expect(generated.length).toBeGreaterThan(0);
    expect(generated.length).toBeLessThanOrEqual(20);
    const suppressed = new Set(generationConfig.suppress_tokens);
    expect(generated.filter((id) => suppressed.has(id))).toEqual([]);
    // Ids past the tokenizer's 50,363 entries exist only in the 51,864-way output layer.
    expect(Math.max(...generated)).toBeLessThan(51_864);
  }, 120_000);

  it('q8 weights decode nearly the same tokens as fp32 (the quantised files are the same model)', async () => {
    const [full, quantised] = [await generatedIds('fp32', 16), await generatedIds('q8', 16)];
    const same = full.filter((id, i) => quantised[i] === id).length;
    expect(same / full.length).toBeGreaterThanOrEqual(0.75);
  }, 120_000);

  it('gives text without special tokens, bounded by the token budget, with the time split by stage', async () => {
    const transcriber = await loadTranscriber(pipeline, { model: RANDOM_WHISPER_NAME, device: 'cpu', dtype: 'q8' });
    const result = await transcriber.transcribe(firstQuestion);
    expect(result.text.trim().length).toBeGreaterThan(0);
    expect(result.text).not.toMatch(/<\|/);
    expect(result.tokens).toBeGreaterThan(0);
    expect(result.tokens).toBeLessThanOrEqual(tokenBudget(firstQuestion.length));
    expect(result.encoderMs).toBeGreaterThan(0);
    expect(result.decoderMs).toBeGreaterThan(0);

    const exact = await transcriber.transcribe(firstQuestion, { exactTokens: 20 });
    expect(exact.tokens).toBe(20);
    await transcriber.dispose();
  }, 120_000);

  it('runs the live engine (VAD, finals, partials) on the full-size vocabulary', async () => {
    const transcriber = await loadTranscriber(pipeline, { model: RANDOM_WHISPER_NAME, device: 'cpu', dtype: 'q8' });
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
    for (const final of finals) {
      expect(final.text).not.toMatch(/<\|/);
      expect(final.tokens).toBeLessThanOrEqual(tokenBudget(((final.endMs - final.startMs) * 16_000) / 1000));
    }
    await transcriber.dispose();
  }, 180_000);
});
