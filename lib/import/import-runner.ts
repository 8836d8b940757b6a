import {
  importWorkerReplySchema,
  type ImportWorkerReply,
  type ImportWorkerRequest,
} from '../messaging/import-worker-messages';

/** How long a page or file may take to read before the panel stops it. */
export const IMPORT_BUDGET_MS = 20_000;

/** The part of a Worker the runner uses (a fake in tests). */
export type ImportWorkerPort = Pick<Worker, 'postMessage' | 'terminate' | 'onmessage' | 'onerror'>;

export interface ImportRunnerDeps {
  startWorker(): ImportWorkerPort;
  budgetMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/** What the user reads when a read runs out of time. */
export function tooLargeMessage(request: ImportWorkerRequest, budgetMs: number): string {
  const seconds = Math.round(budgetMs / 1000);
  return request.type === 'page'
    ? `This page is too large to read in ${seconds} s — nothing was imported. Save the part with the questions as a file (.html or .txt) and import that.`
    : `“${request.name}” is too large to read in ${seconds} s — nothing was imported. Split it into smaller files and import them one at a time.`;
}

/**
 * Reads pages and files in a worker, off the panel's thread, within a time budget. A
 * worker that answered is kept for the next read (starting one costs more than a short
 * page); one that runs out of time or crashes is terminated mid-read and never used
 * again, so a hostile or huge page can neither freeze the panel nor leave half a result
 * behind. Reads at the same time get a worker each. Every outcome, including a crash, is
 * a reply the panel can show.
 */
export function createImportRunner(deps: ImportRunnerDeps) {
  const budgetMs = deps.budgetMs ?? IMPORT_BUDGET_MS;
  const setTimer = deps.setTimer ?? ((run: () => void, ms: number) => setTimeout(run, ms));
  const clearTimer = deps.clearTimer ?? ((timer: unknown) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  let idle: ImportWorkerPort | null = null;

  function read(request: ImportWorkerRequest): Promise<ImportWorkerReply> {
    return new Promise((resolve) => {
      const worker = idle ?? deps.startWorker();
      idle = null;
      let settled = false;
      const finish = (reply: ImportWorkerReply, healthy: boolean) => {
        if (settled) return;
        settled = true;
        clearTimer(timer);
        worker.onmessage = null;
        worker.onerror = null;
        if (healthy && !idle) idle = worker;
        else worker.terminate();
        resolve(reply);
      };
      const timer = setTimer(
        () => finish({ status: 'error', message: tooLargeMessage(request, budgetMs) }, false),
        budgetMs,
      );
      worker.onmessage = (event) => {
        const reply = importWorkerReplySchema.safeParse(event.data);
        if (reply.success) finish(reply.data, true);
        else
          finish(
            {
              status: 'error',
              message: 'The import worker answered something Cuecard does not understand. Nothing was imported.',
            },
            false,
          );
      };
      worker.onerror = (event) =>
        finish(
          {
            status: 'error',
            message: `The import worker stopped (${event.message || 'no reason given'}). Nothing was imported.`,
          },
          false,
        );
      // A file's bytes move to the worker rather than being copied.
      worker.postMessage(request, request.type === 'file' ? [request.bytes.buffer] : []);
    });
  }

  return { read };
}
export type ImportRunner = ReturnType<typeof createImportRunner>;
