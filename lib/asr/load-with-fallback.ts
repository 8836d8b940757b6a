import { modelText } from './model-status-text';
import type { AsrDevice } from './whisper-models';

export interface LoadAttempt<T> {
  load(device: AsrDevice): Promise<T>;
  /** Drops cached model files (a truncated download, an HTML error page cached as a model). */
  clearCachedModel(): Promise<void>;
  /** Something the user should know but that does not stop the load. */
  warn(message: string): void;
}

/**
 * Loads the recogniser on the chosen device, falling back from WebGPU to WASM, and
 * once clearing the cached files and retrying when they look corrupt. Throws an
 * error whose message says what happened and what to do.
 */
export async function loadWithFallback<T>(
  device: AsrDevice,
  attempt: LoadAttempt<T>,
): Promise<{ value: T; device: AsrDevice }> {
  const devices: AsrDevice[] = device === 'webgpu' ? ['webgpu', 'wasm'] : [device];
  let lastError: unknown;
  for (const candidate of devices) {
    for (let retry = 0; retry < 2; retry++) {
      try {
        return { value: await attempt.load(candidate), device: candidate };
      } catch (error) {
        lastError = error;
        const message = (error as Error).message ?? String(error);
        const looksCorrupt =
          /protobuf|invalid model|failed to load model|unexpected token|magic number|could not be parsed/i.test(
            message,
          );
        if (retry === 0 && looksCorrupt) {
          attempt.warn('The stored speech model looks damaged; downloading it again.');
          await attempt.clearCachedModel();
          continue;
        }
        break;
      }
    }
    if (candidate === 'webgpu')
      attempt.warn(
        `WebGPU could not run the model (${(lastError as Error)?.message ?? lastError}); using WASM instead.`,
      );
  }
  throw new Error(modelText({ kind: 'load-failed', error: lastError }).text);
}
