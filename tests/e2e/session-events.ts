import type { Page } from 'playwright-core';
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
