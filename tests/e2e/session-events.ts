import type { Page, Worker } from 'playwright-core';
import type { SessionEvent } from '../../lib/messaging/runtime-messages';

export interface TimedSessionEvent {
  /** Wall-clock time the panel received it. */
  at: number;
  event: SessionEvent;
}

/**
 * Listens, inside the panel page, to the session events the panel itself receives, and
 * returns a reader of what arrived since: what the user sees, timed where they see it.
 */
export async function recordSessionEvents(panel: Page): Promise<() => Promise<TimedSessionEvent[]>> {
  await panel.evaluate(() => {
    const received: unknown[] = [];
    (window as unknown as { cuecardEvents: unknown[] }).cuecardEvents = received;
    const { runtime } = (
      globalThis as unknown as {
        chrome: {
          runtime: {
            onMessage: { addListener(listener: (message: { type?: string; event?: unknown }) => void): void };
          };
        };
      }
    ).chrome;
    runtime.onMessage.addListener((message) => {
      if (message?.type === 'session/event') received.push({ at: Date.now(), event: message.event });
    });
  });
  return () =>
    panel.evaluate(() => (window as unknown as { cuecardEvents: TimedSessionEvent[] }).cuecardEvents.slice());
}

/** Runs in the extension's pages and service worker, where `chrome` is the extension API. */
declare const chrome: { runtime: { sendMessage: (message: unknown) => Promise<unknown> } };

/**
 * Stands in for the capture page: sends session events as it would (lines numbered in order,
 * partials of the next utterance) to the service worker (the session owner) and the panel.
 * `contexts` is read at each call, since the tests open them in `beforeAll`.
 */
export function captureStandIn(sessionId: string, contexts: () => { worker: Worker; panel: Page }) {
  let seq = 0;
  const post = (sent: unknown) => chrome.runtime.sendMessage(sent).catch(() => undefined);
  const toWorker = (event: SessionEvent) => contexts().worker.evaluate(post, { type: 'session/event', event });
  const toBoth = async (event: SessionEvent) => {
    await toWorker(event);
    await contexts().panel.evaluate(post, { type: 'session/event', event });
  };
  return {
    /** The last line's number. */
    get seq() {
      return seq;
    },
    /** An event to the service worker alone. */
    send: toWorker,
    /** A final line of the interviewer's (or the candidate's). */
    says: async (text: string, channel: 'interviewer' | 'candidate' = 'interviewer') => {
      seq += 1;
      const startMs = seq * 10_000;
      await toBoth({
        kind: 'line',
        line: { sessionId, seq, channel, text, startMs, endMs: startMs + 3_000, at: Date.now() },
      });
    },
    /** A partial line of the interviewer's next utterance (the one `says` sends next). */
    isSaying: (text: string) => {
      const startMs = (seq + 1) * 10_000;
      return toBoth({ kind: 'partial', sessionId, channel: 'interviewer', text, startMs, endMs: startMs + 1_500 });
    },
  };
}
