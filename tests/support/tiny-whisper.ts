import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** Where tests keep the generated stand-in Whisper model (ignored by git). */
export const TINY_WHISPER_PARENT = resolve('test-output/models');
export const TINY_WHISPER_NAME = 'tiny-whisper';
export const TINY_WHISPER_DIR = resolve(TINY_WHISPER_PARENT, TINY_WHISPER_NAME);
/** What the stand-in model decodes, whatever it hears (see scripts/make-tiny-whisper.py). */
export const TINY_WHISPER_PHRASE = 'How would you handle class imbalance?';

/** Generates the stand-in model once; needs Debian's python3-onnx. */
export function ensureTinyWhisper(): string {
  if (!existsSync(resolve(TINY_WHISPER_DIR, 'onnx/decoder_model_merged.onnx'))) {
    try {
      execFileSync('/usr/bin/python3', ['scripts/make-tiny-whisper.py', TINY_WHISPER_DIR], { stdio: 'pipe' });
    } catch (error) {
      const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
      throw new Error(`could not generate the test Whisper model (apt-get install -y python3-onnx): ${stderr}`);
    }
  }
  return TINY_WHISPER_DIR;
}
