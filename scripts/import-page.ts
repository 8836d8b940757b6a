import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { extractQuestions } from '../lib/page/extract-questions';
import { markdownToHtml } from '../lib/page/markdown-page';
import { nodeHtmlTools } from '../lib/page/node-html-tools';
import { runCli, UsageError } from './cli-support';

const USAGE = 'usage: npm run import -- PAGE.html|LIST.md [--json] [--url https://…]';

runCli(() => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, url: { type: 'string' } },
  });
  const path = positionals[0];
  if (!path) throw new UsageError(USAGE);
  const tools = nodeHtmlTools();
  const text = readFileSync(path, 'utf8');
  // A Markdown question list (a README) is read as the page it renders to.
  const html = /\.(md|markdown)$/i.test(path) ? markdownToHtml(text) : text;
  const { title, questions } = extractQuestions(tools.parsePage(html, values.url), tools);
  if (values.json) {
    console.log(JSON.stringify(questions, null, 2));
    return;
  }
  if (questions.length === 0) {
    console.log(`No interview questions found in "${title || path}".`);
    return;
  }
  console.log(`${questions.length} questions from "${title}":`);
  for (const { question, outline } of questions) console.log(`\n${question}\n${outline.map((point) => `  - ${point}`).join('\n')}`);
});
