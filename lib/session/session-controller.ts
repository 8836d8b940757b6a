import {
  isFromOwnExtensionPage,
  type CommandReply,
  type RuntimeMessage,
  type SessionEvent,
  type SessionStatus,
} from '../messaging/runtime-messages';
import { updateAvailable } from './extension-update';
import { oneAtATime } from './one-at-a-time';
import { startSession, stopSession } from './session-commands';
import type { SessionOwner } from './session-owner';
import { checkedStatus, endSession } from './session-status';

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
export function createSessionController(
  platform: BackgroundPlatform,
  owner: Pick<SessionOwner, 'takeLine' | 'takePartial' | 'choose'>,
) {
  // Everything that reads the status, awaits Chrome and writes the status runs one at a
  // time: two Starts at once (a double press, two panels) would otherwise make two sessions.
  const exclusive = oneAtATime();

  /** What the capture page reports: lines go to the owner, the start and the end to the status. */
  async function onSessionEvent(event: SessionEvent): Promise<void> {
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
      await exclusive(() => endSession(platform));
    }
  }

  return {
    /** Chrome has an update ready: installed now, or when the session ends. */
    onUpdateAvailable: () => exclusive(() => updateAvailable(platform)),

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
          return exclusive(() => startSession(platform, message));
        case 'session/stop':
          return exclusive(() => stopSession(platform));
        case 'session/status':
          return { ok: true, status: await exclusive(() => checkedStatus(platform)) };
        case 'session/choose': {
          const { type: _type, ...choice } = message;
          await owner.choose(choice);
          return { ok: true, status: await platform.loadStatus() };
        }
        case 'session/event':
          await onSessionEvent(message.event);
          return undefined;
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
