import { DRILL_NEEDS_MICROPHONE } from '../drill/drill-capture';
import type { CommandReply, RuntimeMessage, SessionStatus } from '../messaging/runtime-messages';
import { explainCaptureError } from './capture-errors';
import type { BackgroundPlatform } from './session-controller';
import { captureLost, checkedStatus } from './session-status';

/**
 * Start from the panel: a tab stream id (none for a drill), a status a restarted worker
 * finds, and the offscreen capture told to begin.
 */
export async function startSession(
  platform: BackgroundPlatform,
  message: Extract<RuntimeMessage, { type: 'session/start' }>,
): Promise<CommandReply> {
  // A Start during a session answers with that session, which the panel then follows.
  const current = await checkedStatus(platform);
  if (current.state !== 'idle') return { ok: true, status: current };
  let streamId: string | null = null;
  if (message.tabId !== null) {
    try {
      streamId = await platform.getMediaStreamId(message.tabId);
    } catch (error) {
      return { ok: false, message: explainCaptureError(error) };
    }
  } else if (!message.withMicrophone) {
    return { ok: false, message: DRILL_NEEDS_MICROPHONE };
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

/** Stop from the panel: the capture is told to stop, or, when its page is gone, the session ends here. */
export async function stopSession(platform: BackgroundPlatform): Promise<CommandReply> {
  const current = await checkedStatus(platform);
  if (current.state === 'idle') return { ok: true, status: current };
  try {
    // The offscreen document flushes the last utterance, then reports "stopped".
    await platform.sendToOffscreen({ type: 'offscreen/stop' });
    return { ok: true, status: current };
  } catch {
    // Nothing will report "stopped": the reply itself says the session is over.
    return { ok: true, status: await captureLost(platform) };
  }
}
