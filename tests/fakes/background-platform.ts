import type { RuntimeMessage, SessionStatus } from '@/lib/messaging/runtime-messages';
import type { BackgroundPlatform } from '@/lib/session/session-controller';

export const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
export const OWN_PAGE = { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/sidepanel.html` };

/** An in-memory stand-in for Chrome's tabCapture, offscreen and storage.session. */
export function fakeBackgroundPlatform(options: { streamError?: Error; offscreenError?: Error } = {}) {
  let status: SessionStatus = { state: 'idle' };
  const sent: RuntimeMessage[] = [];
  const notices: string[] = [];
  let offscreenOpen = false;
  let nextId = 1;
  let updatePending = false;
  let reloads = 0;
  const platform: BackgroundPlatform = {
    extensionId: EXTENSION_ID,
    extensionOrigin: `chrome-extension://${EXTENSION_ID}/`,
    async getMediaStreamId(tabId) {
      if (options.streamError) throw options.streamError;
      return `stream-for-${tabId}`;
    },
    async ensureOffscreenDocument() {
      if (options.offscreenError) throw options.offscreenError;
      offscreenOpen = true;
    },
    async closeOffscreenDocument() {
      offscreenOpen = false;
    },
    hasOffscreenDocument: async () => offscreenOpen,
    async sendToOffscreen(message) {
      // What Chrome says when no page of the extension listens.
      if (!offscreenOpen) throw new Error('Could not establish connection. Receiving end does not exist.');
      sent.push(message);
    },
    async notifyPanels(message) {
      notices.push(message);
    },
    loadStatus: async () => status,
    async saveStatus(next) {
      status = next;
    },
    newSessionId: () => `session-${nextId++}`,
    now: () => 1_000,
    reload: () => void reloads++,
    loadUpdatePending: async () => updatePending,
    async saveUpdatePending(pending) {
      updatePending = pending;
    },
  };
  return {
    platform,
    sent,
    notices,
    status: () => status,
    offscreenOpen: () => offscreenOpen,
    reloads: () => reloads,
    /** The capture page dies without a word (a crash). */
    crashOffscreen: () => {
      offscreenOpen = false;
    },
  };
}
