import type { AsrSettings } from '@/lib/messaging/runtime-messages';

export const TEST_ASR: AsrSettings = {
  model: 'onnx-community/whisper-tiny.en',
  source: 'hub',
  device: 'auto',
  vad: { minSilenceMs: 700, maxUtteranceMs: 28_000, padMs: 250 },
};
