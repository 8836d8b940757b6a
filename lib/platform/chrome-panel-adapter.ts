import { browser } from 'wxt/browser';
import {
  parseCommandReply,
  parseRuntimeMessage,
  type Command,
  type CommandReply,
  type SessionEvent,
} from '../messaging/runtime-messages';
import { readRenderedPage, type RenderedPage } from '../page/read-rendered-page';

/** Sends a command to the background and returns its reply, or a reply saying why there was none. */
export async function sendCommand(message: Command): Promise<CommandReply> {
  try {
    const reply: unknown = await browser.runtime.sendMessage(message);
    if (reply === undefined)
      return { ok: false, message: 'Cuecard’s background did not answer. Reload the extension and try again.' };
    return (
      parseCommandReply(reply) ?? {
        ok: false,
        message: 'Cuecard’s background gave an answer the panel cannot read. Reload the extension and try again.',
      }
    );
  } catch (error) {
    return { ok: false, message: `Cuecard’s background could not be reached (${(error as Error).message}).` };
  }
}

/** Calls back with every session event from the offscreen document; returns the unsubscribe. */
export function onSessionEvent(listener: (event: SessionEvent) => void): () => void {
  const handler = (raw: unknown, sender: { id?: string }) => {
    if (sender.id !== browser.runtime.id) return;
    const message = parseRuntimeMessage(raw);
    if (message?.type === 'session/event') listener(message.event);
  };
  browser.runtime.onMessage.addListener(handler);
  return () => browser.runtime.onMessage.removeListener(handler);
}

/**
 * The tab to capture: the active tab of this window, or, when the panel itself is
 * open as a tab, the tab used most recently before it.
 */
export async function chooseTargetTab(): Promise<number | undefined> {
  const own = await browser.tabs.getCurrent();
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  if (active?.id !== undefined && active.id !== own?.id) return active.id;
  const others = (await browser.tabs.query({})).filter((tab) => tab.id !== undefined && tab.id !== own?.id);
  others.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  return others[0]?.id;
}

/**
 * The HTML, address and title of the page in a tab, read with chrome.scripting (allowed
 * for the tab the user clicked Cuecard's toolbar button on). The page's own scripts are
 * not involved: readRenderedPage runs in an isolated world, reads the DOM and its computed
 * style, and marks bold, drawn headings and hidden parts on a copy.
 */
async function readPage(tabId: number): Promise<RenderedPage> {
  const [result] = await browser.scripting.executeScript({ target: { tabId }, func: readRenderedPage });
  const page = result?.result;
  if (!page) throw new Error('the page returned nothing');
  return page;
}

/** The page of the tab Cuecard is working with (see chooseTargetTab), for web import. */
export async function readTargetPage(): Promise<{ html: string; url: string; title: string }> {
  const tabId = await chooseTargetTab();
  if (tabId === undefined) throw new Error('there is no tab to read');
  return readPage(tabId);
}
