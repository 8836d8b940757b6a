import { describe, expect, it } from 'vitest';
import { pdfPagesToHtml, type PdfTextRun } from '@/lib/import/pdf-layout';

/** A line of text at a height on the page, 11 pt unless told, 6 pt per character wide. */
const run = (text: string, y: number, options: Partial<PdfTextRun> = {}): PdfTextRun => ({
  text,
  x: 72,
  y,
  width: text.length * 6,
  size: 11,
  bold: false,
  ...options,
});
const bodyOf = (html: string) => /<article>(.*)<\/article>/s.exec(html)?.[1];

describe('pdfPagesToHtml', () => {
  it('makes bold body lines <strong> paragraphs and larger lines headings, the one largest line the title', () => {
    const page = [
      run('Interview notes', 760, { size: 24, bold: true }),
      run('Databases', 720, { size: 16 }),
      run('What is an index?', 690, { bold: true }),
      run('A sorted structure over columns.', 676),
      run('Caching', 640, { size: 16 }),
      run('When does a cache hurt?', 610, { bold: true }),
      run('When its data goes stale.', 596),
    ];
    expect(bodyOf(pdfPagesToHtml([page], 'Notes'))).toBe(
      '<h1>Interview notes</h1><h2>Databases</h2><p><strong>What is an index?</strong></p><p>A sorted structure over columns.</p><h2>Caching</h2><p><strong>When does a cache hurt?</strong></p><p>When its data goes stale.</p>',
    );
  });

  it('joins wrapped lines into one paragraph, and starts a new one after a wider gap', () => {
    const page = [
      run('Why would a server need the third packet', 700, { bold: true }),
      run('of the handshake?', 686, { bold: true }),
      run('It proves the client got the', 670),
      run('server sequence number.', 656),
      run('A second paragraph after a blank line.', 620),
    ];
    expect(bodyOf(pdfPagesToHtml([page]))).toBe(
      '<p><strong>Why would a server need the third packet of the handshake?</strong></p><p>It proves the client got the server sequence number.</p><p>A second paragraph after a blank line.</p>',
    );
  });

  it('reads runs on one baseline left to right, with a space where pdf.js left a gap', () => {
    const page = [
      run('second', 700, { x: 150, width: 36 }),
      run('First', 700.4, { x: 72, width: 30 }),
      run('half.', 700, { x: 190, width: 25 }),
    ];
    expect(bodyOf(pdfPagesToHtml([page]))).toBe('<p>First second half.</p>');
  });

  it('takes a line as bold when most of its letters are, so one bold word in a sentence stays body text', () => {
    const page = [
      run('Use an ', 700, { width: 40 }),
      run('index', 700, { x: 112, width: 30, bold: true }),
      run(' for lookups by key.', 700, { x: 142, width: 110 }),
    ];
    expect(bodyOf(pdfPagesToHtml([page]))).toBe('<p>Use an index for lookups by key.</p>');
  });

  it('turns bullet lines into list items, each its own item', () => {
    const page = [
      run('Explain TCP and UDP.', 700, { bold: true }),
      run('• TCP: reliable, ordered', 684),
      run('• UDP: datagrams, no retries', 670),
    ];
    expect(bodyOf(pdfPagesToHtml([page]))).toBe(
      '<p><strong>Explain TCP and UDP.</strong></p><ul><li>TCP: reliable, ordered</li><li>UDP: datagrams, no retries</li></ul>',
    );
  });

  it('leaves out headers, footers and page numbers, and does not join paragraphs across pages', () => {
    const pages = [1, 2, 3].map((number) => [
      run('Study guide · draft', 800, { size: 9 }),
      run(`Question ${number}: what is it?`, 700, { bold: true }),
      run(`Answer ${number}.`, 686),
      run(`${number}`, 30, { size: 9 }),
    ]);
    expect(bodyOf(pdfPagesToHtml(pages))).toBe(
      '<p><strong>Question 1: what is it?</strong></p><p>Answer 1.</p><p><strong>Question 2: what is it?</strong></p><p>Answer 2.</p><p><strong>Question 3: what is it?</strong></p><p>Answer 3.</p>',
    );
  });

  it('escapes text, so a PDF cannot inject markup', () => {
    expect(bodyOf(pdfPagesToHtml([[run('<img src=x onerror=alert(1)> & more', 700)]], '<b>'))).toBe(
      '<p>&lt;img src=x onerror=alert(1)&gt; &amp; more</p>',
    );
  });
});
