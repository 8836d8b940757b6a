// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { HintCardView } from '@/components/hints/HintCardView';
import { buildHintCard } from '@/lib/hints/build-hint-card';
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

describe('HintCardView', () => {
  it('glance shows the frame and keywords but no key-point list', () => {
    render(<HintCardView card={buildHintCard(entry!, 'glance')} confidence={0.82} />);
    const frame = screen.getByRole('list', { name: 'Frame: STAR' });
    expect(within(frame).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Situation', 'Task', 'Action', 'Result']);
    expect(screen.getByLabelText('Keywords').textContent).toBe('Own it · Repair · Learning');
    expect(screen.queryByRole('region', { name: 'Key points' })).toBeNull();
    expect(screen.getByText('strong match').getAttribute('title')).toBe('82% confidence');
  });

  it('detailed adds key points and pitfalls', () => {
    render(<HintCardView card={buildHintCard(entry!, 'detailed')} />);
    expect(within(screen.getByRole('region', { name: 'Key points' })).getAllByRole('listitem')).toHaveLength(3);
    expect(within(screen.getByRole('region', { name: 'Pitfalls' })).getByText('A fake weakness')).toBeTruthy();
  });

  it('ticks the key points the candidate already said', () => {
    render(<HintCardView card={buildHintCard(entry!, 'standard')} covered={[false, true, false]} />);
    const items = within(screen.getByRole('region', { name: 'Key points' })).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual(['Own it — say what you did wrong', '✓ Repair — what you fixed', 'Learning — the habit you kept']);
  });
});
