import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { commandListener } from '@/lib/messaging/command-listener';
import { parseCommandReply } from '@/lib/messaging/runtime-messages';
import { sendCommand } from '@/lib/platform/chrome-panel-adapter';

const failing = async () => {
  throw new Error('storage.session is unavailable');
};

describe('commandListener (the background answers every command)', () => {
  it('answers a command whose handler throws with an error reply, in words', async () => {
    fakeBrowser.runtime.onMessage.addListener(commandListener(failing, () => undefined));

    const reply = await fakeBrowser.runtime.sendMessage({ type: 'session/status' });
    expect(parseCommandReply(reply)).toEqual({
      ok: false,
      message: expect.stringMatching(/background failed \(storage\.session is unavailable\)\. Try again/),
    });
    // What the panel's Start, Stop and reopen read.
    expect(await sendCommand({ type: 'session/stop' })).toEqual(reply);
  });

  it('reports a failed event (no one waits for a reply) instead of leaving it unhandled', async () => {
    const reported: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener(commandListener(failing, (error) => reported.push(error)));

    expect(
      await fakeBrowser.runtime.sendMessage({ type: 'session/event', event: { kind: 'stopped', reason: 'user' } }),
    ).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(reported).toEqual([new Error('storage.session is unavailable')]);
  });

  it('passes the reply of a command through and ignores what is not a message', async () => {
    fakeBrowser.runtime.onMessage.addListener(
      commandListener(
        async () => ({ ok: true, status: { state: 'idle' } }),
        () => undefined,
      ),
    );
    expect(await sendCommand({ type: 'session/status' })).toEqual({ ok: true, status: { state: 'idle' } });
    expect(await fakeBrowser.runtime.sendMessage({ type: 'session/delete-everything' })).toBeUndefined();
  });

  it('gives the panel words, not a crash, for a reply it cannot read', async () => {
    fakeBrowser.runtime.onMessage.addListener((_message, _sender, sendResponse: (reply: unknown) => void) => {
      sendResponse({ ok: true, status: { state: 'capturing' } });
      return true;
    });
    expect(await sendCommand({ type: 'session/status' })).toEqual({
      ok: false,
      message: expect.stringMatching(/answer the panel cannot read/),
    });
  });
});
