import { readFileSync } from 'node:fs';
import { env, pipeline } from '@huggingface/transformers';
import * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { Silero } from '@ricky0123/vad-web/dist/models/silero';
import { createRecognitionEngine } from '@/lib/asr/recognition-engine';
import { loadTranscriber, type Transcriber } from '@/lib/asr/whisper-transcriber';
import type { WorkerReply } from '@/lib/messaging/worker-messages';
import { readWav } from '../../support/read-wav';
import { ensureTinyWhisper, TINY_WHISPER_NAME, GENERATED_MODELS_DIR, TINY_WHISPER_PHRASE } from '../../../scripts/generated-models';

const createVad = () => Silero.new(ort as never, async () => readFileSync('node_modules/@ricky0123/vad-web/dist/silero_vad_v5.onnx').buffer as ArrayBuffer);
let transcriber: Transcriber;

beforeAll(async () => {
  ensureTinyWhisper();
  env.allowRemoteModels = false;
  env.localModelPath = `${GENERATED_MODELS_DIR}/`;
  transcriber = await loadTranscriber(pipeline, { model: TINY_WHISPER_NAME, device: 'cpu', dtype: 'fp32' });
});

async function feed(path: string, channel: 'interviewer' | 'candidate' = 'interviewer') {
  const replies: WorkerReply[] = [];
  const engine = createRecognitionEngine({ transcriber, createVad, emit: (reply) => replies.push(reply) });
  const { samples } = readWav(path);
  for (let i = 0; i < samples.length; i += 1_600) await engine.pushAudio(channel, samples.slice(i, i + 1_600));
  await engine.flush();
  return replies;
}

describe('recognition engine (Silero VAD + Whisper pipeline)', () => {
  it('turns two spoken questions into two final lines, with partials while each is spoken', async () => {
    const replies = await feed('tests/fixtures/audio/two-questions.wav');
    const finals = replies.filter((reply) => reply.status === 'final');

    expect(replies.filter((reply) => reply.status === 'speech-start')).toHaveLength(2);
    expect(finals).toHaveLength(2);
    expect(finals.map((reply) => reply.status === 'final' && reply.text)).toEqual([TINY_WHISPER_PHRASE, TINY_WHISPER_PHRASE]);
    expect(finals[0]!.status === 'final' && finals[0]!.startMs).toBeLessThan(1_000);
    expect(finals[1]!.status === 'final' && finals[1]!.startMs).toBeGreaterThan(5_000);
    expect(replies.some((reply) => reply.status === 'partial')).toBe(true);
    expect(replies.at(-1)).toEqual({ status: 'flushed' });
  });

  it('sends nothing to the recogniser for silence', async () => {
    const replies = await feed('tests/fixtures/audio/silence-3s.wav');
    expect(replies).toEqual([{ status: 'flushed' }]);
  });

  it('labels lines with the channel they came from', async () => {
    const replies = await feed('tests/fixtures/audio/two-questions.wav', 'candidate');
    expect(replies.filter((reply) => reply.status === 'final').every((reply) => reply.status === 'final' && reply.channel === 'candidate')).toBe(true);
  });
});
