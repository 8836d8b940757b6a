// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NearMissChips } from '@/components/card/NearMissChips';
import { QuestionHistory } from '@/components/session/QuestionHistory';

afterEach(cleanup);

const offer = {
  line: 0,
  entries: [
    { entryId: 'imbalance', question: 'How do you handle class imbalance?' },
    { entryId: 'metrics', question: 'Which metrics would you use for a rare class?' },
  ],
  heard: 'why is accuracy a bad metric when one class is rare',
  at: 1,
};

describe('NearMissChips', () => {
  it('offers each close question as a chip, and a tap picks it', () => {
    const onChoose = vi.fn();
    render(<NearMissChips offer={offer} onChoose={onChoose} />);
    const region = screen.getByRole('region', { name: 'Did they ask' });
    expect(
      within(region)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(offer.entries.map((entry) => entry.question));
    fireEvent.click(screen.getByRole('button', { name: 'Which metrics would you use for a rare class?' }));
    expect(onChoose).toHaveBeenCalledWith('metrics', 'Which metrics would you use for a rare class?');
  });

  it('shows nothing without an offer', () => {
    const { container } = render(<NearMissChips offer={undefined} onChoose={() => {}} />);
    expect(container.textContent).toBe('');
  });
});

describe('QuestionHistory', () => {
  it('lists the questions of the session newest first, keeping their numbers', () => {
    const hint = (at: number) => ({
      line: at,
      entryId: `e${at}`,
      question: `Question ${at}?`,
      confidence: 1,
      alternatives: [],
      heard: '',
      at,
    });
    render(<QuestionHistory questions={[hint(1), hint(2), hint(3)]} current={3} onPick={() => {}} />);
    expect(screen.getAllByRole('button').map((button) => button.textContent)).toEqual([
      '3. Question 3?',
      '2. Question 2?',
      '1. Question 1?',
    ]);
  });
});
