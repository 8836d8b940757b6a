import type { AutomaticSpeechRecognitionPipeline, ProgressInfo } from '@huggingface/transformers';
import type { AsrDevice } from './whisper-models';
import { dtypeFor } from './whisper-models';

type PipelineFactory = typeof import('@huggingface/transformers').pipeline;

export interface TranscriberOptions {
  /** Model id as transformers.js resolves it (hub id, or a folder under `env.localModelPath`). */
  model: string;
  device: AsrDevice;
  /** Precision override, e.g. "fp32" for a model folder without quantised files. */
  dtype?: 'fp32' | 'q8';
  onProgress?: (progress: ProgressInfo) => void;
}

/** What one decode produced and where its time went. */
export interface Transcription {
  text: string;
  /** Time in the audio encoder (one 30 s window per utterance, whatever its length). */
  encoderMs: number;
  /** Time in the text decoder, all steps. */
  decoderMs: number;
  /** Decoder steps run: one per generated token. */
  tokens: number;
  /** The decode's own time, without the wait for a free model worker (set by a pool). */
  ranMs?: number;
}

export interface TranscribeOptions {
  /** Exactly this many tokens, end-of-text suppressed until then: benchmarks compare equal work. */
  exactTokens?: number;
}

export interface Transcriber {
  readonly device: AsrDevice;
  /** How long a warm decode of one second of quiet took: this device's pace, before any speech. */
  readonly warmUpMs: number;
  transcribe(audio: Float32Array, options?: TranscribeOptions): Promise<Transcription>;
  dispose(): Promise<void>;
}

/** One second of quiet: decoded before the first real utterance, to build the graphs and time a decode. */
const WARM_UP_SAMPLES = 16_000;
const SAMPLE_RATE = 16_000;
/** Fast English speech is about 4 tokens a second; a decode that runs past 5 a second is looping. */
const TOKENS_PER_SECOND = 5;
const TOKEN_ALLOWANCE = 8;
/** Whisper's 448 target positions, less the prompt tokens. */
const MAX_TOKENS = 440;

/**
 * The most tokens an utterance of this length can need. A decoding loop ("the the the …",
 * a repeated sentence) otherwise runs to Whisper's 448-token limit, tens of seconds on WASM;
 * capped, it costs a fraction of that and the loop filter drops what it produced.
 */
export function tokenBudget(samples: number): number {
  return Math.min(MAX_TOKENS, TOKEN_ALLOWANCE + Math.ceil((TOKENS_PER_SECOND * samples) / SAMPLE_RATE));
}

interface TimedSession {
  run: (...args: unknown[]) => Promise<unknown>;
}

/**
 * Wraps the encoder's and decoder's ONNX sessions to time each run. transformers.js keeps
 * them in `model.sessions` ("model" is Whisper's encoder); if a version names them
 * otherwise, the figures read zero and transcription is unaffected.
 */
function timeSessions(asr: AutomaticSpeechRecognitionPipeline) {
  const totals = { encoderMs: 0, decoderMs: 0, tokens: 0 };
  const sessions = (asr.model as unknown as { sessions?: Record<string, TimedSession> }).sessions ?? {};
  const wrap = (name: string, record: (ms: number) => void) => {
    const session = sessions[name];
    if (!session) return;
    const run = session.run.bind(session);
    session.run = async (...args) => {
      const start = performance.now();
      try {
        return await run(...args);
      } finally {
        record(performance.now() - start);
      }
    };
  };
  wrap('model', (ms) => (totals.encoderMs += ms));
  wrap('decoder_model_merged', (ms) => {
    totals.decoderMs += ms;
    totals.tokens += 1;
  });
  return {
    /** The time spent since the last call. */
    take() {
      const taken = { ...totals };
      totals.encoderMs = totals.decoderMs = totals.tokens = 0;
      return taken;
    },
  };
}

/**
 * Loads Whisper through transformers.js and keeps it ready. One transcription runs at
 * a time (the pipeline is not re-entrant); callers queue behind the returned promise.
 */
export async function loadTranscriber(pipeline: PipelineFactory, options: TranscriberOptions): Promise<Transcriber> {
  const asr: AutomaticSpeechRecognitionPipeline = await pipeline('automatic-speech-recognition', options.model, {
    device: options.device,
    dtype: options.dtype ?? dtypeFor(options.device),
    progress_callback: options.onProgress,
  });
  const timing = timeSessions(asr);
  let queue: Promise<unknown> = Promise.resolve();
  // At most what the audio's length allows (`tokenBudget`), or exactly what a benchmark asks for.
  const run = (audio: Float32Array, { exactTokens }: TranscribeOptions = {}) => {
    const next = queue.then(async (): Promise<Transcription> => {
      timing.take();
      const tokens = exactTokens ?? tokenBudget(audio.length);
      // transformers.js types a pipeline's output loosely; one text, or one per input.
      const output = (await asr(audio, {
        max_new_tokens: tokens,
        ...(exactTokens ? { min_new_tokens: exactTokens } : {}),
      })) as { text?: string } | { text?: string }[];
      const text = (Array.isArray(output) ? output[0]?.text : output.text) ?? '';
      return { text, ...timing.take() };
    });
    queue = next.catch(() => undefined);
    return next;
  };
  // The first decode also builds the graphs; the second is what a decode costs here.
  await run(new Float32Array(WARM_UP_SAMPLES));
  const warmUpStart = performance.now();
  await run(new Float32Array(WARM_UP_SAMPLES));
  const warmUpMs = performance.now() - warmUpStart;
  return {
    device: options.device,
    warmUpMs,
    transcribe: run,
    dispose: () => asr.dispose(),
  };
}
