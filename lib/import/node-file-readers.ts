import type { FileReaders } from './import-file';

/** File readers under Node (the import command, evaluations, tests): pdf.js's legacy build, which runs without a browser. */
export function nodeFileReaders(): FileReaders {
  return { pdfjs: () => import('pdfjs-dist/legacy/build/pdf.mjs') };
}
