import { describe, expect, it } from 'vitest';
import { UtteranceSegmenter, type SegmenterEvent } from '@/lib/audio/utterance-segmenter';

const FRAME = 512; // 32 ms at 16 kHz
const frameOf = (value: number) => new Float32Array(FRAME).fill(value);

/** Pushes a script of speech probabilities, one frame each; frame contents record the index. */
function run(probabilities: number[], options = {}) {
  const segmenter = new UtteranceSegmenter(options);
  const events: SegmenterEvent[] = [];
  probabilities.forEach((probability, index) => events.push(...segmenter.push(frameOf(index), probability)));
  return { segmenter, events };
}
const speech = (frames: number) => Array<number>(frames).fill(0.9);
const silence = (frames: number) => Array<number>(frames).fill(0.05);
const utterances = (events: SegmenterEvent[]) => events.filter((event) => event.type === 'utterance');

describe('UtteranceSegmenter', () => {
  it('cuts two utterances at a long enough silence, with padding around the speech', () => {
    // 10 frames silence, 20 speech, 30 silence (960 ms ≥ 700 ms), 15 speech, 30 silence
    const { events } = run([...silence(10), ...speech(20), ...silence(30), ...speech(15), ...silence(30)]);
    const found = utterances(events);
    expect(found).toHaveLength(2);
    const padFrames = 8; // 250 ms / 32 ms
    expect(found[0]).toMatchObject({ startMs: (10 - padFrames) * 32, reason: 'silence' });
    expect(found[0]!.audio.length).toBe((padFrames + 20 + padFrames) * FRAME);
    expect(found[0]!.audio[0]).toBe(10 - padFrames); // first kept frame is the first pad frame
    expect(found[1]!.startMs).toBe((60 - padFrames) * 32);
  });

  it('ends an utterance after the shorter pause it was asked for, until speech resumes', () => {
    const segmenter = new UtteranceSegmenter(); // 700 ms: 22 frames of 32 ms
    const events: SegmenterEvent[] = [];
    const feed = (probabilities: number[]) =>
      probabilities.forEach((probability) => events.push(...segmenter.push(frameOf(0), probability)));
    feed(speech(20));
    segmenter.endSooner(400); // 13 frames
    feed(silence(12));
    expect(utterances(events)).toHaveLength(0);
    feed(silence(1));
    expect(utterances(events)).toHaveLength(1);

    // Speech after the request: the speaker had not finished, the usual pause applies again.
    feed(speech(20));
    segmenter.endSooner(400);
    feed([...speech(5), ...silence(13)]);
    expect(utterances(events)).toHaveLength(1);
    feed(silence(9));
    expect(utterances(events)).toHaveLength(2);

    // Never longer than the setting, and nothing to shorten between utterances.
    segmenter.endSooner(1_000);
    feed([...speech(20), ...silence(22)]);
    expect(utterances(events)).toHaveLength(3);
  });

  it('keeps a pause shorter than the minimum silence inside one utterance', () => {
    const { events } = run([...speech(10), ...silence(15), ...speech(10), ...silence(30)]);
    expect(utterances(events)).toHaveLength(1);
  });

  it('takes new pause settings mid-stream: a pause that kept one utterance now cuts it', () => {
    const segmenter = new UtteranceSegmenter();
    const events: SegmenterEvent[] = [];
    const feed = (probabilities: number[]) =>
      probabilities.forEach((probability) => events.push(...segmenter.push(frameOf(0), probability)));
    feed([...speech(10), ...silence(15), ...speech(10)]);
    expect(utterances(events)).toHaveLength(0);
    segmenter.reconfigure({ minSilenceMs: 300 });
    feed([...silence(15), ...speech(10)]);
    expect(utterances(events)).toHaveLength(1);
    expect(segmenter.options.minSilenceMs).toBe(300);
  });

  it('drops speech shorter than the minimum as a click', () => {
    const { events } = run([...silence(5), ...speech(3), ...silence(30)]);
    expect(events.map((event) => event.type)).toEqual(['speech-start', 'discarded']);
  });

  it('sends nothing at all for silence', () => {
    expect(run(silence(500)).events).toEqual([]);
  });

  it('cuts a monologue at the maximum length and carries on', () => {
    const { events } = run([...speech(150), ...silence(30)], { maxUtteranceMs: 3_200 });
    const found = utterances(events);
    expect(found.map((event) => event.type === 'utterance' && event.reason)).toEqual(['max-length', 'silence']);
    expect(found[0]!.type === 'utterance' && found[0]!.endMs - found[0]!.startMs).toBe(3_200);
  });

  it('shows the speech so far while an utterance is going on, and flushes it at the end', () => {
    const { segmenter } = run([...silence(2), ...speech(10)]);
    expect(segmenter.activeAudio()!.length).toBe(12 * FRAME);
    expect(segmenter.flush()).toMatchObject([{ type: 'utterance', reason: 'flush' }]);
    expect(segmenter.activeAudio()).toBeNull();
  });
});
