import { execFileSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where generated models live (ignored by git; made by the tests and benchmarks, never committed). */
export const GENERATED_MODELS_DIR = resolve('test-output/models');

/** The stand-in: Whisper's inputs and outputs, almost no weights; always "hears" one phrase. */
export const TINY_WHISPER_NAME = 'tiny-whisper';
export const TINY_WHISPER_DIR = join(GENERATED_MODELS_DIR, TINY_WHISPER_NAME);
export const TINY_WHISPER_PHRASE = 'How would you handle class imbalance?';

/**
 * A stand-in that hears one of two questions by the length of the speech: the short one
 * below LENGTH_KEYED_THRESHOLD_S, the long one from there. With
 * tests/fixtures/audio/short-long-questions.wav played in a loop, every question is a new card.
 */
export const LENGTH_KEYED_WHISPER_DIR = join(GENERATED_MODELS_DIR, 'length-keyed-whisper');
export const LENGTH_KEYED_PHRASES = {
  short: 'How does dropout work?',
  long: 'How would you handle class imbalance?',
} as const;
export const LENGTH_KEYED_THRESHOLD_S = 2.0;

/** whisper-tiny.en's architecture with seeded random weights, next to the real model's text files. */
export const RANDOM_WHISPER_NAME = 'whisper-tiny.en-random';
export const RANDOM_WHISPER_DIR = join(GENERATED_MODELS_DIR, RANDOM_WHISPER_NAME);
/** The real whisper-tiny.en config, generation config, feature extractor and tokenizer (see PROVENANCE.md there). */
export const WHISPER_TINY_EN_TEXT_FILES = resolve('tests/fixtures/models/whisper-tiny.en');

/** moonshine-tiny's architecture with seeded random weights, next to its published text files. */
export const RANDOM_MOONSHINE_NAME = 'moonshine-tiny-random';
export const RANDOM_MOONSHINE_DIR = join(GENERATED_MODELS_DIR, RANDOM_MOONSHINE_NAME);
/** The published moonshine-tiny config, generation config, feature extractor and tokenizer (see PROVENANCE.md there). */
export const MOONSHINE_TINY_TEXT_FILES = resolve('tests/fixtures/models/moonshine-tiny');

function generate(script: string, args: string[], packages: string): void {
  try {
    execFileSync('/usr/bin/python3', [script, ...args], { stdio: 'pipe' });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
    throw new Error(`could not generate a test model (apt-get install -y ${packages}): ${stderr}`);
  }
}

/** Generates the stand-in once; needs Debian's python3-onnx. */
export function ensureTinyWhisper(): string {
  if (!existsSync(join(TINY_WHISPER_DIR, 'onnx/decoder_model_merged.onnx'))) {
    generate('scripts/make-tiny-whisper.py', [TINY_WHISPER_DIR], 'python3-onnx');
  }
  return TINY_WHISPER_DIR;
}

/** Generates the length-keyed stand-in once; needs Debian's python3-onnx. */
export function ensureLengthKeyedWhisper(): string {
  if (!existsSync(join(LENGTH_KEYED_WHISPER_DIR, 'onnx/decoder_model_merged.onnx'))) {
    const { short, long } = LENGTH_KEYED_PHRASES;
    generate(
      'scripts/make-tiny-whisper.py',
      [LENGTH_KEYED_WHISPER_DIR, '--by-length', String(LENGTH_KEYED_THRESHOLD_S), short, long],
      'python3-onnx',
    );
  }
  return LENGTH_KEYED_WHISPER_DIR;
}

/** Generates the real-architecture model once (about a minute); needs Debian's python3-torch and python3-onnx. */
export function ensureRandomWhisper(): string {
  if (!existsSync(join(RANDOM_WHISPER_DIR, 'onnx/decoder_model_merged_quantized.onnx'))) {
    generate(
      'scripts/make-whisper-random.py',
      [WHISPER_TINY_EN_TEXT_FILES, RANDOM_WHISPER_DIR],
      'python3-torch python3-onnx',
    );
  }
  return RANDOM_WHISPER_DIR;
}

/** Generates the real-architecture Moonshine once (about a minute); needs Debian's python3-torch and python3-onnx. */
export function ensureRandomMoonshine(): string {
  if (!existsSync(join(RANDOM_MOONSHINE_DIR, 'onnx/decoder_model_merged_quantized.onnx'))) {
    generate(
      'scripts/make-moonshine-random.py',
      [MOONSHINE_TINY_TEXT_FILES, RANDOM_MOONSHINE_DIR],
      'python3-torch python3-onnx',
    );
  }
  return RANDOM_MOONSHINE_DIR;
}

/**
 * A generated model with only one precision's weights (hard links, no copy), for
 * paths that pick the precision from the files present, such as the panel's folder picker.
 */
function withOnly(source: string, dtype: 'fp32' | 'q8'): string {
  const target = `${source}-${dtype}`;
  if (!existsSync(join(target, 'onnx'))) {
    mkdirSync(join(target, 'onnx'), { recursive: true });
    for (const file of readdirSync(source)) if (file !== 'onnx') linkSync(join(source, file), join(target, file));
    for (const file of readdirSync(join(source, 'onnx'))) {
      if (file.endsWith('_quantized.onnx') === (dtype === 'q8'))
        linkSync(join(source, 'onnx', file), join(target, 'onnx', file));
    }
  }
  return target;
}

/** all-MiniLM-L6-v2's architecture with seeded random weights, next to the real model's config and tokenizer. */
export const RANDOM_MINILM_NAME = 'all-MiniLM-L6-v2-random';
export const RANDOM_MINILM_DIR = join(GENERATED_MODELS_DIR, RANDOM_MINILM_NAME);
/** The real all-MiniLM-L6-v2 config and tokenizer (see PROVENANCE.md there). */
export const MINILM_TEXT_FILES = resolve('tests/fixtures/models/all-MiniLM-L6-v2');

/** Generates the random-weights sentence encoder once (about half a minute); needs Debian's python3-torch and python3-onnx. */
export function ensureRandomMiniLm(): string {
  if (!existsSync(join(RANDOM_MINILM_DIR, 'onnx/model_quantized.onnx'))) {
    generate('scripts/make-minilm-random.py', [MINILM_TEXT_FILES, RANDOM_MINILM_DIR], 'python3-torch python3-onnx');
  }
  return RANDOM_MINILM_DIR;
}
export const randomWhisperWith = (dtype: 'fp32' | 'q8') => withOnly(ensureRandomWhisper(), dtype);
export const randomMoonshineWith = (dtype: 'fp32' | 'q8') => withOnly(ensureRandomMoonshine(), dtype);
