import type { WorkerRequest } from '../messaging/worker-messages';

const FLUSH_TIMEOUT_MS = 15_000;

/**
 * At Stop: lets the worker finish the utterance in progress so its words are not lost, and
 * gives up waiting after a while.
 */
export function createWorkerFlush(toWorker: (request: WorkerRequest) => void) {
  let onFlushed: (() => void) | null = null;
  return {
    /** Resolves when the worker says its last utterance is out, or after the timeout. */
    flush(): Promise<void> {
      return new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          onFlushed = null;
          resolve();
        };
        const timer = setTimeout(done, FLUSH_TIMEOUT_MS);
        onFlushed = done;
        toWorker({ type: 'flush' });
      });
    },
    /** The worker's reply to a flush. */
    flushed(): void {
      onFlushed?.();
    },
  };
}
