/**
 * A promise-chain lock: each task starts when the one before it has settled, so two
 * callers never interleave their awaits (read the status, ask Chrome, write the status).
 * A failed task rejects its own caller only; the next task still runs.
 */
export function oneAtATime(): <T>(task: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (task) => {
    const result = last.then(task);
    last = result.catch(() => undefined);
    return result;
  };
}
