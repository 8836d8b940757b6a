const STALL_CHECK_MS = 5_000;

/**
 * Counts captured audio chunks and, every few seconds in which none arrived, tells the panel
 * that no audio is coming in.
 */
export function createStallWatch(broadcast: (event: { kind: 'no-audio'; seconds: number }) => void) {
  let chunks = 0;
  const timer = setInterval(() => {
    if (chunks === 0) broadcast({ kind: 'no-audio', seconds: STALL_CHECK_MS / 1000 });
    chunks = 0;
  }, STALL_CHECK_MS);
  return {
    chunk(): void {
      chunks++;
    },
    stop(): void {
      clearInterval(timer);
    },
  };
}

export type StallWatch = ReturnType<typeof createStallWatch>;
