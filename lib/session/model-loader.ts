import type { AsrSettings } from '../messaging/runtime-messages';
import type { WorkerRequest } from '../messaging/worker-messages';

/**
 * Keeps track of the speech model loaded in the recognition worker: loads one when another
 * model (or another device) is asked for; new pause settings alone reach the loaded one.
 */
export function createModelLoader(platform: {
  toWorker(request: WorkerRequest): void;
  wasmPaths: string;
  vadModelUrl: string;
}) {
  let loadedModel: string | null = null;
  let loadedVad: string | null = null;
  return {
    ensure(asr: AsrSettings): void {
      const { vad, ...model } = asr;
      const key = JSON.stringify(model);
      if (loadedModel === key) {
        if (JSON.stringify(vad) !== loadedVad) platform.toWorker({ type: 'segmenter', vad });
      } else {
        loadedModel = key;
        platform.toWorker({ type: 'load', ...asr, wasmPaths: platform.wasmPaths, vadModelUrl: platform.vadModelUrl });
      }
      loadedVad = JSON.stringify(vad);
    },
    /** The worker lost its model (a fatal error): the next start loads it again. */
    forget(): void {
      loadedModel = null;
    },
  };
}
