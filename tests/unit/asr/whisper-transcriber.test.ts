import { env, pipeline } from '@huggingface/transformers';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanTranscript } from '@/lib/asr/hallucination-filter';
import { loadTranscriber, tokenBudget } from '@/lib/asr/whisper-transcriber';
import { readWav } from '../../support/read-wav';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  ensureLengthKeyedWhisper,
  ensureTinyWhisper,
  GENERATED_MODELS_DIR,
  LENGTH_KEYED_PHRASES,
  TINY_WHISPER_NAME,
  TINY_WHISPER_PHRASE,
} from '../../../scripts/generated-models';

beforeAll(() => {
  ensureTinyWhisper();
  env.allowRemoteModels = false;
  env.localModelPath = `${GENERATED_MODELS_DIR}/`;
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

    expect((await transcriber.transcribe(samples.subarray(16_000, 16_000 * 4))).text).toBe(TINY_WHISPER_PHRASE);
    expect(progress).toContain('ready');
    await transcriber.dispose();
  });

  it('runs transcriptions one at a time, in order', async () => {
    const transcriber = await loadTranscriber(pipeline, { model: TINY_WHISPER_NAME, device: 'cpu', dtype: 'fp32' });
    const audio = new Float32Array(16_000).fill(0.01);
    const results = await Promise.all([
      transcriber.transcribe(audio),
      transcriber.transcribe(audio),
      transcriber.transcribe(audio),
    ]);
    expect(results.map((result) => result.text)).toEqual([
      TINY_WHISPER_PHRASE,
      TINY_WHISPER_PHRASE,
      TINY_WHISPER_PHRASE,
    ]);
    await transcriber.dispose();
  });

  it('the length-keyed stand-in hears the short and the long question of its fixture, with or without padding', async () => {
    const transcriber = await loadTranscriber(pipeline, {
      model: basename(ensureLengthKeyedWhisper()),
      device: 'cpu',
      dtype: 'fp32',
    });
    const { samples } = readWav('tests/fixtures/audio/short-long-questions.wav');
    const layout = JSON.parse(readFileSync('tests/fixtures/audio/short-long-questions.json', 'utf8')) as {
      utterances: Array<{ startS: number; endS: number }>;
    };
    const heard: string[] = [];
    for (const { startS, endS } of layout.utterances) {
      for (const padS of [0, 0.5])
        heard.push(
          (
            await transcriber.transcribe(
              samples.subarray(Math.round((startS - padS) * 16_000), Math.round((endS + padS) * 16_000)),
            )
          ).text,
        );
    }
    const { short, long } = LENGTH_KEYED_PHRASES;
    expect(heard).toEqual([short, short, long, long]);
    await transcriber.dispose();
  });

  it('fails with an error naming the model when the folder is missing', async () => {
    await expect(loadTranscriber(pipeline, { model: 'no-such-model', device: 'cpu', dtype: 'fp32' })).rejects.toThrow(
      /no-such-model/,
    );
  });
});

describe('tokenBudget', () => {
  it("allows about five tokens a second of audio, plus a few, within Whisper's 448 positions", () => {
    expect(tokenBudget(16_000)).toBe(13);
    expect(tokenBudget(16_000 * 4.5)).toBe(31);
    expect(tokenBudget(16_000 * 30)).toBe(158);
    expect(tokenBudget(16_000 * 600)).toBe(440);
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
