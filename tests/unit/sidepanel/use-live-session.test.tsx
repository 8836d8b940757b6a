// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { liveActions, sessionDb, useLiveSession, useSessionStore } from '@/entrypoints/sidepanel/useLiveSession';
import { useKnowledgeStore } from '@/entrypoints/sidepanel/stores';
import { parseMarkdownPack } from '@/lib/knowledge/markdown-pack';
import { commandListener } from '@/lib/messaging/command-listener';
import type { CommandReply, RuntimeMessage } from '@/lib/messaging/runtime-messages';
import { appendLine, recordCard, startSessionRecord } from '@/lib/session/session-db';

// The shipped packs play no part here; the build-time module that holds them is not needed.
vi.mock('virtual:cuecard-knowledge', () => ({ default: [] }));

const { entries } = parseMarkdownPack(
  '## How do you handle class imbalance?\n- Metrics\n## Design a fraud detection system.\n- Labels',
);

beforeEach(() => {
  useSessionStore.setState(useSessionStore.getInitialState(), true);
});
afterEach(cleanup);

/** A stand-in background answering commands (after a turn of the event loop, like Chrome). */
function fakeBackground(answer: (message: RuntimeMessage) => CommandReply | undefined) {
  const commands: RuntimeMessage[] = [];
  fakeBrowser.runtime.onMessage.addListener(
    (message: RuntimeMessage, _sender, sendResponse: (reply: unknown) => void) => {
      const reply = answer(message);
      if (!reply) return undefined;
      commands.push(message);
      setTimeout(() => sendResponse(reply), 5);
      return true;
    },
  );
  return commands;
}

describe('useLiveSession', () => {
  it('shows the cards the session owner publishes, and keeps the live view when the knowledge base changes mid-session', async () => {
    const handle = await sessionDb;
    await startSessionRecord(handle, { id: 's', startedAt: 1 });
    await appendLine(handle, {
      sessionId: 's',
      seq: 0,
      channel: 'interviewer',
      text: 'how do you handle class imbalance',
      startMs: 0,
      endMs: 900,
      at: 2,
    });
    await recordCard(handle, {
      sessionId: 's',
      line: 0,
      entryId: entries[0]!.id,
      question: entries[0]!.question,
      at: 3,
    });
    let statusAsked = 0;
    const chosen: RuntimeMessage[] = [];
    // The background: a session is running; a choice is acknowledged.
    fakeBrowser.runtime.onMessage.addListener(
      (message: RuntimeMessage, _sender, sendResponse: (reply: unknown) => void) => {
        if (message.type === 'session/choose') chosen.push(message);
        else if (message.type !== 'session/status') return undefined;
        else statusAsked++;
        sendResponse({ ok: true, status: { state: 'capturing', sessionId: 's', tabId: 1, startedAt: 1 } });
        return true;
      },
    );

    const { result } = renderHook(() => useLiveSession());
    await waitFor(() => expect(useSessionStore.getState().questions).toHaveLength(1));
    // The owner read a new line: a card with what only the live path knows (confidence, alternatives, heard text).
    const shown = {
      line: 1,
      entryId: entries[1]!.id,
      question: entries[1]!.question,
      confidence: 0.62,
      alternatives: [{ entryId: entries[0]!.id, question: entries[0]!.question, score: 0.58 }],
      heard: 'catch card fraud',
      at: 4,
    };
    const fromOwnExtension = { id: fakeBrowser.runtime.id };
    await act(async () => {
      // The listeners' return values (whether they answer later) are not what this test reads.
      void (await fakeBrowser.runtime.onMessage.trigger(
        { type: 'session/event', event: { kind: 'cards', sessionId: 's', cards: [shown] } },
        fromOwnExtension,
        () => undefined,
      ));
    });
    await waitFor(() => expect(useSessionStore.getState().card).toEqual(shown));

    // A pack switched off: nothing in the panel's session is asked for or reloaded again.
    await act(() => useKnowledgeStore.setState({ disabledPackIds: ['my-questions'] }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(statusAsked).toBe(1);
    expect(useSessionStore.getState().card).toEqual(shown);
    expect(useSessionStore.getState().questions.map((question) => question.at)).toEqual([3, 4]);

    // Picking the alternative: the card changes here, the owner is told (it records it), the phrasing is learned.
    act(() => result.current.chooseAlternative(entries[0]!.id, entries[0]!.question));
    const picked = {
      ...shown,
      entryId: entries[0]!.id,
      question: entries[0]!.question,
      confidence: 1,
      alternatives: [],
    };
    await waitFor(() =>
      expect(chosen).toEqual([{ type: 'session/choose', sessionId: 's', card: picked, replaces: entries[1]!.id }]),
    );
    expect(useSessionStore.getState().card).toEqual(picked);
    expect(useSessionStore.getState().questions.map((question) => question.entryId)).toEqual([
      entries[0]!.id,
      entries[0]!.id,
    ]);
    expect(useKnowledgeStore.getState().learnedPhrasings[entries[0]!.id]).toEqual(['catch card fraud']);
  });
});

describe('useLiveSession: Start and Stop', () => {
  it('a double press on Start sends one Start and no Stop, and shows "starting" at once', async () => {
    // A tab to capture besides the panel's own.
    await fakeBrowser.tabs.create({ url: 'https://meet.example/abc', active: false });
    let started = 0;
    const commands = fakeBackground((message) =>
      message.type === 'session/start'
        ? {
            ok: true,
            status: { state: 'starting', sessionId: `session-${++started}`, tabId: message.tabId, startedAt: 1 },
          }
        : undefined,
    );

    const first = liveActions.start();
    expect(useSessionStore.getState()).toMatchObject({ status: 'starting', awaitingStart: true });
    // The second press: on Start (the keyboard shortcut), or on the Stop button Start turned into.
    await Promise.all([first, liveActions.start(), liveActions.stop()]);

    expect(commands.map((message) => message.type)).toEqual(['session/start']);
    expect(useSessionStore.getState()).toMatchObject({
      status: 'starting',
      awaitingStart: false,
      sessionId: 'session-1',
    });
  });

  it('leaves "Finishing…" when the reply to Stop says the session is already over', async () => {
    fakeBackground((message) =>
      message.type === 'session/stop' ? { ok: true, status: { state: 'idle' } } : undefined,
    );
    useSessionStore.getState().apply({ kind: 'capturing', sessionId: 'session-1', withMicrophone: false });

    await liveActions.stop();
    expect(useSessionStore.getState().status).toBe('idle');
  });

  it('shows the error reply of a background that failed, in words, and keeps Stop available', async () => {
    fakeBrowser.runtime.onMessage.addListener(
      commandListener(
        async () => {
          throw new Error('storage.session is unavailable');
        },
        () => undefined,
      ),
    );
    useSessionStore.getState().apply({ kind: 'capturing', sessionId: 'session-1', withMicrophone: false });

    await liveActions.stop();
    expect(useSessionStore.getState()).toMatchObject({
      status: 'capturing',
      notice: { kind: 'error', text: expect.stringMatching(/background failed \(storage\.session is unavailable\)/) },
    });
  });
});
