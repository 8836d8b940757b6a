// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { usePracticeStore, useKnowledgeStore } from '@/entrypoints/sidepanel/stores';
import { useInterviewAnswersKept } from '@/entrypoints/sidepanel/useInterviewAnswersKept';
import { useSessionStore } from '@/entrypoints/sidepanel/useLiveSession';
import { parseMarkdownPack } from '@/lib/knowledge/markdown-pack';
import type { TranscriptLine } from '@/lib/messaging/runtime-messages';

vi.mock('virtual:cuecard-knowledge', () => ({ default: [] }));

const pack = parseMarkdownPack(
  '# Mine\n\n## How do you handle class imbalance?\nId: imbalance\n- Reweight — class weights\n- Resample — undersample\n',
  { id: 'mine' },
);
const line = (channel: 'interviewer' | 'candidate', text: string, at: number): TranscriptLine => ({
  sessionId: 's',
  seq: at,
  channel,
  text,
  startMs: at,
  endMs: at + 5_000,
  at,
});

describe('useInterviewAnswersKept', () => {
  it('puts a mock interview’s answered questions into the practice history when the session ends, rated by coverage', async () => {
    useKnowledgeStore.setState({ userPacks: [pack] });
    useSessionStore.setState({ status: 'capturing', questions: [], lines: [] });
    renderHook(() => useInterviewAnswersKept());
    act(() =>
      useSessionStore.setState({
        questions: [
          {
            line: 0,
            entryId: 'imbalance',
            question: 'How do you handle class imbalance?',
            at: 1_000,
            confidence: 0.9,
            alternatives: [],
            heard: '',
          },
        ],
        lines: [
          line('interviewer', 'how do you handle class imbalance', 900),
          line('candidate', 'I would reweight the classes with class weights', 2_000),
        ],
      }),
    );
    expect(usePracticeStore.getState().history).toEqual({});

    act(() => useSessionStore.setState({ status: 'idle' }));
    await waitFor(() => expect(usePracticeStore.getState().history.imbalance?.attempts).toHaveLength(1));
    // One of two key points said: half covered, "shaky".
    expect(usePracticeStore.getState().history.imbalance!.attempts[0]).toMatchObject({
      coveredShare: 0.5,
      rating: 'shaky',
    });
  });
});
