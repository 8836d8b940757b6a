import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { env, pipeline } from '@huggingface/transformers';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { Silero } from '@ricky0123/vad-web/dist/models/silero';
import { UtteranceDetector } from '@/lib/audio/utterance-detector';
import { loadTranscriber } from '@/lib/asr/whisper-transcriber';
import { wordErrorRate } from '@/lib/dev/word-error-rate';
import { readWav } from '../../support/read-wav';

/** A folder with real Whisper weights (e.g. whisper-tiny.en in the transformers.js layout), when present. */
const MODEL_DIR = process.env.CUECARD_MODEL_DIR;

describe.runIf(MODEL_DIR)('real Whisper weights from CUECARD_MODEL_DIR', () => {
  it('transcribes the espeak questions with a word error rate of at most 15%', async () => {
    const dir = resolve(MODEL_DIR!);
    env.allowRemoteModels = false;
    env.localModelPath = `${dirname(dir)}/`;
    const transcriber = await loadTranscriber(pipeline, { model: basename(dir), device: 'cpu' });
    const truth = JSON.parse(readFileSync('tests/fixtures/audio/two-questions.json', 'utf8')) as {
      utterances: Array<{ text: string }>;
    };
    const vad = await Silero.new(
      ort,
      async () => readFileSync('node_modules/@ricky0123/vad-web/dist/silero_vad_v5.onnx').buffer,
    );
    const detector = new UtteranceDetector(vad);
    const events = [
      ...(await detector.push(readWav('tests/fixtures/audio/two-questions.wav').samples)),
      ...detector.flush(),
    ];
    const texts: string[] = [];
    for (const event of events)
      if (event.type === 'utterance') texts.push((await transcriber.transcribe(event.audio)).text);

    expect(texts).toHaveLength(truth.utterances.length);
    texts.forEach((text, i) => expect(wordErrorRate(truth.utterances[i]!.text, text)).toBeLessThanOrEqual(0.15));
    await transcriber.dispose();
  });
});
