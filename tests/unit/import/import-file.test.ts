import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFileQuestions, importFileHtml, importFileKind } from '@/lib/import/import-file';
import { nodeFileReaders } from '@/lib/import/node-file-readers';
import { nodeHtmlTools } from '@/lib/page/node-html-tools';

// Files made by scripts/fixtures/make-import-test-files.py; the PDF reader is tuned on these alone.
const file = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/import-files/${name}`));
const readers = nodeFileReaders();
const tools = nodeHtmlTools();

describe('importFileKind', () => {
  it.each([
    ['notes.DOCX', 'docx'],
    ['guide.pdf', 'pdf'],
    ['page.htm', 'html'],
    ['README.markdown', 'markdown'],
    ['notes.txt', 'text'],
    ['pack.json', 'pack-json'],
    ['slides.pptx', null],
    ['no-extension', null],
  ])('%s is %s', (name, expected) => {
    expect(importFileKind(name)).toBe(expected);
  });
});

describe('reading a PDF', () => {
  it('finds its bold questions with the answers under them, across pages, without its footer', async () => {
    const extraction = await extractFileQuestions('notes.pdf', file('notes.pdf'), tools, readers);
    expect(extraction?.questions.map(({ question, outline }) => [question, outline[0]])).toEqual([
      ['How does DNS resolve a name?', expect.stringMatching(/^The resolver asks a root server/)],
      [
        'What happens in a TCP three-way handshake, and why does the server need the third packet before it sends any application data at all?',
        expect.stringMatching(/^SYN, SYN-ACK, ACK/),
      ],
      ['Explain the difference between TCP and UDP.', 'TCP: ordered, reliable, connection set up first'],
      ['What is a CDN?', expect.stringMatching(/^Servers near the users/)],
    ]);
    expect(JSON.stringify(extraction)).not.toContain('Study notes');
  });

  it('reads the same bytes twice (pdf.js takes over the buffer it is given)', async () => {
    const bytes = file('notes.pdf');
    const first = await importFileHtml('notes.pdf', bytes, readers);
    expect(await importFileHtml('notes.pdf', bytes, readers)).toBe(first);
  });

  it('says a scanned PDF has no text, rather than finding no questions', async () => {
    await expect(importFileHtml('scan.pdf', file('scanned.pdf'), readers)).rejects.toThrow(
      /no text to read: it looks like a scan/,
    );
  });

  it('says a file that is not a PDF cannot be read as one', async () => {
    await expect(
      importFileHtml('fake.pdf', new TextEncoder().encode('<html>not a pdf</html>'), readers),
    ).rejects.toMatchObject({ name: 'ImportFileError', message: /could not be read as a PDF/ });
  });
});

describe('reading a Word file', () => {
  it('turns Heading styles, bold paragraphs and bullet lists into the HTML the extraction reads', async () => {
    const html = await importFileHtml('notes.docx', file('notes.docx'), readers);
    expect(html).toContain('<h3>What is an index?</h3><p>A sorted structure');
    expect(html).toContain('<p><strong>When would you denormalise a table?</strong></p><p>When reads dominate');
    expect(html).toContain('<ul><li>Read committed: no dirty reads</li>');
  });

  it('says a broken file cannot be read as a Word document', async () => {
    await expect(importFileHtml('broken.docx', new Uint8Array([1, 2, 3]), readers)).rejects.toMatchObject({
      name: 'ImportFileError',
      message: /could not be read as a Word document/,
    });
  });
});

describe('plain text and packs', () => {
  it('reads a text file line by line: a question on its own line stays apart from the answer under it', async () => {
    const text =
      'What is a socket?\r\nAn endpoint for sending & receiving data.\n\n  What is a port?\nA number that picks the process.\n';
    expect(await importFileHtml('notes.txt', new TextEncoder().encode(text), readers)).toContain(
      '<article><p>What is a socket?</p><p>An endpoint for sending &amp; receiving data.</p><p>What is a port?</p><p>A number that picks the process.</p></article>',
    );
  });

  it('leaves a Cuecard pack, Markdown, text or JSON, to the pack import', async () => {
    const pack = '# Mine\n\n## What is React?\ncategory: frontend\n- a UI library\n';
    expect(await extractFileQuestions('mine.md', new TextEncoder().encode(pack), tools, readers)).toBeNull();
    expect(await extractFileQuestions('mine.txt', new TextEncoder().encode(pack), tools, readers)).toBeNull();
    expect(await extractFileQuestions('mine.json', new TextEncoder().encode('{}'), tools, readers)).toBeNull();
  });

  it('names the files it reads when given one it does not', async () => {
    await expect(importFileHtml('deck.pptx', new Uint8Array(), readers)).rejects.toThrow(
      'import a .docx, .pdf, .md, .txt, .html or .json file',
    );
  });
});
