import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createImportRunner, type ImportWorkerPort } from '@/lib/import/import-runner';
import type { ImportWorkerRequest } from '@/lib/messaging/import-worker-messages';

/** A worker that answers when the test says so (or never); it records what it was sent and whether it was stopped. */
function fakeWorker() {
  const worker = {
    sent: [] as unknown[],
    transferred: [] as unknown[],
    terminated: false,
    onmessage: null as ImportWorkerPort['onmessage'],
    onerror: null as ImportWorkerPort['onerror'],
    postMessage(message: unknown, transfer: unknown) {
      worker.sent.push(message);
      worker.transferred.push(transfer);
    },
    terminate() {
      worker.terminated = true;
    },
    /** What the worker posts back (a terminated worker posts nothing). */
    answer(data: unknown) {
      if (!worker.terminated) worker.onmessage?.call(worker as unknown as Worker, { data } as MessageEvent);
    },
    crash(message: string) {
      if (!worker.terminated) worker.onerror?.call(worker as unknown as Worker, { message } as ErrorEvent);
    },
  };
  return worker;
}

const page: ImportWorkerRequest = { type: 'page', html: '<h2>What is X?</h2>', url: 'https://example.com/' };

describe('createImportRunner', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('gives the worker’s questions back, and keeps that worker for the next read', async () => {
    const worker = fakeWorker();
    const startWorker = vi.fn(() => worker);
    const runner = createImportRunner({ startWorker });
    const reading = runner.read(page);
    worker.answer({ status: 'done', title: 'T', questions: [{ question: 'What is X?', outline: ['Y'] }] });
    expect(await reading).toEqual({
      status: 'done',
      title: 'T',
      questions: [{ question: 'What is X?', outline: ['Y'] }],
    });
    const second = runner.read(page);
    worker.answer({ status: 'done', title: 'again', questions: [] });
    expect(await second).toMatchObject({ title: 'again' });
    expect(worker.sent).toEqual([page, page]);
    expect(startWorker).toHaveBeenCalledTimes(1);
    expect(worker.terminated).toBe(false);
  });

  it('stops a read that runs past the budget, says the page is too large, and ignores a late answer', async () => {
    const worker = fakeWorker();
    const runner = createImportRunner({ startWorker: () => worker, budgetMs: 20_000 });
    const outcome = vi.fn();
    void runner.read(page).then(outcome);
    await vi.advanceTimersByTimeAsync(19_999);
    expect(outcome).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(outcome).toHaveBeenCalledWith({
      status: 'error',
      message: expect.stringMatching(/^This page is too large to read in 20 s — nothing was imported\./),
    });
    expect(worker.terminated).toBe(true);
    worker.onmessage?.call(
      worker as unknown as Worker,
      { data: { status: 'done', title: 'late', questions: [] } } as MessageEvent,
    );
    expect(outcome).toHaveBeenCalledTimes(1);
  });

  it('never reuses a worker that ran out of time: the next read starts a fresh one', async () => {
    const stuck = fakeWorker();
    const fresh = fakeWorker();
    const workers = [stuck, fresh];
    const runner = createImportRunner({ startWorker: () => workers.shift()!, budgetMs: 1_000 });
    const first = runner.read(page);
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await first).status).toBe('error');
    const second = runner.read(page);
    fresh.answer({ status: 'done', title: 'fresh', questions: [] });
    expect(await second).toMatchObject({ title: 'fresh' });
    expect(stuck.sent).toHaveLength(1);
  });

  it('names the file that was too large, and moves its bytes to the worker instead of copying them', async () => {
    const worker = fakeWorker();
    const runner = createImportRunner({ startWorker: () => worker, budgetMs: 5_000 });
    const bytes = new Uint8Array(8);
    const reading = runner.read({ type: 'file', name: 'guide.pdf', bytes });
    expect(worker.transferred[0]).toEqual([bytes.buffer]);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await reading).toEqual({
      status: 'error',
      message: expect.stringMatching(/^“guide\.pdf” is too large to read in 5 s — nothing was imported\. Split it/),
    });
  });

  it('turns a worker crash or a garbled answer into a message, never a hang', async () => {
    const crashed = fakeWorker();
    const garbled = fakeWorker();
    const workers = [crashed, garbled];
    const runner = createImportRunner({ startWorker: () => workers.shift()! });
    const [first, second] = [runner.read(page), runner.read(page)];
    crashed.crash('out of memory');
    garbled.answer({ status: 'done', questions: 'not a list' });
    expect(await first).toEqual({
      status: 'error',
      message: 'The import worker stopped (out of memory). Nothing was imported.',
    });
    expect(await second).toMatchObject({ status: 'error', message: expect.stringContaining('does not understand') });
    expect([crashed.terminated, garbled.terminated]).toEqual([true, true]);
  });

  it('gives reads at the same time a worker each, so a slow page does not hold up or spoil another read', async () => {
    const slow = fakeWorker();
    const quick = fakeWorker();
    const workers = [slow, quick];
    const runner = createImportRunner({ startWorker: () => workers.shift()!, budgetMs: 1_000 });
    const both = Promise.all([runner.read(page), runner.read({ type: 'page', html: '<p>', url: '' })]);
    quick.answer({ status: 'done', title: 'quick', questions: [] });
    await vi.advanceTimersByTimeAsync(1_000);
    const [slowOutcome, quickOutcome] = await both;
    expect(slowOutcome.status).toBe('error');
    expect(quickOutcome).toEqual({ status: 'done', title: 'quick', questions: [] });
  });
});
