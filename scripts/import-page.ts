import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { extractQuestions } from '../lib/page/extract-questions';
import { importFileHtml, importFileKind } from '../lib/import/import-file';
import { nodeFileReaders } from '../lib/import/node-file-readers';
import { nodeHtmlTools } from '../lib/page/node-html-tools';
import { runCli, UsageError } from './cli-support';

const USAGE = 'usage: npm run import -- PAGE.html|NOTES.docx|GUIDE.pdf|LIST.md|NOTES.txt [--json] [--url https://…]';

runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, url: { type: 'string' } },
  });
  const path = positionals[0];
  if (!path) throw new UsageError(USAGE);
  const kind = importFileKind(path);
  if (!kind || kind === 'pack-json') throw new UsageError(`${path}: not a page or a notes file. ${USAGE}`);
  const tools = nodeHtmlTools();
  // Every kind of file becomes the HTML it reads as (a README renders, a PDF's bold lines become <strong>…) and goes through one extraction.
  const html = await importFileHtml(path, new Uint8Array(readFileSync(path)), nodeFileReaders());
  const { title, questions } = extractQuestions(tools.parsePage(html, values.url), tools);
  if (values.json) {
    console.log(JSON.stringify(questions, null, 2));
    return;
  }
  if (questions.length === 0) {
    console.log(`No interview questions found in "${title || path}".`);
    return;
  }
  console.log(`${questions.length} questions from "${title || path}":`);
  for (const { question, outline } of questions)
    console.log(`\n${question}\n${outline.map((point) => `  - ${point}`).join('\n')}`);
});
