// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sessionDb, useLiveSession, useSessionStore } from '@/entrypoints/sidepanel/useLiveSession';
import { parseMarkdownPack } from '@/lib/knowledge/markdown-pack';
import { createQuestionIndex } from '@/lib/match/question-index';
import { appendLine, recordHint, startSessionRecord } from '@/lib/session/session-db';

// The shipped packs play no part here; the build-time module that holds them is not needed.
vi.mock('virtual:cuecard-knowledge', () => ({ default: [] }));

const { entries } = parseMarkdownPack('## How do you handle class imbalance?\n- Metrics\n## Design a fraud detection system.\n- Labels');

describe('useLiveSession', () => {
  it('keeps the live view when the knowledge base changes mid-session', async () => {
    const handle = await sessionDb;
    await startSessionRecord(handle, { id: 's', startedAt: 1 });
    await appendLine(handle, { sessionId: 's', seq: 0, channel: 'interviewer', text: 'how do you handle class imbalance', startMs: 0, endMs: 900, at: 2 });
    await recordHint(handle, { sessionId: 's', entryId: entries[0]!.id, question: entries[0]!.question, at: 3 });
    let statusAsked = 0;
    // The background's answer to "session/status": a session is running.
    fakeBrowser.runtime.onMessage.addListener((message: { type?: string }, _sender, sendResponse: (reply: unknown) => void) => {
      if (message.type !== 'session/status') return undefined;
      statusAsked++;
      sendResponse({ ok: true, status: { state: 'capturing', sessionId: 's', tabId: 1, startedAt: 1 } });
      return true;
    });

    const { rerender } = renderHook(({ index }) => useLiveSession(index), { initialProps: { index: createQuestionIndex(entries) } });
    await waitFor(() => expect(useSessionStore.getState().questions).toHaveLength(1));
    // A card on screen with what only the live path knows: its confidence, alternatives and heard text.
    const shown = { entryId: entries[1]!.id, question: entries[1]!.question, confidence: 0.62, alternatives: [], heard: 'catch card fraud', at: 4 };
    useSessionStore.getState().showHints([shown]);

    // A pack switched on or off, a phrasing learned: a new index.
    rerender({ index: createQuestionIndex(entries.slice(0, 1)) });
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(statusAsked).toBe(1);
    expect(useSessionStore.getState().hint).toEqual(shown);
    expect(useSessionStore.getState().questions.map((question) => question.at)).toEqual([3, 4]);
  });
});
