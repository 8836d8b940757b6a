import type { BackgroundPlatform } from './session-controller';

/** Installs an update that waited for the session to end, if one did. */
export async function installWaitingUpdate(platform: BackgroundPlatform): Promise<void> {
  if (await platform.loadUpdatePending()) {
    await platform.saveUpdatePending(false);
    platform.reload();
  }
}

/**
 * Chrome has an update ready. Installing it ends every page of the extension, so
 * during a session it waits for Stop (lines are safe either way: they are in IndexedDB).
 */
export async function updateAvailable(platform: BackgroundPlatform): Promise<void> {
  if ((await platform.loadStatus()).state === 'idle') {
    platform.reload();
    return;
  }
  await platform.saveUpdatePending(true);
  await platform.notifyPanels('A Cuecard update is ready; it will install when you press Stop.');
}
