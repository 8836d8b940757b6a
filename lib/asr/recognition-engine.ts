import type { Channel } from '../messaging/runtime-messages';
import type { WorkerReply } from '../messaging/worker-messages';
import { UtteranceDetector, type SpeechModel } from '../audio/utterance-detector';
import type { SegmenterOptions } from '../audio/utterance-segmenter';
import { cleanTranscript } from './hallucination-filter';
import type { Transcriber } from './whisper-transcriber';

export interface RecognitionEngineOptions {
  transcriber: Transcriber;
  /** One voice-activity model per channel: each keeps its own recurrent state. */
  createVad: () => Promise<SpeechModel>;
  emit: (reply: WorkerReply) => void;
  /** How often the growing utterance is re-decoded for a partial line. */
  partialEveryMs?: number;
  segmenter?: Partial<SegmenterOptions>;
}

/**
 * What the recognition worker does with audio: per channel, cut utterances with the
 * VAD, decode each final utterance, and re-decode the utterance in progress about once
 * a second for a partial line. Finals are never skipped; a partial is skipped when the
 * recogniser is still busy, so a slow machine falls behind on partials, not on text.
 */
export function createRecognitionEngine(options: RecognitionEngineOptions) {
  let segmenterOptions = options.segmenter;
  const partialEveryMs = options.partialEveryMs ?? 1000;
  const detectors = new Map<Channel, Promise<UtteranceDetector>>();
  const lastPartialAt = new Map<Channel, number>();
  let busy = false;
  let pendingFinals = Promise.resolve();

  const detectorFor = (channel: Channel) => {
    let detector = detectors.get(channel);
    if (!detector) {
      detector = options.createVad().then((model) => new UtteranceDetector(model, segmenterOptions));
      detectors.set(channel, detector);
    }
    return detector;
  };

  async function decode(audio: Float32Array) {
    busy = true;
    const start = performance.now();
    try {
      const { text, encoderMs, tokens } = await options.transcriber.transcribe(audio);
      return { text: cleanTranscript(text), decodeMs: performance.now() - start, encoderMs, tokens };
    } finally {
      busy = false;
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
      const detector = await detectorFor(channel);
      for (const event of await detector.push(samples)) {
        if (event.type === 'speech-start') {
          lastPartialAt.set(channel, event.startMs);
          options.emit({ status: 'speech-start', channel, startMs: event.startMs });
        } else if (event.type === 'utterance') {
          void finalise(channel, event.audio, event.startMs, event.endMs);
        }
      }
      const active = detector.segmenter.activeAudio();
      const now = detector.segmenter.elapsedMs;
      if (active && !busy && now - (lastPartialAt.get(channel) ?? 0) >= partialEveryMs) {
        lastPartialAt.set(channel, now);
        try {
          const { text } = await decode(active);
          if (text) options.emit({ status: 'partial', channel, text });
        } catch {
          // A failed partial is not worth a message; the final decode will report.
        }
      }
    },

    /** Ends every utterance in progress and waits until all finals are out. */
    async flush(): Promise<void> {
      for (const [channel, detectorPromise] of detectors) {
        for (const event of (await detectorPromise).flush()) {
          if (event.type === 'utterance') void finalise(channel, event.audio, event.startMs, event.endMs);
        }
      }
      await pendingFinals;
      options.emit({ status: 'flushed' });
    },

    /** New pause, length and padding settings, for channels open now and later; the models stay loaded. */
    async setSegmenter(settings: Pick<SegmenterOptions, 'minSilenceMs' | 'maxUtteranceMs' | 'padMs'>): Promise<void> {
      segmenterOptions = { ...segmenterOptions, ...settings };
      for (const detector of detectors.values()) (await detector).segmenter.reconfigure(settings);
    },

    /** Frees the model (a different one was chosen). */
    dispose: () => options.transcriber.dispose(),
  };
}

export type RecognitionEngine = ReturnType<typeof createRecognitionEngine>;
