// The import worker: finds the questions of a page or a file off the panel's thread. What to do
// with a request is lib/import/import-worker-host; this file wires the DOM and pdf.js it runs on.
import PdfjsWorker from 'pdfjs-dist/build/pdf.worker.mjs?worker';
import { handleImportRequest } from '@/lib/import/import-worker-host';
import type { PdfjsLib } from '@/lib/import/pdf-text';
import { workerHtmlTools } from '@/lib/page/worker-html-tools';

const tools = workerHtmlTools();
const readers = {
  async pdfjs() {
    const pdfjs = await import('pdfjs-dist');
    // pdf.js parses in a worker of its own, started from this one: its code ships inside the
    // extension (never fetched). It cannot share this worker, whose messages it would take over.
    pdfjs.GlobalWorkerOptions.workerPort ??= new PdfjsWorker();
    return pdfjs as unknown as PdfjsLib;
  },
};

self.onmessage = (event: MessageEvent) => {
  void handleImportRequest(event.data, { tools, readers }).then((reply) => self.postMessage(reply));
};
