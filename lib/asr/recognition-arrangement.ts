/**
 * How recognition is spread over workers. ONNX Runtime Web's own threads need cross-origin
 * isolation, which breaks tab capture (BENCHMARKS.md, issue #21), so more cores are only reached
 * by more runtimes, each in its own worker with its own copy of the model:
 * - `0` model workers: the voice detector, segmenter and speech model share the recognition worker;
 * - `n` model workers: the recognition worker keeps the voice detector and segmenter, and each
 *   utterance is decoded by whichever model worker is free, lines re-ordered as spoken.
 * The extension runs `0` (measured, below); `npm run bench:arrangements` builds each to compare
 * them again, here or on a bigger machine.
 */
export type ModelWorkers = 0 | 1 | 2;

/** Names the benchmarks print. */
export const ARRANGEMENT_NAMES: Record<ModelWorkers, string> = {
  0: 'one worker',
  1: 'detector + 1 model worker',
  2: 'detector + 2 model workers',
};

/**
 * What a device with more than one core runs: one worker too. In Chromium on 2 cores, at a like
 * load, no arrangement made a line come sooner (one line's decode is one runtime's work whatever
 * the arrangement, and lines seldom queue), and each model worker costs memory (+40 MB for the
 * detector's own runtime, a whole model copy per extra worker: +210 MB Moonshine, +340 MB Whisper).
 * BENCHMARKS.md, "Recognition across workers — issue #21", has the figures.
 */
const DEFAULT_ON_SEVERAL_CORES: ModelWorkers = 0;

/**
 * The model workers for a device with this many logical cores. `override` (a build-time value
 * the benchmark sets, `WXT_RECOGNITION_WORKERS`) wins when it names an arrangement.
 */
export function modelWorkersFor(cores: number, override?: string): ModelWorkers {
  const forced = Number(override);
  if (override && (forced === 0 || forced === 1 || forced === 2)) return forced;
  return cores > 1 ? DEFAULT_ON_SEVERAL_CORES : 0;
}
