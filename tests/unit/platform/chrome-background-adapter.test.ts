import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { chromeBackgroundAdapter } from '@/lib/platform/chrome-background-adapter';
import { createSessionController } from '@/lib/session/session-controller';

/** A session owner that reads nothing: these tests are about updates. */
const quietOwner = {
  takeLine: () => Promise.resolve([]),
  takePartial: () => Promise.resolve(undefined),
  choose: () => Promise.resolve(),
};
const panel = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/sidepanel.html') };
const capturing = { state: 'capturing', sessionId: 'session-1', tabId: 7, startedAt: 1 } as const;

/** The fake browser has no runtime.getContexts nor runtime.reload: stand-ins that say whether a capture page is open, and count reloads. */
function chromeWithCapturePage(open: { value: boolean }) {
  Object.assign(fakeBrowser.runtime, {
    getContexts: async () => (open.value ? [{ contextType: 'OFFSCREEN_DOCUMENT' }] : []),
  });
  return vi.spyOn(fakeBrowser.runtime, 'reload').mockImplementation(() => undefined);
}

describe('extension updates through the Chrome adapter (fake browser, storage.session)', () => {
  const capturePage = { value: true };
  beforeEach(() => {
    capturePage.value = true;
    vi.restoreAllMocks();
  });

  it('installs at once when no session runs', async () => {
    const reload = chromeWithCapturePage(capturePage);
    await createSessionController(chromeBackgroundAdapter(), quietOwner).onUpdateAvailable();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('waits through a session, and across a worker restart, then installs when it stops', async () => {
    const reload = chromeWithCapturePage(capturePage);
    await chromeBackgroundAdapter().saveStatus(capturing);
    await createSessionController(chromeBackgroundAdapter(), quietOwner).onUpdateAvailable();
    expect(reload).not.toHaveBeenCalled();

    // The worker was stopped meanwhile: a new controller finds the waiting update in storage.session.
    const restarted = createSessionController(chromeBackgroundAdapter(), quietOwner);
    await restarted.handle({ type: 'session/event', event: { kind: 'stopped', reason: 'user' } }, panel);
    expect(reload).toHaveBeenCalledTimes(1);
    expect(await chromeBackgroundAdapter().loadUpdatePending()).toBe(false);
  });

  it('installs when the session ends because its capture page died', async () => {
    const reload = chromeWithCapturePage(capturePage);
    await chromeBackgroundAdapter().saveStatus(capturing);
    const controller = createSessionController(chromeBackgroundAdapter(), quietOwner);
    await controller.onUpdateAvailable();
    capturePage.value = false;
    expect(reload).not.toHaveBeenCalled();

    expect(await controller.handle({ type: 'session/stop' }, panel)).toEqual({ ok: true, status: { state: 'idle' } });
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
