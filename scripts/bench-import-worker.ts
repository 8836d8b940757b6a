// bench:import's copy of the panel's import worker (entrypoints/sidepanel/import.worker.ts), bundled
// as one classic script so a plain Chromium page can start it from a blob: URL. It answers each
// request with the time the worker took and how many questions it found.
import PdfjsWorker from 'pdfjs-dist/build/pdf.worker.mjs?worker';
import * as pdfjs from 'pdfjs-dist';
import { handleImportRequest } from '../lib/import/import-worker-host';
import type { PdfjsLib } from '../lib/import/pdf-text';
import { workerHtmlTools } from '../lib/page/worker-html-tools';

pdfjs.GlobalWorkerOptions.workerPort = new PdfjsWorker();
const tools = workerHtmlTools();
const readers = { pdfjs: async () => pdfjs as unknown as PdfjsLib };

self.onmessage = async (event: MessageEvent) => {
  const started = performance.now();
  const reply = await handleImportRequest(event.data, { tools, readers });
  self.postMessage({ ms: performance.now() - started, found: reply.status === 'done' ? reply.questions.length : 0, error: reply.status === 'error' ? reply.message : undefined });
};
