import { extractQuestions, type PageExtraction } from '../page/extract-questions';
import type { HtmlTools } from '../page/html-tools';
import { markdownQuestionList, markdownToHtml, PACK_LINE } from '../page/markdown-page';
import { docxToHtml } from './docx-html';
import { ImportFileError } from './import-file-error';
import { pdfPagesToHtml } from './pdf-layout';
import { readPdfPages, type PdfjsLib } from './pdf-text';
import { plainTextToHtml } from './text-html';

export type ImportFileKind = 'docx' | 'pdf' | 'html' | 'markdown' | 'text' | 'pack-json';

/** Largest Word or PDF file read (a 300-page guide with pictures is tens of MB). */
export const MAX_DOCUMENT_BYTES = 60 * 1024 * 1024;

/** The files import reads, for a file picker's `accept`. */
export const IMPORT_FILE_ACCEPT = '.md,.markdown,.txt,.json,.html,.htm,.docx,.pdf';

/** What a file is, by its name; null for a kind import does not read. */
export function importFileKind(fileName: string): ImportFileKind | null {
  const extension = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  switch (extension) {
    case 'docx':
      return 'docx';
    case 'pdf':
      return 'pdf';
    case 'html':
    case 'htm':
      return 'html';
    case 'md':
    case 'markdown':
      return 'markdown';
    case 'txt':
      return 'text';
    case 'json':
      return 'pack-json';
    default:
      return null;
  }
}

export interface FileReaders {
  /** pdf.js, loaded only when a PDF comes (it is large). */
  pdfjs(): Promise<PdfjsLib>;
}

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const titleFromName = (fileName: string) => fileName.replace(/\.[a-z]+$/i, '');

/** A file as the HTML the page extraction reads (any kind but a JSON pack). */
export async function importFileHtml(fileName: string, bytes: Uint8Array, readers: FileReaders): Promise<string> {
  switch (importFileKind(fileName)) {
    case 'docx':
      return docxToHtml(bytes);
    case 'pdf': {
      const { title, pages } = await readPdfPages(bytes, await readers.pdfjs());
      return pdfPagesToHtml(pages, title);
    }
    case 'html':
      return decode(bytes);
    case 'markdown':
      return markdownToHtml(decode(bytes));
    case 'text':
      return plainTextToHtml(decode(bytes));
    default:
      throw new ImportFileError(
        `Cuecard cannot read "${fileName}": import a .docx, .pdf, .md, .txt, .html or .json file.`,
      );
  }
}

/**
 * The questions a file holds, read as a page, or null when the file is a Cuecard pack
 * (the pack import reads it). A Markdown or text file is a pack when it uses the pack's
 * own lines or its extraction finds nothing; Word, PDF and HTML files are always pages.
 */
export async function extractFileQuestions(
  fileName: string,
  bytes: Uint8Array,
  tools: HtmlTools,
  readers: FileReaders,
): Promise<PageExtraction | null> {
  const kind = importFileKind(fileName);
  if (kind === 'pack-json') return null;
  if (kind === 'markdown') return markdownQuestionList(decode(bytes), fileName, tools);
  if (kind === 'text') {
    const text = decode(bytes);
    if (PACK_LINE.test(text)) return null;
    const extraction = extractQuestions(tools.parseHtml(plainTextToHtml(text)), tools);
    return extraction.questions.length > 0
      ? { ...extraction, title: extraction.title || titleFromName(fileName) }
      : null;
  }
  const extraction = extractQuestions(tools.parseHtml(await importFileHtml(fileName, bytes, readers)), tools);
  return { ...extraction, title: extraction.title || titleFromName(fileName) };
}
