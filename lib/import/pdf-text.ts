import { ImportFileError } from './import-file-error';
import type { PdfTextRun } from './pdf-layout';

/** The part of pdf.js this reader uses (the legacy build under Node, the modern one in the extension's worker). */
export interface PdfjsLib {
  getDocument(source: {
    data: Uint8Array;
    isEvalSupported: boolean;
    disableFontFace: boolean;
    useSystemFonts: boolean;
    verbosity: number;
  }): {
    promise: Promise<PdfDocument>;
    destroy(): Promise<void>;
  };
}
interface PdfDocument {
  numPages: number;
  getMetadata(): Promise<{ info: unknown }>;
  getPage(number: number): Promise<PdfPage>;
  destroy(): Promise<void>;
}
interface PdfPage {
  getTextContent(): Promise<{ items: unknown[] }>;
  getOperatorList(): Promise<unknown>;
  commonObjs: { has(id: string): boolean; get(id: string): unknown };
  cleanup(): void;
}
interface TextItem {
  str: string;
  transform: number[];
  width: number;
  fontName: string;
}

/** Font names that say bold whatever the family: Arial-BoldMT, Inter-SemiBold, Roboto-Black… */
const BOLD_NAME = /bold|black|heavy|semibold|demi/i;

const isTextItem = (item: unknown): item is TextItem =>
  typeof (item as TextItem).str === 'string' && Array.isArray((item as TextItem).transform);

function isBold(page: PdfPage, fontName: string, cache: Map<string, boolean>): boolean {
  let bold = cache.get(fontName);
  if (bold === undefined) {
    // The operator list has loaded the page's fonts, so their real names and weights are known.
    const font = (page.commonObjs.has(fontName) ? page.commonObjs.get(fontName) : null) as {
      name?: string;
      bold?: boolean;
      black?: boolean;
    } | null;
    bold = Boolean(font && (font.bold || font.black || BOLD_NAME.test(font.name ?? '')));
    cache.set(fontName, bold);
  }
  return bold;
}

/**
 * The text runs of each page of a PDF, with their size and whether their font is bold.
 * A PDF without any text (a scan) or behind a password is refused with a message
 * that says so. A read that runs too long is stopped from outside (the import runner
 * terminates its worker).
 */
export async function readPdfPages(
  bytes: Uint8Array,
  pdfjs: PdfjsLib,
): Promise<{ title: string; pages: PdfTextRun[][] }> {
  // pdf.js takes the bytes over (transfers them to its worker): give it a copy, the caller may read them again.
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  let document: PdfDocument;
  try {
    document = await task.promise;
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'PasswordException')
      throw new ImportFileError(
        'This PDF is protected by a password. Open it, save a copy without the password, and import that.',
      );
    throw new ImportFileError(`This file could not be read as a PDF (${(error as Error).message}).`);
  }
  try {
    const info = ((await document.getMetadata()).info ?? {}) as { Title?: unknown };
    const pages: PdfTextRun[][] = [];
    const boldFonts = new Map<string, boolean>();
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const { items } = await page.getTextContent();
      const runs = items.filter(isTextItem).filter((item) => item.str.trim());
      if (runs.length > 0) await page.getOperatorList();
      pages.push(
        runs.map((item) => ({
          text: item.str,
          x: item.transform[4] ?? 0,
          y: item.transform[5] ?? 0,
          width: item.width,
          size: Math.hypot(item.transform[2] ?? 0, item.transform[3] ?? 0),
          bold: isBold(page, item.fontName, boldFonts),
        })),
      );
      page.cleanup();
    }
    if (pages.every((runs) => runs.length === 0)) {
      throw new ImportFileError(
        'This PDF has no text to read: it looks like a scan or a picture of text. Export it again as text, or run it through OCR, then import it.',
      );
    }
    return { title: typeof info.Title === 'string' ? info.Title : '', pages };
  } finally {
    await document.destroy();
  }
}
