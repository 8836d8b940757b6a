// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CardView } from '@/components/card/CardView';
import { buildCard } from '@/lib/card/build-card';
import { parseMarkdownPack } from '@/lib/knowledge/markdown-pack';

const [entry] = parseMarkdownPack(`## Tell me about a time you failed.
Category: behavioral
- Own it — say what you did wrong
- Repair — what you fixed
- Learning — the habit you kept
Pitfalls:
- A fake weakness
`).entries;

afterEach(cleanup);

describe('CardView', () => {
  it("glance leads with the key points' leads, the frame one small line after them, no key-point list", () => {
    const { container } = render(
      <CardView card={buildCard(entry!, 'glance')} confidence={0.82} covered={[false, true, false]} />,
    );
    const keywords = screen.getByRole('list', { name: 'Keywords' });
    expect(
      within(keywords)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Own it', '✓ Repair', 'Learning']);
    expect(screen.getByLabelText('Frame: STAR').textContent).toBe('STAR: Situation → Task → Action → Result');
    expect(screen.queryByRole('list', { name: 'Frame: STAR' })).toBeNull();
    // Reading order: question, then the leads, then the frame.
    const order = [...container.querySelectorAll('.card-question, .card-keywords, .card-frame-line')].map(
      (element) => element.className,
    );
    expect(order).toEqual(['card-question', 'card-keywords', 'card-frame-line']);
    expect(screen.queryByRole('region', { name: 'Key points' })).toBeNull();
    expect(screen.getByText('strong match').getAttribute('title')).toBe('82% confidence');
  });

  it("standard shows the frame's steps and the key points in full", () => {
    render(<CardView card={buildCard(entry!, 'standard')} />);
    const frame = screen.getByRole('list', { name: 'Frame: STAR' });
    expect(
      within(frame)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Situation', 'Task', 'Action', 'Result']);
    expect(within(screen.getByRole('region', { name: 'Key points' })).getAllByRole('listitem')).toHaveLength(3);
  });

  it('says there is no outline yet, at every verbosity, for a question saved without one', () => {
    const [bare] = parseMarkdownPack('## What is a feature store?\nCategory: mlops\n').entries;
    for (const verbosity of ['glance', 'standard'] as const) {
      render(<CardView card={buildCard(bare!, verbosity)} />);
      expect(screen.getByText(/No outline yet/)).toBeTruthy();
      cleanup();
    }
  });

  it('detailed adds key points and pitfalls', () => {
    render(<CardView card={buildCard(entry!, 'detailed')} />);
    expect(within(screen.getByRole('region', { name: 'Key points' })).getAllByRole('listitem')).toHaveLength(3);
    expect(within(screen.getByRole('region', { name: 'Pitfalls' })).getByText('A fake weakness')).toBeTruthy();
  });

  it('ticks the key points the candidate already said', () => {
    render(<CardView card={buildCard(entry!, 'standard')} covered={[false, true, false]} />);
    const items = within(screen.getByRole('region', { name: 'Key points' })).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Own it — say what you did wrong',
      '✓ Repair — what you fixed',
      'Learning — the habit you kept',
    ]);
  });
});

describe('CardView with the user’s own answer', () => {
  const mine = {
    lead: '',
    story: {
      situation: 'A model I shipped leaked labels. We caught it in the A/B.',
      task: '',
      action: 'Rebuilt the split by time.',
      result: 'AUC fell from 0.93 to 0.81, the true figure.',
    },
    points: ['Say the number you lost'],
    numbers: ['0.93 → 0.81 AUC'],
  };

  it('at a glance shows only the story’s one-line lead, marked as mine, before the pack’s leads', () => {
    const { container } = render(<CardView card={buildCard(entry!, 'glance')} myAnswer={mine} />);
    expect(screen.getByLabelText('My answer').textContent).toBe('Mine A model I shipped leaked labels.');
    expect(screen.queryByText('Say the number you lost')).toBeNull();
    const order = [...container.querySelectorAll('.my-answer-lead, .card-keywords')].map(
      (element) => element.className,
    );
    expect(order).toEqual(['my-answer-lead', 'card-keywords']);
  });

  it('at standard shows the lead, my points and numbers; detailed adds the whole story; the pack’s outline stays', () => {
    render(<CardView card={buildCard(entry!, 'standard')} myAnswer={mine} />);
    let section = screen.getByRole('region', { name: 'My answer' });
    expect(section.textContent).toBe('My answerA model I shipped leaked labels.Say the number you lost0.93 → 0.81 AUC');
    expect(screen.getByRole('region', { name: 'Key points' })).toBeTruthy();
    cleanup();

    render(<CardView card={buildCard(entry!, 'detailed')} myAnswer={mine} />);
    section = screen.getByRole('region', { name: 'My answer' });
    expect([...section.querySelectorAll('dt')].map((term) => term.textContent)).toEqual([
      'Situation',
      'Action',
      'Result',
    ]);
    expect(section.textContent).toContain('AUC fell from 0.93 to 0.81, the true figure.');
    expect(screen.getByRole('region', { name: 'Pitfalls' })).toBeTruthy();
  });
});
