import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { extractQuestions } from '../lib/page/extract-questions';
import { importFileHtml } from '../lib/import/import-file';
import { nodeFileReaders } from '../lib/import/node-file-readers';
import { nodeHtmlTools } from '../lib/page/node-html-tools';
import { goldenPageSchema, scorePage, totalsOf, type PageScore, type ScoreTotals } from '../lib/dev/score-extraction';
import { round, runCli, UsageError } from './cli-support';

const USAGE = 'usage: npm run eval:import -- [--pages DIR]… [--verbose]';
const DEFAULT_SETS = [
  'tests/fixtures/pages',
  'tests/fixtures/eval/pages',
  // Development set for the layouts of issue #22.
  'tests/fixtures/pages-layouts-dev',
  // Held out for issue #22: layouts and files in neither set above.
  'tests/fixtures/eval/pages-layouts',
];
const PAGE_FILE = /\.(html|md|docx|pdf)$/;

async function scoreSet(dir: string, verbose: boolean): Promise<PageScore[]> {
  const tools = nodeHtmlTools();
  const readers = nodeFileReaders();
  const names = new Set(readdirSync(dir));
  // A page is a page file with its expectations beside it (a README is not a page).
  const pages = [...names].filter((name) => PAGE_FILE.test(name) && names.has(name.replace(PAGE_FILE, '.json'))).sort();
  if (pages.length === 0) throw new UsageError(`${dir}: no .html, .md, .docx or .pdf pages\n${USAGE}`);
  console.log(`\n${dir} (${pages.length} pages)`);
  console.log(
    `${'page'.padEnd(40)} ${'expected'.padStart(8)} ${'found'.padStart(6)} ${'recall'.padStart(7)} ${'precision'.padStart(9)} ${'answers'.padStart(8)}`,
  );
  const scores: PageScore[] = [];
  for (const name of pages) {
    const golden = goldenPageSchema.parse(
      JSON.parse(readFileSync(join(dir, name.replace(PAGE_FILE, '.json')), 'utf8')),
    );
    // Files go through import's own readers (Markdown rendered, Word via mammoth, PDF via pdf.js), as the panel reads them.
    const html = await importFileHtml(name, new Uint8Array(readFileSync(join(dir, name))), readers);
    const { questions } = extractQuestions(tools.parsePage(html), tools);
    const score = scorePage(golden, questions);
    const totals = totalsOf([score]);
    console.log(
      `${name.padEnd(40)} ${String(score.expected).padStart(8)} ${String(score.found).padStart(6)} ${round(totals.recall).toFixed(3).padStart(7)} ${round(totals.precision).toFixed(3).padStart(9)} ${round(totals.answersKept).toFixed(3).padStart(8)}`,
    );
    if (verbose) {
      for (const question of score.missed) console.log(`    missed: ${question}`);
      for (const question of score.extra) console.log(`    extra:  ${question}`);
      for (const wrong of score.wrongAnswers)
        console.log(`    answer: ${wrong.question}\n            expected "${wrong.expected}…", got "${wrong.got}"`);
    }
    scores.push(score);
  }
  return scores;
}

const line = (label: string, totals: ScoreTotals) =>
  `${label.padEnd(44)} recall ${round(totals.recall).toFixed(3)}  precision ${round(totals.precision).toFixed(3)}  answers kept ${round(totals.answersKept).toFixed(3)}`;

runCli(async () => {
  const { values } = parseArgs({
    options: { pages: { type: 'string', multiple: true }, verbose: { type: 'boolean', default: false } },
  });
  const sets = values.pages ?? DEFAULT_SETS;
  const results: Array<{ dir: string; totals: ScoreTotals }> = [];
  for (const dir of sets) results.push({ dir, totals: totalsOf(await scoreSet(dir, values.verbose)) });
  console.log('');
  for (const { dir, totals } of results) console.log(line(`overall ${dir}`, totals));
  const [first, ...others] = results;
  const rounded = (totals: ScoreTotals) => ({
    recall: round(totals.recall),
    precision: round(totals.precision),
    answersKept: round(totals.answersKept),
  });
  // The last line is for machines: the first set's totals, the other sets beside them by folder.
  console.log(
    JSON.stringify({
      ...rounded(first!.totals),
      pages: first!.dir,
      ...Object.fromEntries(others.map(({ dir, totals }) => [dir, rounded(totals)])),
    }),
  );
});
