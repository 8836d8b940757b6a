// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/sidepanel/App';
import { useSessionStore } from '@/entrypoints/sidepanel/useLiveSession';
import type { SessionEvent, ShownCard } from '@/lib/messaging/runtime-messages';

vi.mock('virtual:cuecard-knowledge', async () => {
  const { parseMarkdownPack } = await import('@/lib/knowledge/markdown-pack');
  return {
    default: [
      parseMarkdownPack(`# Shipped
## What is dropout?
- Randomly zeroes activations during training
## How do you handle class imbalance?
- Metrics — PR AUC instead of accuracy
`),
    ],
  };
});
afterEach(cleanup);

const card = (entryId: string, question: string, line = -1, at = 100): ShownCard => ({
  line,
  entryId,
  question,
  confidence: 0.8,
  alternatives: [],
  heard: question,
  at,
});
const apply = (event: SessionEvent) => act(() => useSessionStore.getState().apply(event));
const shownCard = () => screen.getByRole('article', { name: 'Card' });

describe('the card before the pause, in the panel', () => {
  it('shows a provisional card marked as such, and turns it final in place, without drawing it again', async () => {
    fakeBrowser.runtime.onMessage.addListener((_message, _sender, sendResponse: (reply: unknown) => void) => {
      sendResponse({ ok: true, status: { state: 'idle' } });
      return true;
    });
    render(<App />);
    await screen.findByText(/questions ready, offline/);
    apply({ kind: 'capturing', sessionId: 's', withMicrophone: false });
    const dropout = card('what-is-dropout', 'What is dropout?');
    apply({ kind: 'provisional-card', sessionId: 's', startMs: 1_000, card: dropout });

    const provisional = shownCard();
    expect(within(provisional).getByRole('status').textContent).toBe('Provisional · listening…');
    expect(within(provisional).getByRole('status').getAttribute('title')).toMatch(/still being asked/);
    expect(provisional.className).toContain('card--listening');
    const keyPoint = within(provisional).getByText('Randomly zeroes activations during training');

    apply({
      kind: 'provisional-settled',
      sessionId: 's',
      startMs: 1_000,
      outcome: 'confirmed',
      cards: [card('what-is-dropout', 'What is dropout?', 4, 400)],
    });
    // The same elements, now final: no re-mount, so no flash.
    expect(shownCard()).toBe(provisional);
    expect(within(provisional).getByText('Randomly zeroes activations during training')).toBe(keyPoint);
    expect(within(provisional).getByRole('status').textContent).toBe('');
    expect(provisional.className).not.toContain('card--listening');
    expect(useSessionStore.getState().card).toMatchObject({ line: 4, entryId: 'what-is-dropout' });
  });

  it('a replaced card stays in the question history, marked; a card the line did not confirm says so', async () => {
    render(<App />);
    await screen.findByText(/questions ready, offline/);
    apply({ kind: 'capturing', sessionId: 't', withMicrophone: false });
    apply({
      kind: 'provisional-card',
      sessionId: 't',
      startMs: 1_000,
      card: card('what-is-dropout', 'What is dropout?'),
    });
    apply({
      kind: 'provisional-card',
      sessionId: 't',
      startMs: 1_000,
      card: card('how-do-you-handle-class-imbalance', 'How do you handle class imbalance?', -1, 200),
      replaces: 'what-is-dropout',
    });
    const history = screen.getByRole('navigation', { name: 'Questions this session' });
    expect(
      within(history)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['2. How do you handle class imbalance? (listening…)', '1. What is dropout? (replaced)']);
    apply({ kind: 'provisional-settled', sessionId: 't', startMs: 1_000, outcome: 'not-confirmed', cards: [] });
    expect(within(shownCard()).getByRole('status').textContent).toBe('Not confirmed');
    expect(within(shownCard()).getByText('How do you handle class imbalance?')).toBeTruthy();
  });
});
