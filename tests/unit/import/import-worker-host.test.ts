import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { handleImportRequest } from '@/lib/import/import-worker-host';
import { nodeFileReaders } from '@/lib/import/node-file-readers';
import { workerHtmlTools } from '@/lib/page/worker-html-tools';

const deps = { tools: workerHtmlTools(), readers: nodeFileReaders() };
const file = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/import-files/${name}`));

describe('handleImportRequest', () => {
  it('finds a page’s questions with the worker’s DOM', async () => {
    const html =
      '<!doctype html><html><head><title>Prep</title></head><body><article><h2>What is a closure?</h2><p>A function with the variables it was made with.</p><h2>What is hoisting?</h2><p>Declarations move to the top of their scope.</p></article></body></html>';
    expect(await handleImportRequest({ type: 'page', html, url: 'https://example.com/' }, deps)).toEqual({
      status: 'done',
      title: 'Prep',
      questions: [
        { question: 'What is a closure?', outline: ['A function with the variables it was made with.'] },
        { question: 'What is hoisting?', outline: ['Declarations move to the top of their scope.'] },
      ],
    });
  });

  it('reads a PDF file, and says a pack is a pack', async () => {
    const pdf = await handleImportRequest({ type: 'file', name: 'notes.pdf', bytes: file('notes.pdf') }, deps);
    expect(pdf).toMatchObject({ status: 'done', title: 'notes.pdf' });
    expect(pdf.status === 'done' && pdf.questions.length).toBe(4);
    const pack = new TextEncoder().encode('# Mine\n\n## What is React?\ncategory: frontend\n- a UI library\n');
    expect(await handleImportRequest({ type: 'file', name: 'mine.md', bytes: pack }, deps)).toEqual({ status: 'pack' });
  });

  it('answers a file it cannot read with the reader’s message', async () => {
    expect(await handleImportRequest({ type: 'file', name: 'scan.pdf', bytes: file('scanned.pdf') }, deps)).toEqual({
      status: 'error',
      message: expect.stringMatching(/^This PDF has no text to read/),
    });
  });

  it('answers a malformed request instead of throwing', async () => {
    expect(await handleImportRequest({ type: 'file', name: 'x.pdf', bytes: 'not bytes' }, deps)).toMatchObject({
      status: 'error',
    });
  });
});
