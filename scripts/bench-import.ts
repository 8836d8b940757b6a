/**
 * Web import speed: the extraction and the review list's repeat check for a long real
 * page (166 questions) and a 200-question page made from the shipped pack's questions.
 * First under Node with jsdom, then (when Chromium is installed) the panel's own code
 * path, DOMParser + extraction, bundled and run in headless Chromium.
 * `npm run bench:import [-- --rounds 5]`
 */
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { extractQuestions } from '../lib/page/extract-questions';
import { reviewItems } from '../lib/page/imported-pack';
import { readRenderedPage } from '../lib/page/read-rendered-page';
import { nodeHtmlTools } from '../lib/page/node-html-tools';
import { createPackIndex } from '../lib/match/question-index';
import { loadKnowledge, percentile, round, runCli } from './cli-support';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The panel's extraction (lib/page/extract-page-html.ts) as one script for a plain Chromium page. */
async function browserBundle(): Promise<string> {
  const output = await build({
    logLevel: 'silent',
    configFile: false,
    build: { write: false, minify: false, lib: { entry: 'lib/page/extract-page-html.ts', formats: ['iife'], name: 'CuecardImport' } },
  });
  const [result] = Array.isArray(output) ? output : [output];
  const chunk = (result as { output: Array<{ type: string; code?: string }> }).output.find((item) => item.type === 'chunk');
  return chunk!.code!;
}

async function inChromium(pages: ReadonlyArray<{ name: string; html: string }>, rounds: number): Promise<void> {
  const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((path) => path && existsSync(path));
  if (!executablePath) {
    console.log('Chromium not found (apt-get install -y chromium): browser figures skipped');
    return;
  }
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>bench</title>');
    await page.addScriptTag({ content: await browserBundle() });
    console.log(`\nin Chromium ${browser.version()} (DOMParser + extraction, as the panel runs it):`);
    for (const { name, html } of pages) {
      const timings = await page.evaluate(
        ({ html: source, rounds: count }) => {
          const api = (globalThis as unknown as { CuecardImport: { extractPageHtml(html: string): { questions: unknown[] } } }).CuecardImport;
          const times: number[] = [];
          let found = 0;
          for (let i = 0; i < count + 1; i++) {
            const started = performance.now();
            found = api.extractPageHtml(source).questions.length;
            if (i > 0) times.push(performance.now() - started);
          }
          return { times, found };
        },
        { html, rounds },
      );
      const sorted = [...timings.times].sort((a, b) => a - b);
      console.log(`${name}: ${timings.found} found; p50 ${round(percentile(sorted, 0.5), 1)} ms, max ${round(Math.max(...sorted), 1)} ms`);
      // The tab's side: the page rendered, then read with its computed style as chrome.scripting runs it (the function's source alone).
      const tab = await browser.newPage();
      await tab.setContent(html);
      // tsx keeps function names with a __name helper the tab does not have; the extension's build does not add it.
      const reading = await tab.evaluate(`(() => { const __name = (target) => target; const times = []; let size = 0; for (let i = 0; i < ${rounds + 1}; i++) { const started = performance.now(); size = (${readRenderedPage.toString()})(document).html.length; if (i > 0) times.push(performance.now() - started); } return { times, size }; })()`) as { times: number[]; size: number };
      await tab.close();
      const read = [...reading.times].sort((a, b) => a - b);
      console.log(`  rendered reading in the tab: p50 ${round(percentile(read, 0.5), 1)} ms, max ${round(Math.max(...read), 1)} ms (${Math.round(reading.size / 1024)} KB sent)`);
    }
  } finally {
    await browser.close();
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
    .map((entry, i) => `<h3>${i + 1}. ${escape(entry.question)}${i >= entries.length ? ` (part ${Math.floor(i / entries.length) + 1})` : ''}</h3><p>${escape(entry.outline.keyPoints[0] ?? '')}</p><ul>${entry.outline.keyPoints.slice(1).map((point) => `<li>${escape(point)}</li>`).join('')}</ul>`)
    .join('\n')}</article><footer>© bench</footer></body></html>`;
  const pages = [
    { name: 'github-bold-questions-emoji.html (real, 166 questions)', html: readFileSync('tests/fixtures/pages/github-bold-questions-emoji.html', 'utf8') },
    { name: 'synthetic blog page (200 questions)', html: synthetic },
  ];
  const tools = nodeHtmlTools();
  console.log(`bench:import — ${rounds} rounds, Node ${process.version}, ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}`);
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
  await inChromium(pages, rounds);
});
