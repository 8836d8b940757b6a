// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DrillControls } from '@/components/drill/DrillControls';
import { DrillPrompt, DrillRating } from '@/components/drill/DrillQuestion';
import { parseMarkdownPack } from '@/lib/knowledge/markdown-pack';
import type { KnowledgeEntry } from '@/lib/knowledge/schema';
import { recordAttempt } from '@/lib/drill/practice-schedule';
import { chromeStorageAdapter } from '@/lib/platform/chrome-storage-adapter';
import { createPracticeStore } from '@/lib/drill/practice-store';
import { microphoneProblem } from '@/lib/drill/microphone-problem';

afterEach(cleanup);

const T0 = Date.UTC(2026, 11, 1, 9);
const pack = parseMarkdownPack(
  [
    '## Tell me about a time you failed.',
    'Id: failed',
    'Category: behavioral',
    '- Own it',
    '',
    '## What is dropout?',
    'Id: dropout',
    'Category: ml-theory',
    '- Zeroing',
    '- Scaling',
  ].join('\n'),
);

describe('DrillPrompt', () => {
  it('shows the question and the time left, and ends the answer on request', () => {
    const onReveal = vi.fn();
    render(
      <DrillPrompt
        question="What is dropout?"
        drill={{ entryId: 'dropout', askedAt: T0, deadline: T0 + 180_000, revealed: false, rated: false }}
        now={T0 + 45_000}
        onReveal={onReveal}
      />,
    );
    expect(screen.getByRole('region', { name: 'Drill question' }).textContent).toContain('What is dropout?');
    expect(screen.getByRole('timer', { name: 'Time left' }).textContent).toBe('02:15');
    expect(screen.queryByRole('article', { name: 'Card' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'I’m done: show the card' }));
    expect(onReveal).toHaveBeenCalledTimes(1);
  });

  it('has no countdown with the timer off', () => {
    render(
      <DrillPrompt
        question="Q?"
        drill={{ entryId: 'q', askedAt: T0, revealed: false, rated: false }}
        now={T0}
        onReveal={() => undefined}
      />,
    );
    expect(screen.queryByRole('timer')).toBeNull();
  });
});

describe('DrillPrompt without a microphone', () => {
  it('says what happened beside the question and takes a typed answer', () => {
    const onType = vi.fn();
    const drill = {
      entryId: 'dropout',
      askedAt: T0,
      revealed: false,
      rated: false,
      typed: { problem: microphoneProblem(new DOMException('denied', 'NotAllowedError')), answer: '' },
    };
    render(
      <DrillPrompt question="What is dropout?" drill={drill} now={T0} onReveal={() => undefined} onType={onType} />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toMatch(
      /^Chrome did not let Cuecard use the microphone.*Type your answer below, or think it through/,
    );
    expect(alert.className).toContain('message--error');
    fireEvent.change(screen.getByLabelText('Your answer'), { target: { value: 'Zeroing units' } });
    expect(onType).toHaveBeenCalledWith('Zeroing units');
  });

  it('names a missing microphone apart from a refused one', () => {
    expect(microphoneProblem(new DOMException('none', 'NotFoundError'))).toMatch(/^No microphone was found\./);
  });

  it('keeps the typed answer in the practice store until the card is shown', () => {
    const store = createPracticeStore(chromeStorageAdapter);
    store.getState().startQuestion(pack.entries[1]!, T0, 'No microphone was found.');
    store.getState().setTypedAnswer('Zeroing');
    expect(store.getState().drill?.typed).toEqual({ problem: 'No microphone was found.', answer: 'Zeroing' });
    store.getState().reveal();
    store.getState().setTypedAnswer('changed after');
    expect(store.getState().drill?.typed?.answer).toBe('Zeroing');
  });
});

describe('DrillRating', () => {
  it('says what was covered and takes the self-rating', () => {
    const onRate = vi.fn();
    render(<DrillRating covered={1} total={2} onRate={onRate} />);
    expect(screen.getByRole('region', { name: 'Rate your answer' }).textContent).toContain(
      'You covered 1 of 2 key points.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Shaky' }));
    expect(onRate).toHaveBeenCalledWith('shaky');
  });
});

describe('DrillControls', () => {
  it('counts what is due and never practised, and asks what is due first', () => {
    const onAsk = vi.fn<(entry: KnowledgeEntry) => void>();
    const history = {
      failed: recordAttempt(undefined, { at: T0 - 40 * 86_400_000, coveredShare: 1, rating: 'nailed' }),
    };
    render(
      <DrillControls
        entries={pack.entries}
        categories={['behavioral', 'ml-theory']}
        history={history}
        timerOn={false}
        onTimer={() => undefined}
        onAsk={onAsk}
        now={() => T0}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe('1 question due, 1 never practised');
    fireEvent.click(screen.getByRole('button', { name: 'Ask me a question' }));
    expect(onAsk.mock.calls[0]![0].id).toBe('failed');
    fireEvent.click(screen.getByRole('button', { name: 'Ask me a question' }));
    expect(onAsk.mock.calls[1]![0].id).toBe('dropout');
  });
});

describe('DrillControls with questions queued from a session review', () => {
  it('opens, says so, and asks the queued ones first, in order', () => {
    const onAsk = vi.fn<(entry: KnowledgeEntry) => void>();
    const onDequeue = vi.fn();
    render(
      <DrillControls
        entries={pack.entries}
        categories={[]}
        history={{}}
        timerOn={false}
        onTimer={() => undefined}
        onAsk={onAsk}
        queue={[pack.entries[1]!]}
        onDequeue={onDequeue}
        now={() => T0}
      />,
    );
    expect((screen.getByText('Practise without a partner').closest('details') as HTMLDetailsElement).open).toBe(true);
    expect(screen.getByRole('status').textContent).toBe(
      '1 weak question from your session to drill first; then 0 questions due, 2 never practised',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Ask me a question' }));
    expect(onAsk.mock.calls[0]![0].id).toBe('dropout');
    expect(onDequeue).toHaveBeenCalledWith('dropout');
  });
});

describe('the practice store', () => {
  it('hides the card until revealed, sets the timer by the question, and keeps a rated attempt in the history', () => {
    const store = createPracticeStore(chromeStorageAdapter);
    store.getState().setTimerOn(true);
    store.getState().startQuestion(pack.entries[0]!, T0);
    expect(store.getState().drill).toEqual({
      entryId: 'failed',
      askedAt: T0,
      deadline: T0 + 120_000,
      revealed: false,
      rated: false,
    });
    store.getState().reveal();
    store.getState().rate('missed', 0, T0 + 60_000);
    store.getState().rate('nailed', 1, T0 + 61_000); // a second rating of the same attempt is ignored
    expect(store.getState().history.failed!.attempts).toEqual([{ at: T0 + 60_000, coveredShare: 0, rating: 'missed' }]);
    expect(store.getState().drill).toMatchObject({ revealed: true, rated: true });
  });

  it("keeps a mock interview's answers rated by their coverage, leaving alone what a drill already rated since", () => {
    const store = createPracticeStore(chromeStorageAdapter);
    store.getState().startQuestion(pack.entries[0]!, T0);
    store.getState().rate('nailed', 1, T0 + 30_000);
    store.getState().recordInterviewAnswers(
      [
        { entryId: 'failed', askedAt: T0, coveredShare: 0 },
        { entryId: 'dropout', askedAt: T0 + 60_000, coveredShare: 0.5 },
      ],
      T0 + 120_000,
    );
    expect(store.getState().history.failed!.attempts.map((attempt) => attempt.rating)).toEqual(['nailed']);
    expect(store.getState().history.dropout!.attempts).toEqual([
      { at: T0 + 120_000, coveredShare: 0.5, rating: 'shaky' },
    ]);
  });
});

describe('ProgressChart', () => {
  it('draws one line per category with a summary a screen reader can say, or says there is nothing yet', async () => {
    const { ProgressChart } = await import('@/components/review/ProgressChart');
    const d1 = new Date(2026, 10, 20).getTime();
    const d2 = new Date(2026, 10, 22).getTime();
    const { container } = render(
      <ProgressChart
        progress={[
          {
            category: 'ml-theory',
            points: [
              { day: d1, coverage: 0.3, attempts: 2 },
              { day: d2, coverage: 0.6, attempts: 1 },
            ],
          },
          { category: 'behavioral', points: [{ day: d2, coverage: 1, attempts: 1 }] },
        ]}
      />,
    );
    const charts = screen.getAllByRole('img');
    expect(charts).toHaveLength(2);
    expect(charts[0]!.getAttribute('aria-label')).toMatch(/^ML theory: 30 % on .+, 60 % on .+$/);
    expect(container.querySelectorAll('polyline')).toHaveLength(1);
    expect(container.querySelector('polyline')!.getAttribute('points')!.split(' ')).toHaveLength(2);
    // A single day is drawn against its axis and labelled, not left as a lone dot.
    const single = screen.getAllByRole('listitem')[1]!;
    expect(single.textContent).toMatch(/only: practise on another day for a trend/);
    expect(single.querySelectorAll('line')).toHaveLength(3);
    cleanup();
    render(<ProgressChart progress={[]} />);
    expect(screen.getByText(/No practice yet/)).toBeTruthy();
  });
});
