// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebImport } from '@/components/knowledge/WebImport';
import type { KnowledgePack } from '@/lib/knowledge/schema';
import { createQuestionIndex } from '@/lib/match/question-index';

const page = {
  url: 'https://example.com/ml-questions',
  title: 'ML questions',
  html: `<html><head><title>ML questions</title></head><body><article><h1>ML interview questions</h1>
    <h2>What is overfitting?</h2><p>A model that learns the noise of its training data.</p>
    <h2>How do you choose a learning rate?</h2><p>Start from a range test, then schedule it.</p>
    </article></body></html>`,
};

afterEach(cleanup);

describe('WebImport', () => {
  it('says what it saved, and drops that line once the saved pack is removed', async () => {
    const onSave = vi.fn((pack: KnowledgePack) => ({ ...pack, id: 'web-1' }));
    const props = { index: createQuestionIndex([]), readCurrentPage: async () => page, onSave };
    const { rerender } = render(<WebImport {...props} userPackIds={new Set()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Import questions from this page' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Save 2 questions' }));

    rerender(<WebImport {...props} userPackIds={new Set(['web-1'])} />);
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Saved 2 questions as “.+”\.$/));

    rerender(<WebImport {...props} userPackIds={new Set()} />);
    expect(screen.queryByRole('status')).toBeNull();
  });
});
