import type { RunDevice } from '../messaging/runtime-messages';
/**
 * The speech models a user can pick (Whisper and Moonshine: both load through transformers.js's
 * speech-recognition pipeline from the same file layout), with what the download costs, shown
 * before it starts, and what the choice means in plain words.
 */
export interface WhisperModelChoice {
  id: string;
  label: string;
  /** Model id on the model hub, in the transformers.js (ONNX) layout. */
  hubId: string;
  englishOnly: boolean;
  /** Approximate download for the WASM (q8) files, in MB. */
  downloadMb: number;
  /** What the choice means for the user: speed against accuracy, languages. */
  tradeOff: string;
}

export const WHISPER_MODELS: readonly WhisperModelChoice[] = [
  {
    id: 'moonshine-tiny',
    label: 'Moonshine tiny (English)',
    hubId: 'onnx-community/moonshine-tiny-ONNX',
    englishOnly: true,
    downloadMb: 28,
    tradeOff: 'fastest without a graphics card; in its makers’ tests as accurate as Whisper tiny or more',
  },
  {
    id: 'tiny.en',
    label: 'Whisper tiny (English)',
    hubId: 'onnx-community/whisper-tiny.en',
    englishOnly: true,
    downloadMb: 41,
    tradeOff: 'reads 30 s of audio for every line, so slower than Moonshine without a graphics card',
  },
  {
    id: 'base.en',
    label: 'Whisper base (English)',
    hubId: 'onnx-community/whisper-base.en',
    englishOnly: true,
    downloadMb: 77,
    tradeOff: 'more accurate, about twice as slow',
  },
  {
    id: 'small',
    label: 'Whisper small (multilingual)',
    hubId: 'onnx-community/whisper-small',
    englishOnly: false,
    downloadMb: 250,
    tradeOff: 'many languages, slowest; for a fast computer',
  },
];

/**
 * Moonshine tiny: on a CPU it recognises a question several times faster than Whisper tiny.en
 * (its encoder reads the utterance, not a 30 s window; BENCHMARKS.md, issue #21), and its
 * published word error rate is no worse (LibriSpeech clean / other: 4.5 / 11.7 % against
 * 5.7 / 15.5 %, Moonshine paper, arXiv:2410.15608).
 */
export const DEFAULT_WHISPER_MODEL = 'moonshine-tiny';

/** WebGPU or WASM in the browser; "cpu" is ONNX Runtime's native backend under Node (tests, benchmarks). */
export type AsrDevice = RunDevice | 'cpu';

/**
 * Weight precision per device: q8 decoders have produced gibberish on WebGPU in
 * transformers.js, so WebGPU gets an fp32 encoder with a q4 decoder; WASM and CPU get q8.
 */
export function dtypeFor(device: AsrDevice): Record<'encoder_model' | 'decoder_model_merged', 'fp32' | 'q4' | 'q8'> {
  return device === 'webgpu'
    ? { encoder_model: 'fp32', decoder_model_merged: 'q4' }
    : { encoder_model: 'q8', decoder_model_merged: 'q8' };
}

export function findWhisperModel(id: string): WhisperModelChoice | undefined {
  return WHISPER_MODELS.find((model) => model.id === id);
}
