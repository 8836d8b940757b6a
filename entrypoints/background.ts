import { parseRuntimeMessage } from '@/lib/messaging/runtime-messages';
import { chromeBackgroundAdapter } from '@/lib/platform/chrome-background-adapter';
import { chromeSessionOwnerPlatform } from '@/lib/platform/chrome-session-owner-adapter';
import { createSessionController } from '@/lib/session/session-controller';
import { createSessionOwner } from '@/lib/session/session-owner';

export default defineBackground(() => {
  const controller = createSessionController(chromeBackgroundAdapter(), createSessionOwner(chromeSessionOwnerPlatform()));

  // Clicking the toolbar button opens the panel and, being a user gesture on that tab,
  // is what lets tabCapture capture it. Opening must happen synchronously here.
  void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: false });
  browser.action.onClicked.addListener((tab) => {
    if (tab.windowId !== undefined) void browser.sidePanel.open({ windowId: tab.windowId });
  });

  browser.runtime.onUpdateAvailable.addListener(() => void controller.onUpdateAvailable());

  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void controller.onTabLoading(tabId);
  });

  browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
    const message = parseRuntimeMessage(raw);
    if (!message) return false;
    void controller.handle(message, sender).then((reply) => {
      if (reply) sendResponse(reply);
    });
    // Keep the channel open only for the commands the controller answers.
    return message.type === 'session/start' || message.type === 'session/stop' || message.type === 'session/status' || message.type === 'session/choose';
  });
});
