import type { FileReaders } from './import-file';
import type { PdfjsLib } from './pdf-text';

/** File readers under Node (the import command, evaluations, tests): pdf.js's legacy build, which runs without a browser. */
export function nodeFileReaders(): FileReaders {
  return { pdfjs: async () => (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfjsLib };
}
