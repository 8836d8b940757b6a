import { commandListener } from '@/lib/messaging/command-listener';
import { chromeBackgroundAdapter } from '@/lib/platform/chrome-background-adapter';
import { chromeSessionOwnerPlatform } from '@/lib/platform/chrome-session-owner-adapter';
import { createSessionController } from '@/lib/session/session-controller';
import { createSessionOwner } from '@/lib/session/session-owner';

export default defineBackground(() => {
  const controller = createSessionController(
    chromeBackgroundAdapter(),
    createSessionOwner(chromeSessionOwnerPlatform()),
  );
  const report = (error: unknown) => console.error('Cuecard background:', error);

  // Clicking the toolbar button opens the panel and, being a user gesture on that tab,
  // is what lets tabCapture capture it. Opening must happen synchronously here.
  void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: false });
  browser.action.onClicked.addListener((tab) => {
    if (tab.windowId !== undefined) void browser.sidePanel.open({ windowId: tab.windowId });
  });

  browser.runtime.onUpdateAvailable.addListener(() => void controller.onUpdateAvailable().catch(report));

  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void controller.onTabLoading(tabId).catch(report);
  });

  browser.runtime.onMessage.addListener(
    commandListener((message, sender) => controller.handle(message, sender), report),
  );
});
