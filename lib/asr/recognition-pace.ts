import type { WorkerReply } from '../messaging/worker-messages';
/** A partial may take at most this share of its cadence, or it delays the lines that matter. */
const PARTIAL_SHARE = 0.5;
/** Behind by more than this, the engine catches up before it spends time on partials. */
const MAX_BACKLOG_FOR_PARTIALS_MS = 300;

/**
 * Whether re-decoding the utterance in progress is affordable now. A decode costs one
 * 30 s encoder window whatever the audio's length, so on a slow device (WASM on a low-end
 * laptop: seconds per decode) partials would queue the captured audio behind them and
 * every final line would arrive late; there, lines come when each question ends.
 */
export function partialsAffordable(lastDecodeMs: number, partialEveryMs: number, backlogMs: number): boolean {
  return partialsOnAtPace(lastDecodeMs, partialEveryMs) && backlogMs <= MAX_BACKLOG_FOR_PARTIALS_MS;
}

/** Whether a device decoding at this pace gets partial lines at all (a backlog only pauses them). */
export function partialsOnAtPace(lastDecodeMs: number, partialEveryMs: number): boolean {
  return lastDecodeMs <= partialEveryMs * PARTIAL_SHARE;
}

/** On a device too slow for partials, about one question's worth of what was said during the load. */
const SLOW_CATCH_UP_MS = 8_000;

/**
 * How much audio kept while the model loaded is worth decoding once it is ready. A slow
 * device working through 30 s of backlog shows each question's card long after it was
 * asked (and after the next one); it starts from the question being asked instead.
 */
export function catchUpWindowMs(decodeMs: number, partialEveryMs: number): number {
  return partialsOnAtPace(decodeMs, partialEveryMs) ? Number.POSITIVE_INFINITY : SLOW_CATCH_UP_MS;
}

/** What the panel says when partial lines are off for pace. */
export function slowRecognitionNotice(decodeMs: number): string {
  const seconds = (decodeMs / 1000).toFixed(1);
  return `Speech recognition takes about ${seconds} s per line on this computer, so words no longer show while they are spoken: each line and its card appear when the speaker pauses. A smaller model (Settings) or a less busy computer brings them back.`;
}

/** Tells the session once, and again only on a change, whether partial lines are on at this device's pace. */
export function createPace(emit: (reply: WorkerReply) => void, warmUpMs: number, partialEveryMs: number) {
  // The warm-up decode is the first estimate of what a decode costs on this device.
  let lastDecodeMs = warmUpMs;
  let told: boolean | undefined;
  const tell = () => {
    const partials = partialsOnAtPace(lastDecodeMs, partialEveryMs);
    if (partials === told) return;
    told = partials;
    emit({ status: 'pace', partials, decodeMs: Math.round(lastDecodeMs) });
  };
  // The pace only changes when a decode ends; the warm-up's is told now.
  tell();
  return {
    get lastDecodeMs() {
      return lastDecodeMs;
    },
    /** A decode ended (after `ms`, or failed: undefined). */
    record(ms: number | undefined) {
      if (ms !== undefined) lastDecodeMs = ms;
      tell();
    },
  };
}
export type Pace = ReturnType<typeof createPace>;
