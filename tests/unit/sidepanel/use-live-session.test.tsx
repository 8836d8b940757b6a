// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sessionDb, useLiveSession, useSessionStore } from '@/entrypoints/sidepanel/useLiveSession';
import { useKnowledgeStore } from '@/entrypoints/sidepanel/stores';
import { parseMarkdownPack } from '@/lib/knowledge/markdown-pack';
import type { RuntimeMessage } from '@/lib/messaging/runtime-messages';
import { appendLine, recordHint, startSessionRecord } from '@/lib/session/session-db';

// The shipped packs play no part here; the build-time module that holds them is not needed.
vi.mock('virtual:cuecard-knowledge', () => ({ default: [] }));

const { entries } = parseMarkdownPack('## How do you handle class imbalance?\n- Metrics\n## Design a fraud detection system.\n- Labels');

describe('useLiveSession', () => {
  it('shows the cards the session owner publishes, and keeps the live view when the knowledge base changes mid-session', async () => {
    const handle = await sessionDb;
    await startSessionRecord(handle, { id: 's', startedAt: 1 });
    await appendLine(handle, { sessionId: 's', seq: 0, channel: 'interviewer', text: 'how do you handle class imbalance', startMs: 0, endMs: 900, at: 2 });
    await recordHint(handle, { sessionId: 's', line: 0, entryId: entries[0]!.id, question: entries[0]!.question, at: 3 });
    let statusAsked = 0;
    const chosen: RuntimeMessage[] = [];
    // The background: a session is running; a choice is acknowledged.
    fakeBrowser.runtime.onMessage.addListener((message: RuntimeMessage, _sender, sendResponse: (reply: unknown) => void) => {
      if (message.type === 'session/choose') chosen.push(message);
      else if (message.type !== 'session/status') return undefined;
      else statusAsked++;
      sendResponse({ ok: true, status: { state: 'capturing', sessionId: 's', tabId: 1, startedAt: 1 } });
      return true;
    });

    const { result } = renderHook(() => useLiveSession());
    await waitFor(() => expect(useSessionStore.getState().questions).toHaveLength(1));
    // The owner read a new line: a card with what only the live path knows (confidence, alternatives, heard text).
    const shown = { line: 1, entryId: entries[1]!.id, question: entries[1]!.question, confidence: 0.62, alternatives: [{ entryId: entries[0]!.id, question: entries[0]!.question, score: 0.58 }], heard: 'catch card fraud', at: 4 };
    const fromOwnExtension = { id: fakeBrowser.runtime.id };
    await act(() => fakeBrowser.runtime.onMessage.trigger({ type: 'session/event', event: { kind: 'hints', sessionId: 's', hints: [shown] } }, fromOwnExtension, () => undefined));
    await waitFor(() => expect(useSessionStore.getState().hint).toEqual(shown));

    // A pack switched off: nothing in the panel's session is asked for or reloaded again.
    act(() => useKnowledgeStore.setState({ disabledPackIds: ['my-questions'] }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(statusAsked).toBe(1);
    expect(useSessionStore.getState().hint).toEqual(shown);
    expect(useSessionStore.getState().questions.map((question) => question.at)).toEqual([3, 4]);

    // Picking the alternative: the card changes here, the owner is told (it records it), the phrasing is learned.
    act(() => result.current.chooseAlternative(entries[0]!.id, entries[0]!.question));
    const picked = { ...shown, entryId: entries[0]!.id, question: entries[0]!.question, confidence: 1, alternatives: [] };
    await waitFor(() => expect(chosen).toEqual([{ type: 'session/choose', sessionId: 's', card: picked, replaces: entries[1]!.id }]));
    expect(useSessionStore.getState().hint).toEqual(picked);
    expect(useSessionStore.getState().questions.map((question) => question.entryId)).toEqual([entries[0]!.id, entries[0]!.id]);
    expect(useKnowledgeStore.getState().learnedPhrasings[entries[0]!.id]).toEqual(['catch card fraud']);
  });
});
