// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TranscriptView } from '@/components/session/TranscriptView';

afterEach(cleanup);

describe('TranscriptView', () => {
  it('shows who is speaking as soon as speech starts, with the words so far where partial text is on', () => {
    const line = {
      sessionId: 's',
      seq: 0,
      channel: 'interviewer' as const,
      text: 'what is dropout',
      startMs: 0,
      endMs: 900,
      at: 1,
    };
    render(
      <TranscriptView
        lines={[line]}
        partials={{ candidate: 'it randomly' }}
        speaking={{ interviewer: true, candidate: true }}
      />,
    );
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Interviewer what is dropout',
      'Interviewer speaking…',
      'You it randomly…',
    ]);
  });
});
