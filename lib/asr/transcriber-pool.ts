import type { TranscribeOptions, Transcriber, Transcription } from './whisper-transcriber';

/** Several transcribers (one per model worker) behind one: as many decodes at once as there are members. */
export interface TranscriberPool extends Transcriber {
  /** How many decodes can run at the same time. */
  readonly capacity: number;
}

/**
 * Hands each decode to a free member, or queues it (first come, first served) until one is free.
 * Members are independent runtimes, so their decodes really run side by side.
 */
export function createTranscriberPool(members: readonly Transcriber[]): TranscriberPool {
  if (members.length === 0) throw new Error('a transcriber pool needs at least one member');
  const free = [...members];
  const waiting: Array<(member: Transcriber) => void> = [];
  const acquire = () =>
    new Promise<Transcriber>((resolve) => {
      const member = free.shift();
      if (member) resolve(member);
      else waiting.push(resolve);
    });
  const release = (member: Transcriber) => {
    const next = waiting.shift();
    if (next) next(member);
    else free.push(member);
  };
  return {
    capacity: members.length,
    device: members[0]!.device,
    // The slowest member's warm-up: the pace the engine can count on.
    warmUpMs: Math.max(...members.map((member) => member.warmUpMs)),
    async transcribe(audio: Float32Array, options?: TranscribeOptions): Promise<Transcription> {
      const member = await acquire();
      const start = performance.now();
      try {
        return { ...(await member.transcribe(audio, options)), ranMs: performance.now() - start };
      } finally {
        release(member);
      }
    },
    async dispose() {
      await Promise.all(members.map((member) => member.dispose()));
    },
  };
}
