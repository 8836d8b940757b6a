// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PackFileImport } from '@/components/import/PackFileImport';
import { parseMarkdownPack } from '@/lib/knowledge/markdown-pack';
import type { KnowledgePack } from '@/lib/knowledge/schema';
import { createQuestionIndex } from '@/lib/match/question-index';
import { createImportReviewStore, type ImportReviewStore } from '@/lib/import/import-review-store';
import { createImportRunner } from '@/lib/import/import-runner';
import { handleImportRequest } from '@/lib/import/import-worker-host';
import { nodeFileReaders } from '@/lib/import/node-file-readers';
import type { ImportWorkerRequest } from '@/lib/messaging/import-worker-messages';
import { nodeHtmlTools } from '@/lib/page/node-html-tools';

const stored = parseMarkdownPack('# Mine\n\n## What is React?\n- a UI library\n', { id: 'mine' });
const index = createQuestionIndex(stored.entries);
/** The import worker's own logic, run in the test's thread: only the Worker boundary is left out. */
const read = (request: ImportWorkerRequest) =>
  handleImportRequest(request, { tools: nodeHtmlTools(), readers: nodeFileReaders() });
const common = { index, read, userPackIds: new Set(['p', 'mine']) };
const LABEL = 'Import a file: PDF, Word, Markdown, text or a pack';

afterEach(cleanup);
let reviews: ImportReviewStore;
beforeEach(() => {
  reviews = createImportReviewStore();
});

describe('PackFileImport', () => {
  it('refuses a file over the size limit without reading it', async () => {
    const onImport = vi.fn();
    render(
      <PackFileImport
        {...common}
        reviews={reviews}
        onUpdatePack={vi.fn()}
        onImport={onImport}
        onSaveImported={vi.fn()}
      />,
    );
    const huge = new File(['x'], 'huge.md');
    Object.defineProperty(huge, 'size', { value: 50 * 1024 * 1024 });
    const text = vi.spyOn(huge, 'text');
    fireEvent.change(screen.getByLabelText(LABEL), { target: { files: [huge] } });

    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toMatch(
        /huge\.md: the file is larger than 20 MB.*Nothing was changed/,
      ),
    );
    expect(text).not.toHaveBeenCalled();
    expect(onImport).not.toHaveBeenCalled();
  });

  it('says how many questions a good file brought in', async () => {
    const onImport = vi.fn(() => ({ ok: true as const, pack: { id: 'p', title: 'P', entries: [] } }));
    render(
      <PackFileImport
        {...common}
        reviews={reviews}
        onUpdatePack={vi.fn()}
        onImport={onImport}
        onSaveImported={vi.fn()}
      />,
    );
    fireEvent.change(screen.getByLabelText(LABEL), { target: { files: [new File(['## Q?\n- a'], 'mine.md')] } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Imported 0 questions from mine.md.'));
    expect(onImport).toHaveBeenCalledWith('mine.md', '## Q?\n- a');
  });

  it('drops its "Imported …" line once that pack is removed', async () => {
    const onImport = vi.fn(() => ({ ok: true as const, pack: { id: 'p', title: 'P', entries: [] } }));
    const { rerender } = render(
      <PackFileImport
        {...common}
        reviews={reviews}
        onUpdatePack={vi.fn()}
        onImport={onImport}
        onSaveImported={vi.fn()}
      />,
    );
    fireEvent.change(screen.getByLabelText(LABEL), { target: { files: [new File(['## Q?\n- a'], 'mine.md')] } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Imported 0 questions from mine.md.'));
    rerender(
      <PackFileImport
        {...common}
        reviews={reviews}
        onUpdatePack={vi.fn()}
        userPackIds={new Set(['mine'])}
        onImport={onImport}
        onSaveImported={vi.fn()}
      />,
    );
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('sends a README question list through the review list: repeats unticked, filter, select none, save only the ticked', async () => {
    const onImport = vi.fn();
    const onSaveImported = vi.fn((pack: KnowledgePack) => ({ ...pack, id: 'mine' }));
    render(
      <PackFileImport
        {...common}
        reviews={reviews}
        onUpdatePack={vi.fn()}
        onImport={onImport}
        onSaveImported={onSaveImported}
      />,
    );
    const readme = [
      '# React questions',
      '',
      '### 1. What is React?',
      'A library for UIs.',
      '',
      '### 2. What is JSX?',
      'A syntax extension.',
      '',
      '### 3. What are hooks?',
      '',
      '- Functions that use state.',
    ].join('\n');
    fireEvent.change(screen.getByLabelText(LABEL), { target: { files: [new File([readme], 'README.md')] } });

    const review = await screen.findByRole('form', { name: 'Review imported questions' });
    expect(review.textContent).toMatch(/3 found in “README\.md”, 1 already in your knowledge base \(unticked\)/);
    expect(screen.getByLabelText<HTMLInputElement>('Keep question 1').checked).toBe(false);
    expect(screen.getByLabelText<HTMLInputElement>('Question 3').value).toBe('What are hooks?');

    fireEvent.change(screen.getByLabelText('Filter found questions'), { target: { value: 'jsx' } });
    await waitFor(() => expect(screen.queryByLabelText('Question 3')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Select none of shown' }));
    fireEvent.change(screen.getByLabelText('Filter found questions'), { target: { value: '' } });
    await waitFor(() => expect(screen.getByLabelText('Question 3')).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Save 1 question' }));

    expect(onImport).not.toHaveBeenCalled();
    const saved = onSaveImported.mock.calls[0]![0];
    expect(saved.entries.map((entry) => [entry.question, entry.outline.keyPoints])).toEqual([
      ['What are hooks?', ['Functions that use state.']],
    ]);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Imported 1 question from README.md.'));
  });

  it('offers Update / Keep both / Cancel for a copy of an installed pack, saying what would change', async () => {
    const copy = { packId: 'mine', title: 'Mine', added: 1, changed: 2, removed: 0, same: 5 };
    const onImport = vi.fn(() => ({ ok: 'copy' as const, pack: stored, copy }));
    const onUpdatePack = vi.fn((packId: string, pack: KnowledgePack) => ({ ...pack, id: packId }));
    const onSaveImported = vi.fn((pack: KnowledgePack) => ({ ...pack, id: 'mine-2' }));
    const pick = () =>
      fireEvent.change(screen.getByLabelText(LABEL), { target: { files: [new File(['## Q?\n- a'], 'mine.md')] } });
    render(
      <PackFileImport
        {...common}
        userPackIds={new Set(['mine', 'mine-2'])}
        reviews={reviews}
        onImport={onImport}
        onSaveImported={onSaveImported}
        onUpdatePack={onUpdatePack}
      />,
    );

    pick();
    const ask = await screen.findByRole('alertdialog', { name: 'Pack already installed' });
    expect(ask.textContent).toContain('“Mine” is already installed');
    expect(ask.textContent).toContain('1 new, 2 changed, 0 removed; 5 the same');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(onUpdatePack).not.toHaveBeenCalled();
    expect(onSaveImported).not.toHaveBeenCalled();

    pick();
    fireEvent.click(await screen.findByRole('button', { name: 'Update it' }));
    expect(onUpdatePack).toHaveBeenCalledWith('mine', stored);
    expect(screen.getByRole('status').textContent).toBe(
      'Updated “Mine” from mine.md: 1 new, 2 changed, 0 removed; 5 the same.',
    );

    pick();
    fireEvent.click(await screen.findByRole('button', { name: 'Keep both' }));
    expect(onSaveImported).toHaveBeenCalledWith(stored);
    expect(screen.getByRole('status').textContent).toBe('Imported 1 question from mine.md as a second pack.');
  });

  it('reads a PDF’s questions into the same review list, saying it is reading meanwhile', async () => {
    const onImport = vi.fn();
    render(
      <PackFileImport
        {...common}
        reviews={reviews}
        onUpdatePack={vi.fn()}
        onImport={onImport}
        onSaveImported={vi.fn()}
      />,
    );
    const pdf = new File([readFileSync('tests/fixtures/import-files/notes.pdf')], 'notes.pdf', {
      type: 'application/pdf',
    });
    fireEvent.change(screen.getByLabelText(LABEL), { target: { files: [pdf] } });
    expect(screen.getByRole('status').textContent).toBe('Reading notes.pdf…');
    expect(screen.getByLabelText<HTMLInputElement>(LABEL).disabled).toBe(true);

    const review = await screen.findByRole('form', { name: 'Review imported questions' }, { timeout: 20_000 });
    expect(review.textContent).toMatch(/4 found in “notes\.pdf”/);
    expect(screen.getByLabelText<HTMLInputElement>('Question 4').value).toBe('What is a CDN?');
    expect(onImport).not.toHaveBeenCalled();
  }, 30_000);

  it('says why a scanned PDF gives nothing, and imports nothing', async () => {
    const onImport = vi.fn();
    render(
      <PackFileImport
        {...common}
        reviews={reviews}
        onUpdatePack={vi.fn()}
        onImport={onImport}
        onSaveImported={vi.fn()}
      />,
    );
    fireEvent.change(screen.getByLabelText(LABEL), {
      target: { files: [new File([readFileSync('tests/fixtures/import-files/scanned.pdf')], 'scan.pdf')] },
    });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^This PDF has no text to read/), {
      timeout: 20_000,
    });
    expect(onImport).not.toHaveBeenCalled();
  }, 30_000);

  it('stops a file that takes longer than the budget: a clear message, no review list, nothing saved', async () => {
    const onImport = vi.fn();
    const onSaveImported = vi.fn();
    const silent = { postMessage() {}, terminate: vi.fn(), onmessage: null, onerror: null };
    const runner = createImportRunner({ startWorker: () => silent, budgetMs: 1_000 });
    render(
      <PackFileImport
        {...common}
        reviews={reviews}
        onUpdatePack={vi.fn()}
        read={runner.read}
        onImport={onImport}
        onSaveImported={onSaveImported}
      />,
    );
    fireEvent.change(screen.getByLabelText(LABEL), { target: { files: [new File(['%PDF-1.7'], 'huge-guide.pdf')] } });

    await waitFor(
      () =>
        expect(screen.getByRole('alert').textContent).toMatch(
          /^“huge-guide\.pdf” is too large to read in 1 s — nothing was imported/,
        ),
      { timeout: 5_000 },
    );
    expect(silent.terminate).toHaveBeenCalled();
    expect(screen.queryByRole('form', { name: 'Review imported questions' })).toBeNull();
    expect(screen.getByLabelText<HTMLInputElement>(LABEL).disabled).toBe(false);
    expect([onImport, onSaveImported].map((mock) => mock.mock.calls.length)).toEqual([0, 0]);
  });

  it('names the files it reads when given one it does not', async () => {
    const read = vi.fn();
    render(
      <PackFileImport
        {...common}
        reviews={reviews}
        onUpdatePack={vi.fn()}
        read={read}
        onImport={vi.fn()}
        onSaveImported={vi.fn()}
      />,
    );
    fireEvent.change(screen.getByLabelText(LABEL), { target: { files: [new File(['x'], 'deck.pptx')] } });
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain(
        'Cuecard cannot read "deck.pptx": import a .docx, .pdf, .md, .txt, .html or .json file.',
      ),
    );
    expect(read).not.toHaveBeenCalled();
  });
});
