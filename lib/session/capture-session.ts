import { drillMicrophoneError, isDrillCapture } from '../drill/drill-capture';
import type { AsrSettings, Channel, RuntimeMessage } from '../messaging/runtime-messages';
import type { AudioTap } from '../platform/web-audio-capture';
import { explainCaptureError } from './capture-errors';
import { createEchoGuard, ECHO_NOTICE } from './echo-guard';
import type { OffscreenPlatform } from './offscreen-capture';
import { deleteSession, startSessionRecord } from './session-db';
import { createStallWatch, type StallWatch } from './stall-watch';

export type StartMessage = Extract<RuntimeMessage, { type: 'offscreen/start' }>;
export type StopReason = 'user' | 'tab-ended' | 'error';

/** One session being captured: its taps, its line numbering, its stall watch and echo guard. */
export interface CaptureSession {
  id: string;
  taps: AudioTap[];
  seq: number;
  stall: StallWatch;
  /** A drill (microphone alone) in which nothing was answered is not kept as a session. */
  drill: boolean;
  answered: boolean;
  /** With both the tab and the microphone: what the microphone hears of the tab. */
  echo?: ReturnType<typeof createEchoGuard>;
}

/** What starting needs of the capture that runs the session. */
export interface StartContext {
  platform: OffscreenPlatform;
  ensureModel: (asr: AsrSettings) => void;
  feed: (channel: Channel) => (samples: Float32Array<ArrayBuffer>) => void;
  /** From here on the session exists: its audio is fed to the worker and Stop ends it. */
  begin: (session: CaptureSession) => void;
  stop: (reason: StopReason, message?: string) => Promise<void>;
}

/** Tells the panel a start failed; nothing of the session is left running. */
function failStart(platform: OffscreenPlatform, text: string): void {
  platform.broadcast({ kind: 'error', message: text, fatal: true });
  platform.broadcast({ kind: 'stopped', reason: 'error', message: text });
}

/**
 * Starts a session: writes its record, opens the tab stream (none for a drill), loads the
 * model, taps the tab and the microphone, and tells the panel it is capturing, or why not.
 */
export async function startCapture(context: StartContext, message: StartMessage): Promise<void> {
  const { platform, feed, stop } = context;
  // The record comes first: when it cannot be written (a full disk), nothing has been
  // opened yet, so no stream, timer or half-started session is left behind.
  try {
    await startSessionRecord(await platform.db, {
      id: message.sessionId,
      kind: isDrillCapture(message.streamId) ? 'drill' : 'interview',
      startedAt: Date.now(),
    });
  } catch (error) {
    failStart(
      platform,
      `Cuecard could not save a new session (${(error as Error).name}), so it did not start. Free disk space or delete old sessions under Sessions, then press Start again.`,
    );
    return;
  }
  let tabStream: MediaStream | null = null;
  try {
    if (message.streamId !== null) tabStream = await platform.openTabStream(message.streamId);
  } catch (error) {
    failStart(platform, explainCaptureError(error));
    // Nothing was captured: the empty record would only clutter the session list.
    await deleteSession(await platform.db, message.sessionId).catch(() => undefined);
    return;
  }
  context.ensureModel(message.asr);
  const current: CaptureSession = {
    id: message.sessionId,
    taps: [],
    seq: 0,
    stall: createStallWatch(platform.broadcast),
    drill: isDrillCapture(message.streamId),
    answered: false,
  };
  context.begin(current);
  try {
    if (tabStream)
      current.taps.push(
        await platform.tapAudio(tabStream, 'interviewer', feed('interviewer'), () => void stop('tab-ended')),
      );
  } catch (error) {
    for (const track of tabStream!.getTracks()) track.stop();
    const message = `The tab's audio could not be processed (${(error as Error).message}). Press Start again; if it keeps failing, reload the extension.`;
    platform.broadcast({ kind: 'error', message, fatal: true });
    await stop('error', message);
    return;
  }
  let withMicrophone = false;
  if (message.withMicrophone) {
    try {
      const microphone = await platform.openMicrophone();
      current.taps.push(await platform.tapAudio(microphone, 'candidate', feed('candidate'), () => undefined));
      withMicrophone = true;
      if (tabStream) current.echo = createEchoGuard();
    } catch (error) {
      const reason = (error as Error).message;
      if (!tabStream) {
        // A drill without a microphone has nothing to listen to.
        const text = drillMicrophoneError(reason);
        platform.broadcast({ kind: 'error', message: text, fatal: true });
        await stop('error', text);
        return;
      }
      platform.broadcast({
        kind: 'error',
        message: `The microphone could not be opened (${reason}); continuing with the tab only. Allow microphone access for Cuecard in Chrome's site settings to label your own answers.`,
        fatal: false,
      });
    }
  }
  platform.broadcast({ kind: 'capturing', sessionId: current.id, withMicrophone });
}

/** Sends captured audio to the worker, counted for the stall watch and listened to for echo. */
export function feedAudio(
  platform: OffscreenPlatform,
  session: CaptureSession,
  channel: Channel,
  samples: Float32Array<ArrayBuffer>,
): void {
  session.stall.chunk();
  if (session.echo?.audio(channel, samples)) platform.broadcast({ kind: 'notice', message: ECHO_NOTICE });
  platform.toWorker({ type: 'audio', channel, samples });
}

/** Stops the session's audio: its taps and its stall watch. */
export function stopAudio(session: CaptureSession): void {
  session.stall.stop();
  for (const tap of session.taps) tap.stop();
}
