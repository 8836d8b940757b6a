import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import { Silero } from '@ricky0123/vad-web/dist/models/silero';
import { describe, expect, it } from 'vitest';
import { readsAsWholeQuestion } from '@/lib/asr/question-shaped';
import { createRecognitionEngine } from '@/lib/asr/recognition-engine';
import type { Transcriber } from '@/lib/asr/whisper-transcriber';
import type { Channel } from '@/lib/messaging/runtime-messages';
import { readWav } from '../../support/read-wav';

const createVad = () =>
  Silero.new(ort, async () => readFileSync('node_modules/@ricky0123/vad-web/dist/silero_vad_v5.onnx').buffer);
const layout = JSON.parse(readFileSync('tests/fixtures/audio/two-questions.json', 'utf8')) as {
  utterances: Array<{ endS: number }>;
};

/** A recogniser that always hears `text`, fast enough for partial lines (a unit boundary: the engine's timing is under test). */
const hearing = (text: string): Transcriber => ({
  device: 'cpu',
  warmUpMs: 5,
  transcribe: async () => ({ text, encoderMs: 1, decoderMs: 1, tokens: 5 }),
  dispose: async () => undefined,
});

/** How long after each question's speech ended its final line came out, in ms of audio fed. */
async function lineDelays(text: string, channel: Channel): Promise<number[]> {
  const delays: number[] = [];
  let fedMs = 0;
  const engine = createRecognitionEngine({
    transcriber: hearing(text),
    createVad,
    partialEveryMs: 400,
    emit: (reply) => {
      if (reply.status === 'final') delays.push(fedMs - layout.utterances[delays.length]!.endS * 1000);
    },
  });
  const { samples } = readWav('tests/fixtures/audio/two-questions.wav');
  for (let i = 0; i < samples.length; i += 1_600) {
    fedMs = ((i + 1_600) / 16_000) * 1000;
    await engine.pushAudio(channel, samples.slice(i, i + 1_600));
  }
  await engine.flush();
  return delays;
}

describe('a shorter end-of-turn pause after a partial that reads as a whole question', () => {
  it.each([
    ['How would you handle class imbalance?', true],
    ['what is a Bloom filter ?', true],
    ['Why?', false], // too short to be sure the question is whole
    ['How would you handle class', false],
    ['We used dropout in the last layer.', false],
    ['', false],
  ])('"%s" reads as a whole question: %s', (text, expected) => {
    expect(readsAsWholeQuestion(text)).toBe(expected);
  });

  it('ends the interviewer’s turn sooner once the partial line reads as a whole question', async () => {
    const [question, statement] = [
      await lineDelays('How does dropout work?', 'interviewer'),
      await lineDelays('Dropout drops units at random.', 'interviewer'),
    ];
    expect(question).toHaveLength(2);
    expect(statement).toHaveLength(2);
    // 700 ms of pause against 400: each line about 0.3 s sooner (100 ms chunks, 32 ms frames).
    for (const [i, delay] of question.entries()) expect(statement[i]! - delay).toBeGreaterThanOrEqual(200);
  }, 60_000);

  it('keeps the usual pause for the candidate’s own answers (no card hangs on them)', async () => {
    const [question, statement] = [
      await lineDelays('How does dropout work?', 'candidate'),
      await lineDelays('Dropout drops units at random.', 'candidate'),
    ];
    expect(question).toEqual(statement);
  }, 60_000);
});
