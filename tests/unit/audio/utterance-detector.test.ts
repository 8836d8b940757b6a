import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { Silero } from '@ricky0123/vad-web/dist/models/silero';
import { UtteranceDetector } from '@/lib/audio/utterance-detector';
import type { SegmenterEvent } from '@/lib/audio/utterance-segmenter';
import { readWav } from '../../support/read-wav';

const MODEL = 'node_modules/@ricky0123/vad-web/dist/silero_vad_v5.onnx';

async function detect(path: string, chunk = 1_600) {
  const model = await Silero.new(ort, async () => readFileSync(MODEL).buffer);
  const detector = new UtteranceDetector(model);
  const audio = readWav(path).samples;
  const events: SegmenterEvent[] = [];
  for (let i = 0; i < audio.length; i += chunk) events.push(...(await detector.push(audio.subarray(i, i + chunk))));
  events.push(...detector.flush());
  return events.filter((event) => event.type === 'utterance');
}

describe('UtteranceDetector with the real Silero VAD model', () => {
  it('finds the two spoken questions in espeak audio, near their true boundaries', async () => {
    const truth = JSON.parse(readFileSync('tests/fixtures/audio/two-questions.json', 'utf8')) as {
      utterances: Array<{ startS: number; endS: number }>;
    };
    const found = await detect('tests/fixtures/audio/two-questions.wav');

    expect(found).toHaveLength(2);
    found.forEach((utterance, i) => {
      const expected = truth.utterances[i]!;
      // Padding (250 ms) and espeak's own lead-in/out silence move the edges a little.
      expect(Math.abs(utterance.startMs - expected.startS * 1000)).toBeLessThan(400);
      expect(Math.abs(utterance.endMs - expected.endS * 1000)).toBeLessThan(500);
    });
  });

  it('sends nothing to the recogniser for silence', async () => {
    expect(await detect('tests/fixtures/audio/silence-3s.wav')).toEqual([]);
  });
});
