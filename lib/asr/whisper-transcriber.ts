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

export interface Transcriber {
  readonly device: AsrDevice;
  transcribe(audio: Float32Array): Promise<string>;
  dispose(): Promise<void>;
}

/** One second of quiet: decoding it once compiles the graphs before the first real utterance. */
const WARM_UP_SAMPLES = 16_000;

/**
 * Loads Whisper through transformers.js and keeps it ready. One transcription runs at
 * a time (the pipeline is not re-entrant); callers queue behind the returned promise.
 */
export async function loadTranscriber(pipeline: PipelineFactory, options: TranscriberOptions): Promise<Transcriber> {
  const asr = (await pipeline('automatic-speech-recognition', options.model, {
    device: options.device,
    dtype: options.dtype ?? dtypeFor(options.device),
    progress_callback: options.onProgress,
  })) as AutomaticSpeechRecognitionPipeline;
  let queue: Promise<unknown> = Promise.resolve();
  const run = (audio: Float32Array) => {
    const next = queue.then(async () => {
      const output = await asr(audio);
      return (Array.isArray(output) ? output[0]?.text : output.text) ?? '';
    });
    queue = next.catch(() => undefined);
    return next;
  };
  await run(new Float32Array(WARM_UP_SAMPLES));
  return {
    device: options.device,
    transcribe: run,
    dispose: () => asr.dispose(),
  };
}
