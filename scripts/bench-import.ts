/**
 * Import speed: the extraction and the review list's repeat check for a long real page
 * (166 questions), a 200-question page made from the shipped pack's questions, a 5 MB
 * page, and a 100-page text PDF (500 questions). First under Node (jsdom; the PDF through
 * pdf.js's legacy build), then (when Chromium is installed) the panel's own code path:
 * the shipped import worker of the release build (npm run build first), started from the
 * extension's own panel page in headless Chromium, timed from the request to the answer;
 * beside it, for reference, DOMParser + extraction on a page's own thread.
 * `npm run bench:import [-- --rounds 5]`
 */
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cpus, tmpdir } from 'node:os';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { importFileHtml } from '../lib/import/import-file';
import { nodeFileReaders } from '../lib/import/node-file-readers';
import { extractQuestions } from '../lib/page/extract-questions';
import { reviewItems } from '../lib/page/imported-pack';
import { readRenderedPage } from '../lib/page/read-rendered-page';
import { nodeHtmlTools } from '../lib/page/node-html-tools';
import { createPackIndex } from '../lib/match/question-index';
import { loadKnowledge, percentile, round, runCli } from './cli-support';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The main-thread reference (scripts/bench-import-main-thread.ts) as one classic script. */
async function mainThreadBundle(): Promise<string> {
  const output = await build({
    logLevel: 'silent',
    configFile: false,
    build: {
      write: false,
      minify: false,
      lib: { entry: 'scripts/bench-import-main-thread.ts', formats: ['iife'], name: 'CuecardMainThread' },
    },
  });
  const [result] = Array.isArray(output) ? output : [output];
  const chunk = (result as { output: Array<{ type: string; code?: string }> }).output.find(
    (item) => item.type === 'chunk',
  );
  return chunk!.code!;
}

type BenchInput = { name: string; html: string } | { name: string; pdf: Uint8Array };

const EXTENSION_DIR = resolve('.output/chrome-mv3');

async function inChromium(inputs: readonly BenchInput[], rounds: number): Promise<void> {
  const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((path) => path && existsSync(path));
  if (!executablePath) {
    console.log('Chromium not found (apt-get install -y chromium): browser figures skipped');
    return;
  }
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>bench</title>');
    await page.addScriptTag({ content: await mainThreadBundle() });
    console.log(
      `\nin Chromium ${browser.version()}, for reference: DOMParser + extraction on a page's own thread (before the worker):`,
    );
    for (const input of inputs) {
      if (!('html' in input) || input.html.length > 1024 * 1024) continue;
      const times = await page.evaluate(
        ({ html, rounds: count }) => {
          const api = (globalThis as unknown as { CuecardMainThread: { extractOnMainThread(html: string): number } })
            .CuecardMainThread;
          const measured: number[] = [];
          for (let i = 0; i < count + 1; i++) {
            const started = performance.now();
            api.extractOnMainThread(html);
            if (i > 0) measured.push(performance.now() - started);
          }
          return measured;
        },
        { html: input.html, rounds },
      );
      console.log(
        `${input.name}: p50 ${round(
          percentile(
            [...times].sort((a, b) => a - b),
            0.5,
          ),
          1,
        )} ms`,
      );
      // The tab's side: the page rendered, then read with its computed style as chrome.scripting runs it (the function's source alone).
      const tab = await browser.newPage();
      await tab.setContent(input.html);
      // tsx keeps function names with a __name helper the tab does not have; the extension's build does not add it.
      const reading = await tab.evaluate<{ times: number[]; size: number }>(
        `(() => { const __name = (target) => target; const times = []; let size = 0; for (let i = 0; i < ${rounds + 1}; i++) { const started = performance.now(); size = (${readRenderedPage.toString()})(document).html.length; if (i > 0) times.push(performance.now() - started); } return { times, size }; })()`,
      );
      await tab.close();
      const read = [...reading.times].sort((a, b) => a - b);
      console.log(
        `  rendered reading in the tab: p50 ${round(percentile(read, 0.5), 1)} ms, max ${round(Math.max(...read), 1)} ms (${Math.round(reading.size / 1024)} KB sent)`,
      );
    }
  } finally {
    await browser.close();
  }
  await inExtension(executablePath, inputs, rounds);
}

/** The shipped import worker, started from the built extension's own panel page (its CSP, its bundled pdf.js worker), timed from request to answer. */
async function inExtension(executablePath: string, inputs: readonly BenchInput[], rounds: number): Promise<void> {
  const workerFile = existsSync(join(EXTENSION_DIR, 'assets'))
    ? readdirSync(join(EXTENSION_DIR, 'assets')).find((name) => /^import\.worker-.*\.js$/.test(name))
    : undefined;
  if (!workerFile) {
    console.log(
      '\nno release build with an import worker in .output/chrome-mv3 (npm run build): extension figures skipped',
    );
    return;
  }
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'cuecard-bench-')), {
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
    ],
  });
  try {
    const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const page = await context.newPage();
    await page.goto(`chrome-extension://${new URL(serviceWorker.url()).host}/sidepanel.html`);
    console.log(
      `\nin the built extension (assets/${workerFile}: linkedom + extraction, pdf.js in its nested worker; request → answer):`,
    );
    for (const input of inputs) {
      const request =
        'html' in input
          ? { type: 'page', html: input.html, url: 'https://example.com/' }
          : { type: 'file', name: 'bench.pdf', bytes: [...input.pdf] };
      // No named helpers in here: tsx would wrap them in a __name() the page does not have.
      const timings = await page.evaluate(
        async ({ request: sent, rounds: count, file }) => {
          const times: number[] = [];
          let found = 0;
          let error: string | undefined;
          // One worker kept across reads, as the panel's runner keeps it: the first read pays its start.
          const worker = new Worker(`/assets/${file}`, { type: 'module' });
          for (let i = 0; i < count + 1; i++) {
            const message = sent.type === 'file' ? { ...sent, bytes: new Uint8Array(sent.bytes as number[]) } : sent;
            const started = performance.now();
            const answer = await new Promise<{ status: string; questions?: unknown[]; message?: string }>((resolve) => {
              worker.onmessage = (event: MessageEvent<{ status: string; questions?: unknown[]; message?: string }>) =>
                resolve(event.data);
              worker.onerror = (event) => resolve({ status: 'error', message: event.message });
              worker.postMessage(message);
            });
            found = answer.questions?.length ?? 0;
            error = answer.message;
            times.push(performance.now() - started);
          }
          worker.terminate();
          return { times, found, error };
        },
        { request, rounds, file: workerFile },
      );
      const [first, ...warm] = timings.times;
      const sorted = warm.sort((a, b) => a - b);
      console.log(
        `${input.name}: ${timings.found} found${timings.error ? ` (${timings.error})` : ''}; first read (worker start included) ${round(first!, 1)} ms; then p50 ${round(percentile(sorted, 0.5), 1)} ms, max ${round(Math.max(...sorted), 1)} ms`,
      );
    }
  } finally {
    await context.close();
  }
}

runCli(async () => {
  const { values } = parseArgs({ options: { rounds: { type: 'string', default: '5' } } });
  const rounds = Math.max(1, Number(values.rounds));
  const packs = loadKnowledge(undefined);
  const index = createPackIndex(packs);
  const entries = packs.flatMap((pack) => pack.entries);
  // 200 questions in a blog layout: numbered h3 headings, a paragraph and a list under each.
  const questions = Array.from({ length: 200 }, (_, i) => entries[i % entries.length]!);
  const synthetic = `<!doctype html><html><head><title>200 questions</title></head><body><nav><a href="/">Home</a></nav><article><h1>200 questions</h1>${questions
    .map(
      (entry, i) =>
        `<h3>${i + 1}. ${escape(entry.question)}${i >= entries.length ? ` (part ${Math.floor(i / entries.length) + 1})` : ''}</h3><p>${escape(entry.outline.keyPoints[0] ?? '')}</p><ul>${entry.outline.keyPoints
          .slice(1)
          .map((point) => `<li>${escape(point)}</li>`)
          .join('')}</ul>`,
    )
    .join('\n')}</article><footer>© bench</footer></body></html>`;
  const readme = readFileSync('tests/fixtures/pages/github-bold-questions-emoji.html', 'utf8');
  // A 5 MB page: the real README's article repeated, as a very long single-page guide.
  const article = /<article[\s\S]*<\/article>/.exec(readme)?.[0] ?? readme;
  const huge = `<!doctype html><html><head><title>5 MB page</title></head><body>${article.repeat(Math.ceil((5 * 1024 * 1024) / article.length))}</body></html>`;
  const pages = [
    { name: 'github-bold-questions-emoji.html (real, 166 questions)', html: readme },
    { name: 'synthetic blog page (200 questions)', html: synthetic },
  ];
  const tools = nodeHtmlTools();
  console.log(
    `bench:import — ${rounds} rounds, Node ${process.version}, ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}`,
  );
  for (const page of pages) {
    const extractMs: number[] = [];
    const reviewMs: number[] = [];
    let found = 0;
    for (let round_ = 0; round_ < rounds + 1; round_++) {
      const document = tools.parsePage(page.html);
      const started = performance.now();
      const { questions: extracted } = extractQuestions(document, tools);
      const extracted_at = performance.now();
      reviewItems(extracted, index);
      const reviewed_at = performance.now();
      found = extracted.length;
      if (round_ === 0) continue; // warm-up
      extractMs.push(extracted_at - started);
      reviewMs.push(reviewed_at - extracted_at);
    }
    const sorted = (values_: number[]) => [...values_].sort((a, b) => a - b);
    console.log(
      `${page.name}: ${found} found; jsdom extract p50 ${round(percentile(sorted(extractMs), 0.5), 1)} ms, max ${round(Math.max(...extractMs), 1)} ms; repeat check p50 ${round(percentile(sorted(reviewMs), 0.5), 1)} ms; total p50 ${round(percentile(sorted(extractMs.map((value, i) => value + reviewMs[i]!)), 0.5), 1)} ms`,
    );
  }
  const pdf = new Uint8Array(readFileSync('tests/fixtures/import-files/bench-100-pages.pdf'));
  const pdfMs: number[] = [];
  let pdfFound = 0;
  for (let round_ = 0; round_ < Math.min(rounds, 3) + 1; round_++) {
    const started = performance.now();
    const html = await importFileHtml('bench.pdf', pdf, nodeFileReaders());
    pdfFound = extractQuestions(tools.parsePage(html), tools).questions.length;
    if (round_ > 0) pdfMs.push(performance.now() - started);
  }
  console.log(
    `100-page text PDF (bench-100-pages.pdf): ${pdfFound} found; pdf.js legacy + jsdom extract p50 ${round(
      percentile(
        [...pdfMs].sort((a, b) => a - b),
        0.5,
      ),
      1,
    )} ms`,
  );
  await inChromium(
    [
      ...pages,
      { name: `5 MB page (${round(huge.length / 1024 / 1024, 1)} MB)`, html: huge },
      { name: '100-page text PDF (500 questions)', pdf },
    ],
    rounds,
  );
});
