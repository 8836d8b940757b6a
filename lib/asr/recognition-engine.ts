import type { Channel } from '../messaging/runtime-messages';
import type { WorkerReply } from '../messaging/worker-messages';
import { UtteranceDetector, type SpeechModel } from '../audio/utterance-detector';
import type { SegmenterOptions } from '../audio/utterance-segmenter';
import { cleanTranscript } from './hallucination-filter';
import { readsAsWholeQuestion } from './question-shaped';
import { partialsAffordable, partialsOnAtPace } from './recognition-pace';
import type { Transcriber } from './whisper-transcriber';

export interface RecognitionEngineOptions {
  transcriber: Transcriber;
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
 * What the recognition worker does with audio: per channel, cut utterances with the
 * VAD, decode each final utterance, and re-decode the utterance in progress about once
 * a second for a partial line. Finals are never skipped; a partial is skipped when the
 * recogniser is busy, behind, or too slow for partials to pay (see `partialsAffordable`),
 * so a slow device gives up live partial text, never lines, and says so once.
 */

export function createRecognitionEngine(options: RecognitionEngineOptions) {
  let segmenterOptions = options.segmenter;
  const partialEveryMs = options.partialEveryMs ?? PARTIAL_EVERY_MS;
  const detectors = new Map<Channel, Promise<UtteranceDetector>>();
  const lastPartialAt = new Map<Channel, number>();
  /** Where each channel's utterance in progress began: its partials carry it, as its final line will. */
  const utteranceStart = new Map<Channel, number>();
  let busy = false;
  let pendingFinals = Promise.resolve();
  // The warm-up decode is the first estimate of what a decode costs on this device.
  let lastDecodeMs = options.transcriber.warmUpMs;
  let paceTold: boolean | undefined;
  const backlogMs = options.backlogMs ?? (() => 0);

  /** Says once, and again only on a change, whether partial lines are on at this device's pace. */
  function tellPace() {
    const partials = partialsOnAtPace(lastDecodeMs, partialEveryMs);
    if (partials === paceTold) return;
    paceTold = partials;
    options.emit({ status: 'pace', partials, decodeMs: Math.round(lastDecodeMs) });
  }
  // The pace only changes when a decode ends; the warm-up's is told now.
  tellPace();

  /** Set once the voice detector failed to load: the session is told once, and later audio is dropped. */
  let vadFailed = false;
  const detectorFor = (channel: Channel) => {
    let detector = detectors.get(channel);
    if (!detector) {
      detector = options.createVad().then((model) => new UtteranceDetector(model, segmenterOptions));
      detectors.set(channel, detector);
    }
    return detector;
  };
  /**
   * The channel's detector, or undefined once its load failed. Audio arrives every 100 ms;
   * a failed load is not retried per chunk but ends the session with one clear message.
   */
  async function usableDetector(channel: Channel): Promise<UtteranceDetector | undefined> {
    if (vadFailed) return undefined;
    try {
      return await detectorFor(channel);
    } catch (error) {
      if (vadFailed) return undefined;
      vadFailed = true;
      options.emit({
        status: 'error',
        message: `The voice detector could not load (${(error as Error).message}), so Cuecard cannot tell speech from silence. Capture stopped; reload the extension and press Start again.`,
        fatal: true,
      });
      return undefined;
    }
  }

  async function decode(audio: Float32Array) {
    busy = true;
    const start = performance.now();
    try {
      const { text, encoderMs, tokens } = await options.transcriber.transcribe(audio);
      lastDecodeMs = performance.now() - start;
      return { text: cleanTranscript(text), decodeMs: lastDecodeMs, encoderMs, tokens };
    } finally {
      busy = false;
      tellPace();
    }
  }

  function finalise(channel: Channel, audio: Float32Array, startMs: number, endMs: number) {
    pendingFinals = pendingFinals.then(async () => {
      try {
        const { text, decodeMs, encoderMs, tokens } = await decode(audio);
        if (text) options.emit({ status: 'final', channel, text, startMs, endMs, decodeMs, encoderMs, tokens });
      } catch (error) {
        options.emit({ status: 'error', message: `Transcription failed: ${(error as Error).message}`, fatal: false });
      }
    });
    return pendingFinals;
  }

  return {
    async pushAudio(channel: Channel, samples: Float32Array): Promise<void> {
      const detector = await usableDetector(channel);
      if (!detector) return;
      for (const event of await detector.push(samples)) {
        if (event.type === 'speech-start') {
          lastPartialAt.set(channel, event.startMs);
          utteranceStart.set(channel, event.startMs);
          options.emit({ status: 'speech-start', channel, startMs: event.startMs });
        } else if (event.type === 'utterance') {
          // Awaited: the voice model and Whisper share one ONNX Runtime, and its WASM build
          // corrupts its state when a second run starts while one is in flight.
          await finalise(channel, event.audio, event.startMs, event.endMs);
        }
      }
      const active = detector.segmenter.activeAudio();
      const now = detector.segmenter.elapsedMs;
      const due = now - (lastPartialAt.get(channel) ?? 0) >= partialEveryMs;
      if (active && !busy && due && partialsAffordable(lastDecodeMs, partialEveryMs, backlogMs())) {
        lastPartialAt.set(channel, now);
        try {
          const { text } = await decode(active);
          if (text)
            options.emit({ status: 'partial', channel, text, startMs: utteranceStart.get(channel) ?? 0, endMs: now });
          if (text && channel === 'interviewer' && readsAsWholeQuestion(text))
            detector.segmenter.endSooner(QUESTION_PAUSE_MS);
        } catch {
          // A failed partial is not worth a message; the final decode will report.
        }
      }
    },

    /** Audio captured on a channel but not given (dropped while the model loaded): keeps line times true to capture. */
    async skipAudio(channel: Channel, ms: number): Promise<void> {
      if (ms > 0) (await usableDetector(channel))?.segmenter.skip(ms);
    },

    /** Ends every utterance in progress and waits until all finals are out. */
    async flush(): Promise<void> {
      for (const channel of detectors.keys()) {
        const detector = await usableDetector(channel);
        for (const event of detector?.flush() ?? []) {
          if (event.type === 'utterance') await finalise(channel, event.audio, event.startMs, event.endMs);
        }
      }
      await pendingFinals;
      options.emit({ status: 'flushed' });
    },

    /** New pause, length and padding settings, for channels open now and later; the models stay loaded. */
    async setSegmenter(settings: Pick<SegmenterOptions, 'minSilenceMs' | 'maxUtteranceMs' | 'padMs'>): Promise<void> {
      segmenterOptions = { ...segmenterOptions, ...settings };
      for (const channel of detectors.keys()) (await usableDetector(channel))?.segmenter.reconfigure(settings);
    },

    /** Frees the model (a different one was chosen). */
    dispose: () => options.transcriber.dispose(),
  };
}

export type RecognitionEngine = ReturnType<typeof createRecognitionEngine>;
