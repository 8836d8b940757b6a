import 'fake-indexeddb/auto';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import type { Channel, SessionEvent } from '@/lib/messaging/runtime-messages';
import type { WorkerRequest } from '@/lib/messaging/worker-messages';
import { ECHO_NOTICE } from '@/lib/session/echo-guard';
import { createOffscreenCapture } from '@/lib/session/offscreen-capture';
import { latestSession, linesOf, listSessions, openSessionDb, type SessionDb } from '@/lib/session/session-db';
import { TEST_ASR as asr } from '../../fakes/asr-settings';

const startMessage = (withMicrophone = false) => ({
  type: 'offscreen/start' as const,
  sessionId: 's1',
  streamId: 'x',
  withMicrophone,
  asr,
});
let openStreams = 0;
const fakeStream = () => {
  openStreams++;
  return { getTracks: () => [{ stop: () => void openStreams-- }] } as unknown as MediaStream;
};

/** A database whose first write of a session record fails as a full disk does. */
async function diskFullOnce(db: SessionDb): Promise<SessionDb> {
  let failed = false;
  return new Proxy(db, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (property !== 'put') return typeof value === 'function' ? value.bind(target) : value;
      return (store: string, record: unknown) => {
        if (store === 'sessions' && !failed) {
          failed = true;
          return Promise.reject(new DOMException('The disk is full', 'QuotaExceededError'));
        }
        return (target.put as (store: string, record: unknown) => Promise<unknown>)(store, record);
      };
    },
  });
}

function setup(options: { tabError?: Error; micError?: Error; diskFullOnce?: boolean } = {}) {
  const events: SessionEvent[] = [];
  const toWorker: WorkerRequest[] = [];
  const taps = new Map<
    Channel,
    { onChunk: (samples: Float32Array<ArrayBuffer>) => void; onEnded: () => void; stopped: boolean }
  >();
  const realDb = openSessionDb(`offscreen-${Math.random()}`);
  const db = options.diskFullOnce ? realDb.then(diskFullOnce) : realDb;
  const capture = createOffscreenCapture({
    openTabStream: async () => {
      if (options.tabError) throw options.tabError;
      return fakeStream();
    },
    openMicrophone: async () => {
      if (options.micError) throw options.micError;
      return fakeStream();
    },
    tapAudio: async (_stream, channel, onChunk, onEnded) => {
      const tap = { onChunk, onEnded, stopped: false };
      taps.set(channel, tap);
      return { stop: () => void (tap.stopped = true) };
    },
    toWorker: (request) => {
      toWorker.push(request);
      // The worker answers a flush once its last utterance is out.
      if (request.type === 'flush') queueMicrotask(() => void capture.onWorkerReply({ status: 'flushed' }));
    },
    db,
    broadcast: (event) => events.push(event),
    wasmPaths: 'chrome-extension://id/ort/',
    vadModelUrl: 'chrome-extension://id/vad/silero_vad_v5.onnx',
  });
  return { capture, events, toWorker, taps, db };
}

const final = (channel: Channel, text: string) => ({
  status: 'final' as const,
  channel,
  text,
  startMs: 0,
  endMs: 900,
  decodeMs: 50,
  encoderMs: 30,
  tokens: 12,
});

describe('offscreen capture', () => {
  it('loads the model, feeds tab audio to the worker and reports capturing', async () => {
    const { capture, events, toWorker, taps } = setup();
    await capture.handle(startMessage());
    taps.get('interviewer')!.onChunk(new Float32Array(1600));

    expect(toWorker[0]).toEqual({
      type: 'load',
      ...asr,
      wasmPaths: 'chrome-extension://id/ort/',
      vadModelUrl: 'chrome-extension://id/vad/silero_vad_v5.onnx',
    });
    expect(toWorker[1]).toMatchObject({ type: 'audio', channel: 'interviewer' });
    expect(events).toEqual([{ kind: 'capturing', sessionId: 's1', withMicrophone: false }]);
  });

  it('writes each final line to IndexedDB before telling the panel, numbered in order', async () => {
    const { capture, events, db } = setup();
    await capture.handle(startMessage());
    await capture.onWorkerReply(final('interviewer', 'first question'));
    await capture.onWorkerReply(final('interviewer', 'second question'));

    const stored = await linesOf(await db, 's1');
    expect(stored.map((line) => [line.seq, line.text])).toEqual([
      [0, 'first question'],
      [1, 'second question'],
    ]);
    expect(stored[0]!.recognition).toEqual({ decodeMs: 50, encoderMs: 30, tokens: 12 });
    expect(events.filter((event) => event.kind === 'line')).toHaveLength(2);
  });

  it('sends each partial line with its session and where its utterance began (the owner matches it), none outside a session', async () => {
    const { capture, events } = setup();
    await capture.onWorkerReply({ status: 'partial', channel: 'interviewer', text: 'how', startMs: 0, endMs: 900 });
    await capture.handle(startMessage());
    await capture.onWorkerReply({
      status: 'partial',
      channel: 'interviewer',
      text: 'how would',
      startMs: 4_000,
      endMs: 5_000,
    });
    expect(events.filter((event) => event.kind === 'partial')).toEqual([
      { kind: 'partial', sessionId: 's1', channel: 'interviewer', text: 'how would', startMs: 4_000, endMs: 5_000 },
    ]);
  });

  it('tells the panel when this device is too slow for partial lines, and nothing when it is not', async () => {
    const { capture, events } = setup();
    await capture.handle(startMessage());
    await capture.onWorkerReply({ status: 'pace', partials: true, decodeMs: 120 });
    expect(events.filter((event) => event.kind === 'notice')).toEqual([]);
    await capture.onWorkerReply({ status: 'pace', partials: false, decodeMs: 2_400 });
    expect(events.filter((event) => event.kind === 'notice')).toEqual([
      { kind: 'notice', message: expect.stringContaining('about 2.4 s per line') },
    ]);
  });

  it('ends the session when the tab goes away: flushes, records the end, says why', async () => {
    const { capture, events, toWorker, taps, db } = setup();
    await capture.handle(startMessage());
    taps.get('interviewer')!.onEnded();
    await expect.poll(() => events.at(-1)).toEqual({ kind: 'stopped', reason: 'tab-ended' });

    expect(toWorker.at(-1)).toEqual({ type: 'flush' });
    expect(taps.get('interviewer')!.stopped).toBe(true);
    expect(await latestSession(await db)).toMatchObject({ id: 's1', endReason: 'tab-ended' });
  });

  it('goes on with the tab alone when the microphone cannot be opened', async () => {
    const { capture, events } = setup({ micError: new Error('NotAllowedError') });
    await capture.handle(startMessage(true));
    expect(events[0]).toMatchObject({
      kind: 'error',
      fatal: false,
      message: expect.stringMatching(/microphone could not be opened .*continuing with the tab only/),
    });
    expect(events[1]).toEqual({ kind: 'capturing', sessionId: 's1', withMicrophone: false });
  });

  it('labels microphone audio as the candidate', async () => {
    const { capture, toWorker, taps } = setup();
    await capture.handle(startMessage(true));
    taps.get('candidate')!.onChunk(new Float32Array(1600));
    expect(toWorker.at(-1)).toMatchObject({ type: 'audio', channel: 'candidate' });
  });

  it('explains a tab stream that cannot be opened and stops', async () => {
    const { capture, events } = setup({ tabError: new Error('Permission denied') });
    await capture.handle(startMessage());
    expect(events.map((event) => event.kind)).toEqual(['error', 'stopped']);
    expect(events[0]).toMatchObject({ fatal: true, message: expect.stringMatching(/refused/) });
  });

  it('stops the session on a fatal worker error, and loads the model again next time', async () => {
    const { capture, events, toWorker } = setup();
    await capture.handle(startMessage());
    await capture.onWorkerReply({
      status: 'error',
      message: 'The speech model could not be loaded: offline.',
      fatal: true,
    });
    expect(events.at(-1)).toEqual({
      kind: 'stopped',
      reason: 'error',
      message: 'The speech model could not be loaded: offline.',
    });

    await capture.handle(startMessage());
    expect(toWorker.filter((request) => request.type === 'load')).toHaveLength(2);
  });

  it('runs a drill on the microphone alone, as the candidate', async () => {
    const { capture, events, taps } = setup();
    await capture.handle({ ...startMessage(true), streamId: null });
    expect([...taps.keys()]).toEqual(['candidate']);
    expect(events).toEqual([{ kind: 'capturing', sessionId: 's1', withMicrophone: true }]);
  });

  it('keeps a drill in which an answer was heard, and drops one in which nothing was, saying so', async () => {
    const answered = setup();
    await answered.capture.handle({ ...startMessage(true), streamId: null });
    await answered.capture.onWorkerReply(final('candidate', 'I would reweight the classes'));
    await answered.capture.handle({ type: 'offscreen/stop' });
    expect((await listSessions(await answered.db)).map((session) => session.id)).toEqual(['s1']);

    const silent = setup();
    await silent.capture.handle({ ...startMessage(true), streamId: null });
    await silent.capture.handle({ type: 'offscreen/stop' });
    expect(await listSessions(await silent.db)).toEqual([]);
    expect(silent.events).toContainEqual({
      kind: 'notice',
      message: 'Nothing was heard from you, so this drill was not saved as a session.',
    });
    expect(silent.events.at(-1)).toMatchObject({ kind: 'stopped', reason: 'user' });
  });

  it('drops a microphone line that repeats the interviewer (speakers, no headphones), and says so once', async () => {
    const { capture, events, db } = setup();
    await capture.handle(startMessage(true));
    await capture.onWorkerReply(final('interviewer', 'How would you handle class imbalance in a fraud model?'));
    await capture.onWorkerReply(final('candidate', 'how would you handle class imbalance in a fraud model'));
    await capture.onWorkerReply(final('candidate', 'I would reweight the classes and watch PR AUC'));
    await capture.onWorkerReply(final('interviewer', 'And how do you pick the threshold?'));
    await capture.onWorkerReply(final('candidate', 'and how do you pick the threshold'));
    expect((await linesOf(await db, 's1')).map((line) => [line.channel, line.text])).toEqual([
      ['interviewer', 'How would you handle class imbalance in a fraud model?'],
      ['candidate', 'I would reweight the classes and watch PR AUC'],
      ['interviewer', 'And how do you pick the threshold?'],
    ]);
    expect(
      events.filter((event) => event.kind === 'notice').map((event) => event.kind === 'notice' && event.message),
    ).toEqual([ECHO_NOTICE]);
  });

  it("tells the user once when the microphone's loudness follows the tab's", async () => {
    const { capture, events, taps } = setup();
    await capture.handle(startMessage(true));
    // Bursts of sound on the tab, the same bursts on the microphone: 4 s of 100 ms chunks, arriving in real time.
    const start = Date.now();
    vi.useFakeTimers({ toFake: ['Date'] });
    onTestFinished(() => void vi.useRealTimers());
    for (let chunk = 0; chunk < 40; chunk++) {
      vi.setSystemTime(start + (chunk + 1) * 100);
      const loud = chunk % 5 < 2;
      const samples = () => Float32Array.from({ length: 1_600 }, (_, i) => (loud ? Math.sin(i / 3) * 0.3 : 0));
      taps.get('interviewer')!.onChunk(samples());
      taps.get('candidate')!.onChunk(samples());
    }
    expect(events.filter((event) => event.kind === 'notice')).toEqual([{ kind: 'notice', message: ECHO_NOTICE }]);
  });

  it('ends a drill at once when the microphone cannot be opened', async () => {
    const { capture, events } = setup({ micError: new Error('NotAllowedError') });
    await capture.handle({ ...startMessage(true), streamId: null });
    expect(events[0]).toMatchObject({
      kind: 'error',
      fatal: true,
      message: expect.stringMatching(/start the drill again/),
    });
    await expect.poll(() => events.at(-1)?.kind).toBe('stopped');
  });

  it('keeps showing lines, and says so once, when storage is full', async () => {
    const { capture, events, db } = setup();
    await capture.handle(startMessage());
    await capture.onWorkerReply(final('interviewer', 'saved before the disk filled'));
    const handle = await db;
    const realPut = handle.put.bind(handle);
    handle.put = async () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    await capture.onWorkerReply(final('interviewer', 'after one'));
    await capture.onWorkerReply(final('interviewer', 'after two'));
    handle.put = realPut;

    expect(events.filter((event) => event.kind === 'line')).toHaveLength(3);
    const warnings = events.filter((event) => event.kind === 'error');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      fatal: false,
      message: expect.stringMatching(/storage is full \(QuotaExceededError\).*Lines saved before are kept/),
    });
    expect((await linesOf(handle, 's1')).map((line) => line.text)).toEqual(['saved before the disk filled']);
  });

  it('starts nothing when the session record cannot be written, says so, and lets the next Start work', async () => {
    openStreams = 0;
    const { capture, events, taps, toWorker } = setup({ diskFullOnce: true });
    await capture.handle(startMessage());

    expect(events.map((event) => event.kind)).toEqual(['error', 'stopped']);
    expect(events[0]).toMatchObject({ fatal: true, message: expect.stringContaining('QuotaExceededError') });
    expect(events[1]).toMatchObject({ reason: 'error' });
    expect(taps.size).toBe(0);
    expect(openStreams).toBe(0);
    expect(toWorker).toEqual([]);

    await capture.handle(startMessage());
    expect(events.at(-1)).toEqual({ kind: 'capturing', sessionId: 's1', withMicrophone: false });
    expect(openStreams).toBe(1);
  });

  it('leaves no empty session in the list when the tab cannot be captured', async () => {
    const { capture, db } = setup({ tabError: new Error('Permission denied') });
    await capture.handle(startMessage());
    expect(await listSessions(await db)).toEqual([]);
  });

  it('keeps the loaded model when only the pause settings change, and sends them to it', async () => {
    const { capture, toWorker } = setup();
    await capture.handle(startMessage());
    await capture.handle({ type: 'offscreen/stop' });
    await capture.onWorkerReply({ status: 'flushed' });
    const slower = { ...asr, vad: { ...asr.vad, minSilenceMs: asr.vad.minSilenceMs + 300 } };
    await capture.handle({ ...startMessage(), asr: slower });
    expect(toWorker.filter((request) => request.type === 'load')).toHaveLength(1);
    expect(toWorker).toContainEqual({ type: 'segmenter', vad: slower.vad });
  });
});
