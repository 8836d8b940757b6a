import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { Silero } from '@ricky0123/vad-web/dist/models/silero';
import { createModelHost } from '@/lib/asr/model-host';
import { modelWorkersFor } from '@/lib/asr/recognition-arrangement';
import { createRecognitionEngine } from '@/lib/asr/recognition-engine';
import { loadRemotePool, loadRemoteTranscriber, type ModelWorkerPort } from '@/lib/asr/remote-transcriber';
import { createTranscriberPool } from '@/lib/asr/transcriber-pool';
import type { Transcriber, Transcription } from '@/lib/asr/whisper-transcriber';
import type { ModelRequest, WorkerReply } from '@/lib/messaging/worker-messages';
import { TEST_ASR } from '../../fakes/asr-settings';
import { readWav } from '../../support/read-wav';

const vadBytes = readFileSync('node_modules/@ricky0123/vad-web/dist/silero_vad_v5.onnx');
const createVad = () =>
  Silero.new(ort, () =>
    Promise.resolve(vadBytes.buffer.slice(vadBytes.byteOffset, vadBytes.byteOffset + vadBytes.length)),
  );
const LOAD: Extract<ModelRequest, { type: 'load' }> = {
  type: 'load',
  ...TEST_ASR,
  wasmPaths: 'ort/',
  vadModelUrl: 'vad.onnx',
};
const wait = (ms: number) => new Promise((wake) => setTimeout(wake, ms));
const line = (text: string): Transcription => ({ text, encoderMs: 1, decoderMs: 1, tokens: 3 });

/** A transcriber whose decodes run `decode` (a unit boundary: the model itself is not under test here). */
const transcriberFrom = (decode: (audio: Float32Array) => Promise<Transcription>): Transcriber => ({
  device: 'wasm',
  warmUpMs: 600, // slower than half the partial cadence: finals only, as on this machine
  transcribe: decode,
  dispose: () => Promise.resolve(),
});

/**
 * A model worker in this process: the real model host, its messages cloned as postMessage would,
 * delivered a task later; `crash` is what an uncaught error in the worker looks like to its owner.
 */
function modelWorker(transcriber: Transcriber) {
  let onMessage: (data: unknown) => void = () => undefined;
  let onCrash: (message: string) => void = () => undefined;
  const state = { terminated: false, requests: [] as string[] };
  const host = createModelHost({
    loadTranscriber: () => Promise.resolve({ transcriber, device: 'wasm' as const }),
    post: (reply: WorkerReply) => setTimeout(() => onMessage(structuredClone(reply)), 0),
  });
  const port: ModelWorkerPort = {
    post: (request) => {
      state.requests.push(request.type);
      const copy = structuredClone(request);
      setTimeout(() => void host.handle(copy), 0);
    },
    listen(message, crash) {
      onMessage = message;
      onCrash = crash;
    },
    terminate: () => void (state.terminated = true),
  };
  return { port, state, crash: (message: string) => onCrash(message) };
}

async function feedTwoQuestions(engine: ReturnType<typeof createRecognitionEngine>) {
  const { samples } = readWav('tests/fixtures/audio/two-questions.wav');
  for (let i = 0; i < samples.length; i += 1_600) await engine.pushAudio('interviewer', samples.slice(i, i + 1_600));
  await engine.flush();
}

describe('recognition across workers', () => {
  it('decodes two questions at once in two model workers and hands the lines on in the order spoken', async () => {
    // The first question's decode finishes only after the second's: if the engine waited for one
    // decode before starting the next, the first would wait out its 8 s fallback instead.
    let secondDone!: () => void;
    const second = new Promise<void>((resolve) => (secondDone = resolve));
    let calls = 0;
    let inFlight = 0;
    let mostAtOnce = 0;
    const finishedOrder: string[] = [];
    const decode = async (): Promise<Transcription> => {
      const text = ++calls === 1 ? 'How would you handle class imbalance?' : 'Tell me about a disagreement.';
      inFlight++;
      mostAtOnce = Math.max(mostAtOnce, inFlight);
      await (calls === 1 ? Promise.race([second, wait(8_000)]) : wait(20));
      inFlight--;
      finishedOrder.push(text);
      if (calls > 1) secondDone();
      return line(text);
    };
    const workers = [modelWorker(transcriberFrom(decode)), modelWorker(transcriberFrom(decode))];
    const pool = await loadRemotePool(
      workers.map((worker) => worker.port),
      LOAD,
      { forward: () => undefined, onCrash: () => undefined },
    );
    const replies: WorkerReply[] = [];
    const engine = createRecognitionEngine({
      transcriber: pool,
      separateRuntime: true,
      createVad,
      emit: (reply) => replies.push(reply),
    });
    const started = performance.now();
    await feedTwoQuestions(engine);

    const finals = replies.filter((reply) => reply.status === 'final');
    expect(mostAtOnce).toBe(2);
    expect(finishedOrder).toEqual(['Tell me about a disagreement.', 'How would you handle class imbalance?']);
    expect(finals.map((reply) => reply.status === 'final' && reply.text)).toEqual([
      'How would you handle class imbalance?',
      'Tell me about a disagreement.',
    ]);
    expect(
      finals[0]!.status === 'final' && finals[1]!.status === 'final' && finals[0]!.startMs < finals[1]!.startMs,
    ).toBe(true);
    expect(performance.now() - started).toBeLessThan(8_000);
    expect(replies.at(-1)).toEqual({ status: 'flushed' });
  }, 30_000);

  it('a model worker that dies mid-decode ends the session with the crash message, once, and the flush still ends', async () => {
    const hanging = modelWorker(transcriberFrom(() => new Promise<Transcription>(() => undefined)));
    const healthy = modelWorker(transcriberFrom(() => Promise.resolve(line('Tell me about a disagreement.'))));
    const replies: WorkerReply[] = [];
    const post = (reply: WorkerReply) => replies.push(reply);
    const pool = await loadRemotePool([hanging.port, healthy.port], LOAD, {
      forward: post,
      onCrash: (message) => post({ status: 'error', message, fatal: true }),
    });
    const engine = createRecognitionEngine({ transcriber: pool, separateRuntime: true, createVad, emit: post });
    // The worker dies while the first question decodes in it.
    const crashWhenBusy = setInterval(() => {
      if (hanging.state.requests.includes('transcribe')) {
        clearInterval(crashWhenBusy);
        hanging.crash('RuntimeError: memory access out of bounds');
      }
    }, 5);
    await feedTwoQuestions(engine);
    clearInterval(crashWhenBusy);

    const errors = replies.filter((reply) => reply.status === 'error');
    expect(errors.filter((reply) => reply.status === 'error' && reply.fatal)).toEqual([
      {
        status: 'error',
        message: 'The recognition worker crashed (RuntimeError: memory access out of bounds).',
        fatal: true,
      },
    ]);
    expect(replies.at(-1)).toEqual({ status: 'flushed' });
  }, 30_000);

  it('a model worker that crashes while loading fails the load, and every model worker is ended', async () => {
    const dying = modelWorker(transcriberFrom(() => Promise.resolve(line('x'))));
    const fine = modelWorker(transcriberFrom(() => Promise.resolve(line('x'))));
    dying.port.post = () => setTimeout(() => dying.crash('out of memory'), 0);
    const load = loadRemotePool([dying.port, fine.port], LOAD, {
      forward: () => undefined,
      onCrash: () => undefined,
    });
    await expect(load).rejects.toThrow('The recognition worker crashed (out of memory).');
    expect([dying.state.terminated, fine.state.terminated]).toEqual([true, true]);
  });

  it('answers each decode by its id, and says so when a decode fails', async () => {
    let call = 0;
    const worker = modelWorker(
      transcriberFrom(async () => {
        const mine = ++call;
        if (mine === 2) throw new Error('Session run failed');
        await wait(mine === 1 ? 30 : 0);
        return line(`line ${mine}`);
      }),
    );
    const remote = await loadRemoteTranscriber(worker.port, LOAD, {
      forward: () => undefined,
      onCrash: () => undefined,
    });
    const outcomes = await Promise.allSettled([
      remote.transcribe(new Float32Array(16)),
      remote.transcribe(new Float32Array(16)),
      remote.transcribe(new Float32Array(16)),
    ]);
    expect(
      outcomes.map((outcome) =>
        outcome.status === 'fulfilled' ? outcome.value.text : (outcome.reason as Error).message,
      ),
    ).toEqual(['line 1', 'Session run failed', 'line 3']);
  });
});

describe('transcriber pool', () => {
  it('runs as many decodes at once as it has members, and queues the rest first come, first served', async () => {
    const started: string[] = [];
    let inFlight = 0;
    let mostAtOnce = 0;
    const member = (name: string) =>
      transcriberFrom(async (audio) => {
        started.push(`${name}:${audio[0]}`);
        inFlight++;
        mostAtOnce = Math.max(mostAtOnce, inFlight);
        await wait(20);
        inFlight--;
        return line(String(audio[0]));
      });
    const pool = createTranscriberPool([member('a'), member('b')]);
    const asked = performance.now();
    const texts = await Promise.all(
      [1, 2, 3, 4, 5].map(async (n) => {
        const result = await pool.transcribe(new Float32Array([n]));
        return { ...result, waitedMs: performance.now() - asked };
      }),
    );
    // The fifth waited for two rounds of decodes; its own decode time leaves that wait out.
    expect(texts[4]!.ranMs).toBeLessThan(texts[4]!.waitedMs);
    expect(pool.capacity).toBe(2);
    expect(mostAtOnce).toBe(2);
    expect(texts.map((t) => t.text)).toEqual(['1', '2', '3', '4', '5']);
    expect(started.slice(0, 2)).toEqual(['a:1', 'b:2']);
    expect(started.map((entry) => entry.split(':')[1])).toEqual(['1', '2', '3', '4', '5']);
  });
});

describe('modelWorkersFor', () => {
  it('keeps everything in one worker (measured no slower), and lets a benchmark build fix the arrangement', () => {
    expect(modelWorkersFor(1)).toBe(0);
    expect(modelWorkersFor(8)).toBe(0);
    expect(modelWorkersFor(1, '2')).toBe(2);
    expect(modelWorkersFor(8, '1')).toBe(1);
    expect(modelWorkersFor(8, 'lots')).toBe(0);
  });
});
