import {
  isFromOwnExtensionPage,
  type CommandReply,
  type RuntimeMessage,
  type SessionStatus,
} from '../messaging/runtime-messages';
import { explainCaptureError } from './capture-errors';
import { oneAtATime } from './one-at-a-time';
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

const CAPTURE_LOST =
  'Capture stopped unexpectedly: the page that held it closed. Every line shown so far is saved; press Start to go on.';

/**
 * The background's part of a session: turn a Start from the panel into a tab stream
 * id and an offscreen capture, keep the status where a restarted worker finds it, and
 * tear down on Stop or when the capture ends; hand each final line to the session
 * owner. Holds no state of its own.
 */
export function createSessionController(
  platform: BackgroundPlatform,
  owner: Pick<SessionOwner, 'takeLine' | 'takePartial' | 'choose'>,
) {
  // Everything that reads the status, awaits Chrome and writes the status runs one at a
  // time: two Starts at once (a double press, two panels) would otherwise make two sessions.
  const exclusive = oneAtATime();

  /** The session is over: status idle, capture page closed, and a waiting update installed. */
  async function endSession(): Promise<void> {
    await platform.saveStatus({ state: 'idle' });
    await platform.closeOffscreenDocument().catch(() => undefined);
    if (await platform.loadUpdatePending()) {
      await platform.saveUpdatePending(false);
      platform.reload();
    }
  }

  /** The capture page is gone (it crashed, or Chrome closed it): end the session and say so. */
  async function captureLost(): Promise<SessionStatus> {
    await endSession();
    await platform.notifyPanels(CAPTURE_LOST);
    return { state: 'idle' };
  }

  async function start(message: Extract<RuntimeMessage, { type: 'session/start' }>): Promise<CommandReply> {
    // A Start during a session answers with that session, which the panel then follows.
    const current = await checkedStatus();
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
    const status: SessionStatus = {
      state: 'starting',
      sessionId: platform.newSessionId(),
      tabId: message.tabId,
      startedAt: platform.now(),
    };
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
    const current = await checkedStatus();
    if (current.state === 'idle') return { ok: true, status: current };
    try {
      // The offscreen document flushes the last utterance, then reports "stopped".
      await platform.sendToOffscreen({ type: 'offscreen/stop' });
      return { ok: true, status: current };
    } catch {
      // Nothing will report "stopped": the reply itself says the session is over.
      return { ok: true, status: await captureLost() };
    }
  }

  /**
   * The stored status, corrected when the capture page is gone. Called inside
   * `exclusive` only, so a session still starting has its page already (or is idle again).
   */
  async function checkedStatus(): Promise<SessionStatus> {
    const current = await platform.loadStatus();
    if (current.state !== 'idle' && !(await platform.hasOffscreenDocument())) return captureLost();
    return current;
  }

  return {
    /**
     * Chrome has an update ready. Installing it ends every page of the extension, so
     * during a session it waits for Stop (lines are safe either way: they are in IndexedDB).
     */
    onUpdateAvailable: () =>
      exclusive(async () => {
        if ((await platform.loadStatus()).state === 'idle') {
          platform.reload();
          return;
        }
        await platform.saveUpdatePending(true);
        await platform.notifyPanels('A Cuecard update is ready; it will install when you press Stop.');
      }),

    /** A tab started loading a new page; if it is the captured tab, say that capture goes on. */
    async onTabLoading(tabId: number): Promise<void> {
      const current = await platform.loadStatus();
      if (current.state === 'capturing' && current.tabId === tabId) {
        await platform.notifyPanels(
          'The captured tab opened a new page; Cuecard keeps listening to it. Press Stop to end the session.',
        );
      }
    },

    /** Answers one runtime message; undefined for messages that are not the background's. */
    async handle(message: RuntimeMessage, sender: { id?: string; url?: string }): Promise<CommandReply | undefined> {
      if (!isFromOwnExtensionPage(sender, platform.extensionId, platform.extensionOrigin)) return undefined;
      switch (message.type) {
        case 'session/start':
          return exclusive(() => start(message));
        case 'session/stop':
          return exclusive(stop);
        case 'session/status':
          return { ok: true, status: await exclusive(checkedStatus) };
        case 'session/choose': {
          const { type: _type, ...choice } = message;
          await owner.choose(choice);
          return { ok: true, status: await platform.loadStatus() };
        }
        case 'session/event': {
          const { event } = message;
          if (event.kind === 'line') {
            // The line is already saved by the capture page; a card that cannot be saved is said, the session goes on.
            await owner
              .takeLine(event.line)
              .catch((error: unknown) =>
                platform.notifyPanels(
                  `A question card could not be saved (${(error as Error).message}); the transcript is safe.`,
                ),
              );
          } else if (event.kind === 'partial') {
            // A provisional card is a bonus: one that cannot be saved is not worth a message; the line will say.
            await owner.takePartial(event).catch(() => undefined);
          } else if (event.kind === 'capturing') {
            await exclusive(async () => {
              const current = await platform.loadStatus();
              if (current.state !== 'idle') await platform.saveStatus({ ...current, state: 'capturing' });
            });
          } else if (event.kind === 'stopped') {
            await exclusive(endSession);
          }
          return undefined;
        }
        case 'offscreen/start':
        case 'offscreen/stop':
        case 'offscreen/embed':
          return undefined;
        default: {
          const unhandled: never = message;
          return unhandled;
        }
      }
    },
  };
}
