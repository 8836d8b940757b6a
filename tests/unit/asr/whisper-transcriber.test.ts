import { env, pipeline } from '@huggingface/transformers';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanTranscript } from '@/lib/asr/hallucination-filter';
import { loadTranscriber } from '@/lib/asr/whisper-transcriber';
import { readWav } from '../../support/read-wav';
import { ensureTinyWhisper, TINY_WHISPER_NAME, TINY_WHISPER_PARENT, TINY_WHISPER_PHRASE } from '../../support/tiny-whisper';

beforeAll(() => {
  ensureTinyWhisper();
  env.allowRemoteModels = false;
  env.localModelPath = `${TINY_WHISPER_PARENT}/`;
});

describe('loadTranscriber (real transformers.js and ONNX Runtime, generated Whisper-architecture model)', () => {
  it('loads, reports progress, warms up and transcribes an utterance', async () => {
    const progress: string[] = [];
    const transcriber = await loadTranscriber(pipeline, {
      model: TINY_WHISPER_NAME,
      device: 'cpu',
      dtype: 'fp32',
      onProgress: (event) => progress.push(event.status),
    });
    const { samples } = readWav('tests/fixtures/audio/two-questions.wav');

    expect(await transcriber.transcribe(samples.subarray(16_000, 16_000 * 4))).toBe(TINY_WHISPER_PHRASE);
    expect(progress).toContain('ready');
    await transcriber.dispose();
  });

  it('runs transcriptions one at a time, in order', async () => {
    const transcriber = await loadTranscriber(pipeline, { model: TINY_WHISPER_NAME, device: 'cpu', dtype: 'fp32' });
    const audio = new Float32Array(16_000).fill(0.01);
    const results = await Promise.all([transcriber.transcribe(audio), transcriber.transcribe(audio), transcriber.transcribe(audio)]);
    expect(results).toEqual([TINY_WHISPER_PHRASE, TINY_WHISPER_PHRASE, TINY_WHISPER_PHRASE]);
    await transcriber.dispose();
  });

  it('fails with an error naming the model when the folder is missing', async () => {
    await expect(loadTranscriber(pipeline, { model: 'no-such-model', device: 'cpu', dtype: 'fp32' })).rejects.toThrow(/no-such-model/);
  });
});

describe('cleanTranscript', () => {
  it.each([
    [' Thank you. ', null],
    ['Thanks for watching!', null],
    ['[BLANK_AUDIO]', null],
    ['you you you you you', null],
    ['', null],
    ['  How would you   design a feed? ', 'How would you design a feed?'],
    ['Thank you, that was a great answer. Next question.', 'Thank you, that was a great answer. Next question.'],
  ])('%j → %j', (text, expected) => {
    expect(cleanTranscript(text)).toBe(expected);
  });
});
