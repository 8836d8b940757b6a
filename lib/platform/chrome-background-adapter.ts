import { browser } from 'wxt/browser';
import type { RuntimeMessage, SessionStatus } from '../messaging/runtime-messages';
import type { BackgroundPlatform } from '../session/session-controller';

const STATUS_KEY = 'cuecard-session-status';
const UPDATE_KEY = 'cuecard-update-pending';
const OFFSCREEN_PATH = 'offscreen.html';

let creatingOffscreen: Promise<void> | null = null;

/** Chrome's side of the background: tabCapture, the single offscreen document, storage.session. */
export function chromeBackgroundAdapter(): BackgroundPlatform {
  const offscreenUrl = browser.runtime.getURL(`/${OFFSCREEN_PATH}`);
  return {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    getMediaStreamId: (tabId) => browser.tabCapture.getMediaStreamId({ targetTabId: tabId }),
    async ensureOffscreenDocument() {
      const existing = await browser.runtime.getContexts({
        contextTypes: ['OFFSCREEN_DOCUMENT'],
        documentUrls: [offscreenUrl],
      });
      if (existing.length > 0) return;
      // Only one offscreen document may exist: share one creation between racing callers.
      creatingOffscreen ??= browser.offscreen
        .createDocument({
          url: OFFSCREEN_PATH,
          reasons: ['USER_MEDIA'],
          justification: 'Capture the interview tab audio and transcribe it on this device.',
        })
        .finally(() => {
          creatingOffscreen = null;
        });
      await creatingOffscreen;
    },
    async hasOffscreenDocument() {
      const existing = await browser.runtime.getContexts({
        contextTypes: ['OFFSCREEN_DOCUMENT'],
        documentUrls: [offscreenUrl],
      });
      return existing.length > 0;
    },
    async closeOffscreenDocument() {
      const existing = await browser.runtime.getContexts({
        contextTypes: ['OFFSCREEN_DOCUMENT'],
        documentUrls: [offscreenUrl],
      });
      if (existing.length > 0) await browser.offscreen.closeDocument();
    },
    async sendToOffscreen(message: RuntimeMessage) {
      await browser.runtime.sendMessage(message);
    },
    async notifyPanels(message) {
      const event: RuntimeMessage = { type: 'session/event', event: { kind: 'notice', message } };
      await browser.runtime.sendMessage(event).catch(() => undefined);
    },
    async loadStatus() {
      const stored = await browser.storage.session.get(STATUS_KEY);
      return (stored[STATUS_KEY] as SessionStatus | undefined) ?? { state: 'idle' };
    },
    async saveStatus(status) {
      await browser.storage.session.set({ [STATUS_KEY]: status });
    },
    newSessionId: () => crypto.randomUUID(),
    now: () => Date.now(),
    reload: () => browser.runtime.reload(),
    async loadUpdatePending() {
      return (await browser.storage.session.get(UPDATE_KEY))[UPDATE_KEY] === true;
    },
    async saveUpdatePending(pending) {
      await browser.storage.session.set({ [UPDATE_KEY]: pending });
    },
  };
}
