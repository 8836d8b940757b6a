import type { Channel } from '../messaging/runtime-messages';
import type { WorkerReply } from '../messaging/worker-messages';
import { UtteranceDetector, type SpeechModel } from '../audio/utterance-detector';
import type { SegmenterOptions } from '../audio/utterance-segmenter';
import { cleanTranscript } from './hallucination-filter';
import { readsAsWholeQuestion } from './question-shaped';
import { createPace, partialsAffordable, type Pace } from './recognition-pace';
import type { Transcriber } from './whisper-transcriber';

export interface RecognitionEngineOptions {
  /** With `capacity` above 1 (a pool of model workers), that many decodes run at once. */
  transcriber: Transcriber & { readonly capacity?: number };
  /**
   * The speech model runs in runtimes of its own (model workers): the voice detector goes on
   * while a line decodes, and lines decoded side by side still come out in the order spoken.
   * Without it the voice model and the speech model share one ONNX Runtime, whose WASM build
   * corrupts its state when a second run starts while one is in flight, so each waits for the other.
   */
  separateRuntime?: boolean;
  /** One voice-activity model per channel: each keeps its own recurrent state. */
  createVad: () => Promise<SpeechModel>;
  emit: (reply: WorkerReply) => void;
  /** How often the growing utterance is re-decoded for a partial line. */
  partialEveryMs?: number;
  segmenter?: Partial<SegmenterOptions>;
  /** Captured audio waiting behind the chunk being handled, in ms (the worker's queue). */
  backlogMs?: () => number;
}

/** Partial lines about once a second, where the device can afford them. */
export const PARTIAL_EVERY_MS = 1000;

/**
 * The pause that ends the interviewer's turn once a partial line reads as a whole question:
 * its card comes this much sooner than after the usual pause. `npm run bench:pause` split no
 * question of the spoken fixtures at 400 ms, one in eight at 300 ms.
 */
export const QUESTION_PAUSE_MS = 400;

/**
 * One utterance detector per channel, made on first use. Audio arrives every 100 ms; a voice
 * model that fails to load is not retried per chunk but ends the session with one clear message.
 */
function createDetectors(options: RecognitionEngineOptions) {
  let segmenterOptions = options.segmenter;
  const detectors = new Map<Channel, Promise<UtteranceDetector>>();
  let failed = false;
  const detectorFor = (channel: Channel) => {
    let detector = detectors.get(channel);
    if (!detector) {
      detector = options.createVad().then((model) => new UtteranceDetector(model, segmenterOptions));
      detectors.set(channel, detector);
    }
    return detector;
  };
  return {
    channels: () => [...detectors.keys()],
    /** The channel's detector, or undefined once its load failed (the session was told). */
    async usable(channel: Channel): Promise<UtteranceDetector | undefined> {
      if (failed) return undefined;
      try {
        return await detectorFor(channel);
      } catch (error) {
        if (failed) return undefined;
        failed = true;
        options.emit({
          status: 'error',
          message: `The voice detector could not load (${(error as Error).message}), so Cuecard cannot tell speech from silence. Capture stopped; reload the extension and press Start again.`,
          fatal: true,
        });
        return undefined;
      }
    },
    /** Settings for detectors made from now on. */
    reconfigure(settings: Partial<SegmenterOptions>) {
      segmenterOptions = { ...segmenterOptions, ...settings };
    },
  };
}

/**
 * Decodes, as many at once as the transcriber allows, with results handed on in the order the
 * decodes were asked for: a short line decoded beside a long one waits for it.
 */
function createDecoder(options: RecognitionEngineOptions, pace: Pace) {
  const capacity = options.transcriber.capacity ?? 1;
  let inFlight = 0;
  let inOrder = Promise.resolve();
  async function decode(audio: Float32Array) {
    inFlight++;
    const start = performance.now();
    let decodeMs: number | undefined;
    try {
      const { text, encoderMs, tokens, ranMs } = await options.transcriber.transcribe(audio);
      // A line that waited for a free model worker did not take longer to decode.
      decodeMs = ranMs ?? performance.now() - start;
      return { text: cleanTranscript(text), decodeMs, encoderMs, tokens };
    } finally {
      inFlight--;
      pace.record(decodeMs);
    }
  }
  return {
    /** Whether a decode could start now without waiting for another. */
    free: () => inFlight < capacity,
    /** Starts a decode now; `then` runs after every earlier decode's, in order. Resolves when it has. */
    ordered(audio: Float32Array, then: (result: Awaited<ReturnType<typeof decode>>) => void): Promise<void> {
      const decoding = decode(audio);
      // Read below, after the earlier ones: not an unhandled rejection meanwhile.
      decoding.catch(() => undefined);
      const mine = inOrder.then(async () => then(await decoding));
      inOrder = mine.catch(() => undefined);
      return mine;
    },
    /** Resolves when every decode asked for so far has been handed on. */
    settled: () => inOrder,
  };
}

/**
 * Final and partial lines from decodes, handed on in the order they were asked for. A partial
 * whose utterance ended (its final was asked for) while it decoded is dropped: it is stale.
 */
function createLines(options: RecognitionEngineOptions, decoder: ReturnType<typeof createDecoder>) {
  /** Finals asked for per channel: a partial that started before the latest final is stale. */
  const finalsAsked = new Map<Channel, number>();

  function finalise(channel: Channel, audio: Float32Array, startMs: number, endMs: number): Promise<void> {
    finalsAsked.set(channel, (finalsAsked.get(channel) ?? 0) + 1);
    const done = decoder.ordered(audio, ({ text, decodeMs, encoderMs, tokens }) => {
      if (text) options.emit({ status: 'final', channel, text, startMs, endMs, decodeMs, encoderMs, tokens });
    });
    return done.then(undefined, (error: Error) =>
      options.emit({ status: 'error', message: `Transcription failed: ${error.message}`, fatal: false }),
    );
  }

  /** `startMs`: where the utterance began, which its final line will carry too; `endMs`: how far it is heard. */
  function partial(
    channel: Channel,
    detector: UtteranceDetector,
    active: Float32Array,
    startMs: number,
    endMs: number,
  ): Promise<void> {
    const finalsBefore = finalsAsked.get(channel) ?? 0;
    // A failed partial is not worth a message; the final decode will report.
    return decoder
      .ordered(active, ({ text }) => {
        if (!text || (finalsAsked.get(channel) ?? 0) !== finalsBefore) return;
        options.emit({ status: 'partial', channel, text, startMs, endMs });
        if (channel === 'interviewer' && readsAsWholeQuestion(text)) detector.segmenter.endSooner(QUESTION_PAUSE_MS);
      })
      .catch(() => undefined);
  }

  return { finalise, partial };
}

/**
 * What the recognition worker does with audio: per channel, cut utterances with the
 * VAD, decode each final utterance, and re-decode the utterance in progress about once
 * a second for a partial line. Finals are never skipped; a partial is skipped when the
 * recogniser is busy, behind, or too slow for partials to pay (see `partialsAffordable`),
 * so a slow device gives up live partial text, never lines, and says so once.
 */
export function createRecognitionEngine(options: RecognitionEngineOptions) {
  const partialEveryMs = options.partialEveryMs ?? PARTIAL_EVERY_MS;
  const backlogMs = options.backlogMs ?? (() => 0);
  const pace = createPace(options.emit, options.transcriber.warmUpMs, partialEveryMs);
  const detectors = createDetectors(options);
  const decoder = createDecoder(options, pace);
  const lastPartialAt = new Map<Channel, number>();
  /** Where each channel's utterance in progress began: its partials carry it, as its final line will. */
  const utteranceStart = new Map<Channel, number>();
  const { finalise, partial } = createLines(options, decoder);

  /** Waits for a decode only while the voice model shares its runtime. */
  const settle = (work: Promise<void>) => (options.separateRuntime ? undefined : work);

  return {
    async pushAudio(channel: Channel, samples: Float32Array): Promise<void> {
      const detector = await detectors.usable(channel);
      if (!detector) return;
      for (const event of await detector.push(samples)) {
        if (event.type === 'speech-start') {
          lastPartialAt.set(channel, event.startMs);
          utteranceStart.set(channel, event.startMs);
          options.emit({ status: 'speech-start', channel, startMs: event.startMs });
        } else if (event.type === 'utterance') {
          await settle(finalise(channel, event.audio, event.startMs, event.endMs));
        }
      }
      const active = detector.segmenter.activeAudio();
      const now = detector.segmenter.elapsedMs;
      const due = now - (lastPartialAt.get(channel) ?? 0) >= partialEveryMs;
      if (active && decoder.free() && due && partialsAffordable(pace.lastDecodeMs, partialEveryMs, backlogMs())) {
        lastPartialAt.set(channel, now);
        await settle(partial(channel, detector, active, utteranceStart.get(channel) ?? 0, now));
      }
    },

    /** Audio captured on a channel but not given (dropped while the model loaded): keeps line times true to capture. */
    async skipAudio(channel: Channel, ms: number): Promise<void> {
      if (ms > 0) (await detectors.usable(channel))?.segmenter.skip(ms);
    },

    /** Ends every utterance in progress and waits until all finals are out. */
    async flush(): Promise<void> {
      for (const channel of detectors.channels()) {
        const detector = await detectors.usable(channel);
        for (const event of detector?.flush() ?? []) {
          if (event.type === 'utterance') await settle(finalise(channel, event.audio, event.startMs, event.endMs));
        }
      }
      await decoder.settled();
      options.emit({ status: 'flushed' });
    },

    /** New pause, length and padding settings, for channels open now and later; the models stay loaded. */
    async setSegmenter(settings: Pick<SegmenterOptions, 'minSilenceMs' | 'maxUtteranceMs' | 'padMs'>): Promise<void> {
      detectors.reconfigure(settings);
      for (const channel of detectors.channels()) (await detectors.usable(channel))?.segmenter.reconfigure(settings);
    },

    /** Frees the model (a different one was chosen). */
    dispose: () => options.transcriber.dispose(),
  };
}

export type RecognitionEngine = ReturnType<typeof createRecognitionEngine>;
