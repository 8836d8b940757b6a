import { RecentAudioBuffer } from '../audio/recent-audio-buffer';
import type { Channel, RunDevice, VadSettings } from '../messaging/runtime-messages';
import type { RecognitionRequest, WorkerReply } from '../messaging/worker-messages';
import type { RecognitionEngine } from './recognition-engine';

type LoadRequest = Extract<RecognitionRequest, { type: 'load' }>;

/** What a model load produced: the engine and how it runs. */
export interface LoadedEngine {
  engine: Pick<RecognitionEngine, 'pushAudio' | 'skipAudio' | 'flush' | 'dispose' | 'setSegmenter'>;
  device: RunDevice;
  /** How much of the audio kept during the load is worth catching up on at this engine's pace (default: all). */
  catchUpMs?: number;
}

export interface RecognitionHostDeps {
  /** Loads the model a request names and builds an engine on it (the worker's transformers.js part). */
  loadEngine(request: LoadRequest): Promise<LoadedEngine>;
  post(reply: WorkerReply): void;
  now?: () => number;
}

/** While the model loads (a first download can take minutes), keep the last 30 s per channel. */
const WHILE_LOADING_SAMPLES = 30 * 16_000;

/**
 * Feeds a new engine what was said during its load (on a slow engine, only the latest of it);
 * audio keeps arriving while it does, and all of that is caught up on. False once superseded.
 */
async function catchUp(
  loaded: LoadedEngine,
  waiting: Record<Channel, RecentAudioBuffer>,
  superseded: () => Promise<boolean>,
): Promise<boolean> {
  let newest = ((loaded.catchUpMs ?? Number.POSITIVE_INFINITY) * 16_000) / 1000;
  while (waiting.interviewer.samples + waiting.candidate.samples > 0) {
    const window = newest;
    newest = Number.POSITIVE_INFINITY;
    for (const channel of ['interviewer', 'candidate'] as const) {
      const { chunks, skipped } = waiting[channel].drain(window);
      await loaded.engine.skipAudio(channel, (skipped * 1000) / 16_000);
      for (const samples of chunks) {
        if (await superseded()) return false;
        await loaded.engine.pushAudio(channel, samples);
      }
    }
  }
  return true;
}

/**
 * The recognition worker's logic: model loads, audio and flushes, in order. Each load has
 * a generation: a load superseded while it runs (the user picked another model) is
 * disposed when it ends and never becomes the engine, and only the current load reports
 * "ready" or fails the session. A new load does not wait for a superseded one's download.
 * Audio that arrives while no engine is ready is kept (the last 30 s) and fed to the next
 * engine before it takes over.
 */
export function createRecognitionHost(deps: RecognitionHostDeps) {
  const now = deps.now ?? (() => performance.now());
  const waiting: Record<Channel, RecentAudioBuffer> = {
    interviewer: new RecentAudioBuffer(WHILE_LOADING_SAMPLES),
    candidate: new RecentAudioBuffer(WHILE_LOADING_SAMPLES),
  };
  let engine: LoadedEngine['engine'] | null = null;
  let generation = 0;
  /** Segmenter settings sent after the current load was asked for; a load finishing later takes them too. */
  let segmenter: VadSettings | null = null;
  /** The latest load, which a flush waits for. */
  let latest: Promise<void> | null = null;

  async function runLoad(request: LoadRequest, mine: number): Promise<void> {
    const started = now();
    const loaded = await deps.loadEngine(request);
    const superseded = async () => {
      if (mine === generation) return false;
      await loaded.engine.dispose();
      return true;
    };
    if (await superseded()) return;
    if (segmenter) await loaded.engine.setSegmenter(segmenter);
    deps.post({ status: 'ready', device: loaded.device, loadMs: now() - started });
    if (!(await catchUp(loaded, waiting, superseded))) return;
    if (await superseded()) return;
    engine = loaded.engine; // no await between the last check and this: nothing can slip in between
  }

  function startLoad(request: LoadRequest): void {
    const mine = ++generation;
    segmenter = null;
    void engine?.dispose();
    engine = null;
    // A failure ends the session only when it is the current load's.
    latest = runLoad(request, mine).catch((error: unknown) => {
      if (mine === generation)
        deps.post({ status: 'error', message: (error as Error).message ?? String(error), fatal: true });
    });
  }

  return {
    /** Handles one request; the caller runs them one at a time, in order. */
    async handle(request: RecognitionRequest): Promise<void> {
      switch (request.type) {
        case 'load':
          // Loading runs beside the request queue, so audio keeps arriving (and is kept) meanwhile.
          startLoad(request);
          return;
        case 'audio':
          if (engine) await engine.pushAudio(request.channel, request.samples);
          else waiting[request.channel].push(request.samples);
          return;
        case 'segmenter':
          segmenter = request.vad;
          if (engine) await engine.setSegmenter(request.vad);
          return;
        case 'flush':
          if (latest) await latest;
          if (engine) await engine.flush();
          else deps.post({ status: 'flushed' });
          return;
        default: {
          const unhandled: never = request;
          return unhandled;
        }
      }
    },
  };
}
