/** pdf.js's worker as Vite's `?worker` import: a constructor for a worker whose code ships inside the extension. */
declare module 'pdfjs-dist/build/pdf.worker.mjs?worker' {
  const PdfjsWorker: new () => Worker;
  export default PdfjsWorker;
}
