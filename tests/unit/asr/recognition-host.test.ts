import { describe, expect, it } from 'vitest';
import { createRecognitionHost, type LoadedEngine } from '@/lib/asr/recognition-host';
import type { RecognitionRequest, WorkerReply, WorkerRequest } from '@/lib/messaging/worker-messages';
import { TEST_ASR } from '../../fakes/asr-settings';

type LoadRequest = Extract<WorkerRequest, { type: 'load' }>;

/** A fake engine that records what reaches it. */
function fakeEngine(name: string, log: string[]): LoadedEngine {
  return {
    device: 'wasm',
    engine: {
      pushAudio: async (channel, samples) => void log.push(`${name} audio ${channel} ${samples[0]}`),
      skipAudio: async (channel, ms) => void (ms > 0 && log.push(`${name} skip ${channel} ${ms} ms`)),
      flush: async () => void log.push(`${name} flush`),
      dispose: async () => void log.push(`${name} disposed`),
      setSegmenter: async (vad) => void log.push(`${name} pause ${vad.minSilenceMs}`),
    },
  };
}

/** A host whose loads finish (or fail) only when the test says so. */
function setup() {
  const posted: WorkerReply[] = [];
  const log: string[] = [];
  const pending = new Map<string, { resolve: (engine: LoadedEngine) => void; reject: (error: Error) => void }>();
  const host = createRecognitionHost({
    loadEngine: (request) => new Promise((resolve, reject) => pending.set(request.model, { resolve, reject })),
    post: (reply) => posted.push(reply),
    now: () => 0,
  });
  const load = (model: string): LoadRequest => ({
    type: 'load',
    ...TEST_ASR,
    model,
    wasmPaths: 'ort/',
    vadModelUrl: 'vad.onnx',
  });
  const audio = (value: number): RecognitionRequest => ({
    type: 'audio',
    channel: 'interviewer',
    samples: new Float32Array([value]),
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { host, posted, log, pending, load, audio, settle };
}

describe('createRecognitionHost', () => {
  it('keeps audio while the model loads and feeds it, in order, to the engine before new audio', async () => {
    const { host, log, pending, load, audio, settle, posted } = setup();
    await host.handle(load('a'));
    await host.handle(audio(1));
    await host.handle(audio(2));
    pending.get('a')!.resolve(fakeEngine('a', log));
    await settle();
    await host.handle(audio(3));
    expect(log).toEqual(['a audio interviewer 1', 'a audio interviewer 2', 'a audio interviewer 3']);
    expect(posted).toEqual([{ status: 'ready', device: 'wasm', loadMs: 0 }]);
  });

  it('on a slow engine, catches up only on the latest audio kept during the load, then on all that follows', async () => {
    const { host, log, pending, load, settle } = setup();
    await host.handle(load('a'));
    // Three 1 s chunks arrive while the model loads; the engine only wants the last 1.5 s.
    for (const value of [1, 2, 3])
      await host.handle({ type: 'audio', channel: 'interviewer', samples: new Float32Array(16_000).fill(value) });
    pending.get('a')!.resolve({ ...fakeEngine('a', log), catchUpMs: 1_500 });
    await settle();
    await host.handle({ type: 'audio', channel: 'interviewer', samples: new Float32Array(16_000).fill(4) });
    expect(log).toEqual([
      'a skip interviewer 1000 ms',
      'a audio interviewer 2',
      'a audio interviewer 3',
      'a audio interviewer 4',
    ]);
  });

  it('lets the newer of two loads win, whichever finishes last, and disposes the superseded one', async () => {
    const { host, log, pending, load, audio, settle, posted } = setup();
    await host.handle(load('old'));
    await host.handle(load('new'));
    pending.get('new')!.resolve(fakeEngine('new', log));
    await settle();
    pending.get('old')!.resolve(fakeEngine('old', log));
    await settle();
    await host.handle(audio(7));

    expect(log).toEqual(['old disposed', 'new audio interviewer 7']);
    expect(posted.filter((reply) => reply.status === 'ready')).toHaveLength(1);
  });

  it("ignores the failure of a superseded load, and stops the session on the current one's", async () => {
    const { host, pending, load, settle, posted } = setup();
    await host.handle(load('old'));
    await host.handle(load('new'));
    pending.get('old')!.reject(new Error('old model missing'));
    await settle();
    expect(posted).toEqual([]);

    pending.get('new')!.reject(new Error('new model missing'));
    await settle();
    expect(posted).toEqual([{ status: 'error', message: 'new model missing', fatal: true }]);
  });

  it('disposes the running engine when another model is asked for', async () => {
    const { host, log, pending, load, settle } = setup();
    await host.handle(load('a'));
    pending.get('a')!.resolve(fakeEngine('a', log));
    await settle();
    await host.handle(load('b'));
    expect(log).toEqual(['a disposed']);
  });

  it('flushes after the load in progress, or says flushed when there is no engine', async () => {
    const { host, log, pending, load, settle, posted } = setup();
    await host.handle({ type: 'flush' });
    expect(posted).toEqual([{ status: 'flushed' }]);

    await host.handle(load('a'));
    const flushed = host.handle({ type: 'flush' });
    await settle();
    expect(log).toEqual([]);
    pending.get('a')!.resolve(fakeEngine('a', log));
    await flushed;
    expect(log).toEqual(['a flush']);
  });

  it('applies new pause settings to the running engine, and to a load still under way, without loading again', async () => {
    const { host, log, pending, load, settle, posted } = setup();
    const vad = (minSilenceMs: number): RecognitionRequest => ({
      type: 'segmenter',
      vad: { ...TEST_ASR.vad, minSilenceMs },
    });
    await host.handle(load('a'));
    await host.handle(vad(900));
    pending.get('a')!.resolve(fakeEngine('a', log));
    await settle();
    await host.handle(vad(1200));
    expect(log).toEqual(['a pause 900', 'a pause 1200']);
    expect([...pending.keys()]).toEqual(['a']);
    expect(posted).toEqual([{ status: 'ready', device: 'wasm', loadMs: 0 }]);
  });
});
