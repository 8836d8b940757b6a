import {
  isFromOwnExtensionPage,
  type CommandReply,
  type RuntimeMessage,
  type SessionStatus,
} from '../messaging/runtime-messages';
import { explainCaptureError } from './capture-errors';
import type { SessionOwner } from './session-owner';

/** What the background needs from Chrome; the real one is lib/platform/chrome-background-adapter.ts. */
export interface BackgroundPlatform {
  extensionId: string;
  extensionOrigin: string;
  getMediaStreamId(tabId: number): Promise<string>;
  ensureOffscreenDocument(): Promise<void>;
  hasOffscreenDocument(): Promise<boolean>;
  closeOffscreenDocument(): Promise<void>;
  sendToOffscreen(message: RuntimeMessage): Promise<void>;
  /** Tells open panels something about the session. */
  notifyPanels(message: string): Promise<void>;
  /** Session status lives in storage.session: the service worker may be stopped at any time. */
  loadStatus(): Promise<SessionStatus>;
  saveStatus(status: SessionStatus): Promise<void>;
  newSessionId(): string;
  now(): number;
  /** Installs a downloaded update now (ends every page of the extension). */
  reload(): void;
  /** Whether an update is waiting for the session to end (kept in storage.session). */
  loadUpdatePending(): Promise<boolean>;
  saveUpdatePending(pending: boolean): Promise<void>;
}

/**
 * The background's part of a session: turn a Start from the panel into a tab stream
 * id and an offscreen capture, keep the status where a restarted worker finds it, and
 * tear down on Stop or when the capture ends; hand each final line to the session
 * owner. Holds no state of its own.
 */
export function createSessionController(platform: BackgroundPlatform, owner: Pick<SessionOwner, 'takeLine' | 'choose'>) {
  async function start(message: Extract<RuntimeMessage, { type: 'session/start' }>): Promise<CommandReply> {
    const current = await platform.loadStatus();
    if (current.state !== 'idle') return { ok: true, status: current };
    let streamId: string | null = null;
    if (message.tabId !== null) {
      try {
        streamId = await platform.getMediaStreamId(message.tabId);
      } catch (error) {
        return { ok: false, message: explainCaptureError(error) };
      }
    } else if (!message.withMicrophone) {
      return { ok: false, message: 'A drill listens to your microphone: allow it and press Start again.' };
    }
    const status: SessionStatus = { state: 'starting', sessionId: platform.newSessionId(), tabId: message.tabId, startedAt: platform.now() };
    await platform.saveStatus(status);
    try {
      await platform.ensureOffscreenDocument();
      await platform.sendToOffscreen({
        type: 'offscreen/start',
        sessionId: status.sessionId,
        streamId,
        withMicrophone: message.withMicrophone,
        asr: message.asr,
      });
    } catch (error) {
      await platform.saveStatus({ state: 'idle' });
      return { ok: false, message: explainCaptureError(error) };
    }
    return { ok: true, status };
  }

  async function stop(): Promise<CommandReply> {
    const current = await platform.loadStatus();
    if (current.state !== 'idle') {
      // The offscreen document flushes the last utterance, then reports "stopped".
      await platform.sendToOffscreen({ type: 'offscreen/stop' }).catch(() => undefined);
    }
    return { ok: true, status: current };
  }

  /**
   * The stored status, corrected when the capture page is gone (it crashed, or Chrome
   * closed it): then the session is over, and the panel is told so.
   */
  async function checkedStatus(): Promise<SessionStatus> {
    const current = await platform.loadStatus();
    if (current.state === 'capturing' && !(await platform.hasOffscreenDocument())) {
      await platform.saveStatus({ state: 'idle' });
      await platform.notifyPanels('Capture stopped unexpectedly: the page that held it closed. Every line shown so far is saved; press Start to go on.');
      return { state: 'idle' };
    }
    return current;
  }

  return {
    /**
     * Chrome has an update ready. Installing it ends every page of the extension, so
     * during a session it waits for Stop (lines are safe either way: they are in IndexedDB).
     */
    async onUpdateAvailable(): Promise<void> {
      if ((await platform.loadStatus()).state === 'idle') {
        platform.reload();
        return;
      }
      await platform.saveUpdatePending(true);
      await platform.notifyPanels('A Cuecard update is ready; it will install when you press Stop.');
    },

    /** A tab started loading a new page; if it is the captured tab, say that capture goes on. */
    async onTabLoading(tabId: number): Promise<void> {
      const current = await platform.loadStatus();
      if (current.state === 'capturing' && current.tabId === tabId) {
        await platform.notifyPanels('The captured tab opened a new page; Cuecard keeps listening to it. Press Stop to end the session.');
      }
    },

    /** Answers one runtime message; undefined for messages that are not the background's. */
    async handle(message: RuntimeMessage, sender: { id?: string; url?: string }): Promise<CommandReply | undefined> {
      if (!isFromOwnExtensionPage(sender, platform.extensionId, platform.extensionOrigin)) return undefined;
      switch (message.type) {
        case 'session/start':
          return start(message);
        case 'session/stop':
          return stop();
        case 'session/status':
          return { ok: true, status: await checkedStatus() };
        case 'session/choose': {
          const { type: _type, ...choice } = message;
          await owner.choose(choice);
          return { ok: true, status: await platform.loadStatus() };
        }
        case 'session/event': {
          const { event } = message;
          if (event.kind === 'line') {
            // The line is already saved by the capture page; a card that cannot be saved is said, the session goes on.
            await owner.takeLine(event.line).catch((error: unknown) => platform.notifyPanels(`A question card could not be saved (${(error as Error).message}); the transcript is safe.`));
          } else if (event.kind === 'capturing') {
            const current = await platform.loadStatus();
            if (current.state !== 'idle') await platform.saveStatus({ ...current, state: 'capturing' });
          } else if (event.kind === 'stopped') {
            await platform.saveStatus({ state: 'idle' });
            await platform.closeOffscreenDocument().catch(() => undefined);
            if (await platform.loadUpdatePending()) {
              await platform.saveUpdatePending(false);
              platform.reload();
            }
          }
          return undefined;
        }
        case 'offscreen/start':
        case 'offscreen/stop':
          return undefined;
        default: {
          const unhandled: never = message;
          return unhandled;
        }
      }
    },
  };
}
