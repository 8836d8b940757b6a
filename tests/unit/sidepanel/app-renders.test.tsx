// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/sidepanel/App';
import { useSessionStore } from '@/entrypoints/sidepanel/useLiveSession';

vi.mock('virtual:cuecard-knowledge', () => ({ default: [] }));
// Counts renders of a part of the live view that has nothing to do with partial lines.
const renders = vi.hoisted(() => ({ history: 0 }));
vi.mock('@/components/session/QuestionHistory', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/components/session/QuestionHistory')>();
  return {
    QuestionHistory: (props: Parameters<typeof actual.QuestionHistory>[0]) => {
      renders.history++;
      return actual.QuestionHistory(props);
    },
  };
});
afterEach(cleanup);

describe('the panel app', () => {
  it('binds the keyboard once and re-renders only the transcript for partial lines', async () => {
    fakeBrowser.runtime.onMessage.addListener((_message, _sender, sendResponse: (reply: unknown) => void) => {
      sendResponse({ ok: true, status: { state: 'idle' } });
      return true;
    });
    const listen = vi.spyOn(window, 'addEventListener');
    render(<App />);
    await screen.findByText(/questions ready, offline/);
    act(() => useSessionStore.getState().apply({ kind: 'capturing', sessionId: 's', withMicrophone: false }));
    const before = renders.history;
    for (const text of ['how', 'how would', 'how would you'])
      act(() =>
        useSessionStore
          .getState()
          .apply({ kind: 'partial', sessionId: 's', channel: 'interviewer', text, startMs: 0, endMs: 1_000 }),
      );

    expect(document.body.textContent).toContain('how would you');
    expect(renders.history - before).toBe(0);
    expect(listen.mock.calls.filter(([type]) => type === 'keydown')).toHaveLength(1);
  });
});
