import { readFileSync } from 'node:fs';
import { env, pipeline } from '@huggingface/transformers';
import * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { Silero } from '@ricky0123/vad-web/dist/models/silero';
import { createRecognitionEngine } from '@/lib/asr/recognition-engine';
import { catchUpWindowMs, partialsAffordable, slowRecognitionNotice } from '@/lib/asr/recognition-pace';
import { loadTranscriber, type Transcriber } from '@/lib/asr/whisper-transcriber';
import type { WorkerReply } from '@/lib/messaging/worker-messages';
import { readWav } from '../../support/read-wav';
import {
  ensureTinyWhisper,
  TINY_WHISPER_NAME,
  GENERATED_MODELS_DIR,
  TINY_WHISPER_PHRASE,
} from '../../../scripts/generated-models';

const createVad = () =>
  Silero.new(ort, async () => readFileSync('node_modules/@ricky0123/vad-web/dist/silero_vad_v5.onnx').buffer);
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
    expect(finals.map((reply) => reply.status === 'final' && reply.text)).toEqual([
      TINY_WHISPER_PHRASE,
      TINY_WHISPER_PHRASE,
    ]);
    expect(finals[0]!.status === 'final' && finals[0]!.startMs).toBeLessThan(1_000);
    expect(finals[1]!.status === 'final' && finals[1]!.startMs).toBeGreaterThan(5_000);
    expect(replies.some((reply) => reply.status === 'partial')).toBe(true);
    // Each partial names its utterance by where it began, as the final line that follows it does.
    for (const [position, reply] of replies.entries()) {
      if (reply.status !== 'partial') continue;
      const final = replies.slice(position).find((next) => next.status === 'final');
      expect(reply.startMs).toBe(final?.status === 'final' && final.startMs);
      expect(reply.endMs).toBeGreaterThan(reply.startMs);
    }
    expect(replies.at(-1)).toEqual({ status: 'flushed' });
  });

  it('sends nothing to the recogniser for silence', async () => {
    const replies = await feed('tests/fixtures/audio/silence-3s.wav');
    expect(replies.filter((reply) => reply.status !== 'pace')).toEqual([{ status: 'flushed' }]);
  });

  it('labels lines with the channel they came from', async () => {
    const replies = await feed('tests/fixtures/audio/two-questions.wav', 'candidate');
    expect(
      replies
        .filter((reply) => reply.status === 'final')
        .every((reply) => reply.status === 'final' && reply.channel === 'candidate'),
    ).toBe(true);
  });
});

/** A recogniser at a chosen pace (a unit boundary: what matters here is the engine's scheduling). */
function recogniserAt(decodeMs: number): Transcriber {
  return {
    device: 'cpu',
    warmUpMs: decodeMs,
    transcribe: async () => {
      await new Promise((wake) => setTimeout(wake, decodeMs));
      return { text: 'What is a Bloom filter?', encoderMs: decodeMs / 2, decoderMs: decodeMs / 2, tokens: 7 };
    },
    dispose: async () => undefined,
  };
}

async function feedAtPace(decodeMs: number, backlogMs = 0) {
  const replies: WorkerReply[] = [];
  const engine = createRecognitionEngine({
    transcriber: recogniserAt(decodeMs),
    createVad,
    partialEveryMs: 400,
    backlogMs: () => backlogMs,
    emit: (reply) => replies.push(reply),
  });
  const { samples } = readWav('tests/fixtures/audio/two-questions.wav');
  for (let i = 0; i < samples.length; i += 1_600) await engine.pushAudio('interviewer', samples.slice(i, i + 1_600));
  await engine.flush();
  return replies;
}

describe('pace: a device too slow for partial lines gives up partials, never lines', () => {
  it('keeps partials on a device that decodes within half the cadence', async () => {
    const replies = await feedAtPace(20);
    expect(replies[0]).toEqual({ status: 'pace', partials: true, decodeMs: 20 });
    expect(replies.filter((reply) => reply.status === 'partial').length).toBeGreaterThan(0);
    expect(replies.filter((reply) => reply.status === 'final')).toHaveLength(2);
  });

  it('turns partials off (and says so once) when one decode takes longer than half the cadence', async () => {
    const replies = await feedAtPace(250);
    expect(replies.filter((reply) => reply.status === 'pace')).toEqual([
      { status: 'pace', partials: false, decodeMs: 250 },
    ]);
    expect(replies.filter((reply) => reply.status === 'partial')).toEqual([]);
    expect(replies.filter((reply) => reply.status === 'final')).toHaveLength(2);
  });

  it('pauses partials while captured audio is waiting, on any device', async () => {
    const replies = await feedAtPace(20, 1_000);
    expect(replies.filter((reply) => reply.status === 'partial')).toEqual([]);
    expect(replies.filter((reply) => reply.status === 'final')).toHaveLength(2);
  });

  it('never runs the voice model while a decode is in flight (one ONNX Runtime, one run at a time)', async () => {
    let decoding = false;
    let overlaps = 0;
    const slow = recogniserAt(40);
    const transcriber: Transcriber = {
      ...slow,
      transcribe: async (audio) => {
        decoding = true;
        try {
          return await slow.transcribe(audio);
        } finally {
          decoding = false;
        }
      },
    };
    const watchedVad = async () => {
      const model = await createVad();
      return {
        process: (frame: Float32Array) => {
          if (decoding) overlaps++;
          return model.process(frame);
        },
        reset_state: () => model.reset_state(),
      };
    };
    const replies: WorkerReply[] = [];
    const engine = createRecognitionEngine({
      transcriber,
      createVad: watchedVad,
      emit: (reply) => replies.push(reply),
    });
    const { samples } = readWav('tests/fixtures/audio/two-questions.wav');
    for (let i = 0; i < samples.length; i += 1_600) await engine.pushAudio('interviewer', samples.slice(i, i + 1_600));
    await engine.flush();
    expect(replies.filter((reply) => reply.status === 'final')).toHaveLength(2);
    expect(overlaps).toBe(0);
  });

  it('a voice detector that fails to load ends the session once, clearly, instead of an error every 100 ms chunk', async () => {
    const replies: WorkerReply[] = [];
    let loads = 0;
    const brokenVad = async () => {
      loads++;
      throw new Error('no available backend found');
    };
    const engine = createRecognitionEngine({
      transcriber: recogniserAt(5),
      createVad: brokenVad,
      emit: (reply) => replies.push(reply),
    });
    // As the worker runs it: requests one at a time, a throw posted as a (non-fatal) error.
    const asTheWorkerDoes = (work: Promise<void>) =>
      work.catch((error: Error) => void replies.push({ status: 'error', message: error.message, fatal: false }));
    await asTheWorkerDoes(engine.skipAudio('interviewer', 500));
    for (let i = 0; i < 30; i++)
      await asTheWorkerDoes(engine.pushAudio(i % 2 ? 'candidate' : 'interviewer', new Float32Array(1_600)));
    await asTheWorkerDoes(engine.flush());

    const errors = replies.filter((reply) => reply.status === 'error');
    expect(errors).toEqual([
      {
        status: 'error',
        message: expect.stringMatching(
          /voice detector could not load \(no available backend found\).*press Start again/,
        ),
        fatal: true,
      },
    ]);
    expect(replies.at(-1)).toEqual({ status: 'flushed' });
    expect(loads).toBeLessThanOrEqual(2);
  });

  it('keeps line times true to capture when audio kept during a load was skipped', async () => {
    const replies: WorkerReply[] = [];
    const engine = createRecognitionEngine({
      transcriber: recogniserAt(5),
      createVad,
      emit: (reply) => replies.push(reply),
    });
    await engine.skipAudio('interviewer', 20_000);
    const { samples } = readWav('tests/fixtures/audio/two-questions.wav');
    for (let i = 0; i < samples.length; i += 1_600) await engine.pushAudio('interviewer', samples.slice(i, i + 1_600));
    await engine.flush();
    const first = replies.find((reply) => reply.status === 'final');
    // The first question starts 1 s into the recording, which began 20 s into the capture.
    expect(first?.status === 'final' && first.startMs).toBeGreaterThan(20_500);
    expect(first?.status === 'final' && first.startMs).toBeLessThan(21_200);
  });

  it.each([
    [100, 1000, 0, true],
    [500, 1000, 0, true],
    [501, 1000, 0, false],
    [100, 1000, 300, true],
    [100, 1000, 301, false],
  ])('decode %i ms, cadence %i ms, backlog %i ms → partials %s', (decodeMs, everyMs, backlogMs, expected) => {
    expect(partialsAffordable(decodeMs, everyMs, backlogMs)).toBe(expected);
  });

  it('after a load, catches up on everything at a fast pace and on about one question at a slow one', () => {
    expect(catchUpWindowMs(300, 1000)).toBe(Number.POSITIVE_INFINITY);
    expect(catchUpWindowMs(2_300, 1000)).toBe(8_000);
  });

  it('tells the user the pace in seconds and what brings partial text back', () => {
    expect(slowRecognitionNotice(2_380)).toMatch(
      /about 2\.4 s per line.*words no longer show while they are spoken.*Settings/,
    );
  });
});
