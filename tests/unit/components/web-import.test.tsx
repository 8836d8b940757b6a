// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WebImport } from '@/components/import/WebImport';
import type { KnowledgePack } from '@/lib/knowledge/schema';
import { createQuestionIndex } from '@/lib/match/question-index';
import { createImportReviewStore, type ImportReviewStore } from '@/lib/import/import-review-store';
import { createImportRunner } from '@/lib/import/import-runner';
import { handleImportRequest } from '@/lib/import/import-worker-host';
import { nodeFileReaders } from '@/lib/import/node-file-readers';
import type { ImportWorkerRequest } from '@/lib/messaging/import-worker-messages';
import { nodeHtmlTools } from '@/lib/page/node-html-tools';

/** The import worker's own logic, run in the test's thread: only the Worker boundary is left out. */
const read = (request: ImportWorkerRequest) =>
  handleImportRequest(request, { tools: nodeHtmlTools(), readers: nodeFileReaders() });

const page = {
  url: 'https://example.com/ml-questions',
  title: 'ML questions',
  html: `<html><head><title>ML questions</title></head><body><article><h1>ML interview questions</h1>
    <h2>What is overfitting?</h2><p>A model that learns the noise of its training data.</p>
    <h2>How do you choose a learning rate?</h2><p>Start from a range test, then schedule it.</p>
    </article></body></html>`,
};

afterEach(cleanup);
let reviews: ImportReviewStore;
beforeEach(() => {
  reviews = createImportReviewStore();
});

describe('WebImport', () => {
  it('says what it saved, and drops that line once the saved pack is removed', async () => {
    const onSave = vi.fn((pack: KnowledgePack) => ({ ...pack, id: 'web-1' }));
    const props = { index: createQuestionIndex([]), readCurrentPage: () => Promise.resolve(page), read, onSave };
    const { rerender } = render(<WebImport {...props} reviews={reviews} userPackIds={new Set()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Import questions from this page' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Save 2 questions' }));

    rerender(<WebImport {...props} reviews={reviews} userPackIds={new Set(['web-1'])} />);
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Saved 2 questions as “.+”\.$/));

    rerender(<WebImport {...props} reviews={reviews} userPackIds={new Set()} />);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('stops a page that takes longer than the budget: a clear message, the button back, nothing saved', async () => {
    const onSave = vi.fn();
    const silent = { postMessage() {}, terminate: vi.fn(), onmessage: null, onerror: null };
    const runner = createImportRunner({ startWorker: () => silent, budgetMs: 1_000 });
    render(
      <WebImport
        index={createQuestionIndex([])}
        userPackIds={new Set()}
        readCurrentPage={() => Promise.resolve(page)}
        read={runner.read}
        onSave={onSave}
        reviews={reviews}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Import questions from this page' }));
    expect((await screen.findByRole('button', { name: 'Reading the page…' })).hasAttribute('disabled')).toBe(true);

    await waitFor(
      () =>
        expect(screen.getByRole('alert').textContent).toMatch(
          /^This page is too large to read in 1 s — nothing was imported\./,
        ),
      { timeout: 5_000 },
    );
    expect(silent.terminate).toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Import questions from this page' }).hasAttribute('disabled')).toBe(
      false,
    );
    expect(screen.queryByRole('form', { name: 'Review imported questions' })).toBeNull();
    expect(onSave).not.toHaveBeenCalled();
  });
});

describe('WebImport review', () => {
  const props = {
    index: createQuestionIndex([]),
    readCurrentPage: () => Promise.resolve(page),
    read,
    onSave: vi.fn(),
    userPackIds: new Set<string>(),
  };

  it('keeps the review and its edits when the view is left and opened again', async () => {
    const first = render(<WebImport {...props} reviews={reviews} />);
    fireEvent.click(screen.getByRole('button', { name: 'Import questions from this page' }));
    fireEvent.change(await screen.findByLabelText('Question 1'), {
      target: { value: 'What is overfitting, and how do you spot it?' },
    });
    fireEvent.click(screen.getByLabelText('Keep question 2'));
    // Another tab of the panel: the view unmounts.
    first.unmount();

    render(<WebImport {...props} reviews={reviews} />);
    expect(screen.getByLabelText<HTMLTextAreaElement>('Question 1').value).toBe(
      'What is overfitting, and how do you spot it?',
    );
    expect(screen.getByLabelText<HTMLInputElement>('Keep question 2').checked).toBe(false);
    expect(screen.getByRole('button', { name: 'Save 1 question' })).toBeTruthy();
  });

  it('asks before Cancel throws away edits, and keeps them on "Keep reviewing"', async () => {
    render(<WebImport {...props} reviews={reviews} />);
    fireEvent.click(screen.getByRole('button', { name: 'Import questions from this page' }));
    fireEvent.change(await screen.findByLabelText('Question 1'), {
      target: { value: 'What is overfitting?\nExplain.' },
    });
    expect(screen.getByLabelText<HTMLTextAreaElement>('Question 1').value).toBe('What is overfitting? Explain.');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('alertdialog', { name: 'Discard the review?' }).textContent).toContain(
      'Discard these 2 questions and your changes?',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Keep reviewing' }));
    expect(screen.getByLabelText<HTMLTextAreaElement>('Question 1').value).toBe('What is overfitting? Explain.');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Discard' }));
    expect(screen.queryByRole('form', { name: 'Review imported questions' })).toBeNull();
    expect(reviews.getState().reviews.page).toBeUndefined();
  });
});
