import type { SessionStatus } from '../messaging/runtime-messages';
import { installWaitingUpdate } from './extension-update';
import type { BackgroundPlatform } from './session-controller';

const CAPTURE_LOST =
  'Capture stopped unexpectedly: the page that held it closed. Every line shown so far is saved; press Start to go on.';

/** The session is over: status idle, capture page closed, and a waiting update installed. */
export async function endSession(platform: BackgroundPlatform): Promise<void> {
  await platform.saveStatus({ state: 'idle' });
  await platform.closeOffscreenDocument().catch(() => undefined);
  await installWaitingUpdate(platform);
}

/** The capture page is gone (it crashed, or Chrome closed it): end the session and say so. */
export async function captureLost(platform: BackgroundPlatform): Promise<SessionStatus> {
  await endSession(platform);
  await platform.notifyPanels(CAPTURE_LOST);
  return { state: 'idle' };
}

/**
 * The stored status, corrected when the capture page is gone. Called inside the
 * controller's `exclusive` only, so a session still starting has its page already (or is idle again).
 */
export async function checkedStatus(platform: BackgroundPlatform): Promise<SessionStatus> {
  const current = await platform.loadStatus();
  if (current.state !== 'idle' && !(await platform.hasOffscreenDocument())) return captureLost(platform);
  return current;
}
