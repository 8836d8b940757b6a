import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractQuestions } from '@/lib/page/extract-questions';
import { markdownToHtml } from '@/lib/page/markdown-page';
import { nodeHtmlTools } from '@/lib/page/node-html-tools';
import { workerHtmlTools } from '@/lib/page/worker-html-tools';

// The development set and the first held-out set; the layouts set is not read outside eval:import.
const pages = ['tests/fixtures/pages', 'tests/fixtures/eval/pages'].flatMap((dir) =>
  readdirSync(dir)
    .filter((name) => /\.(html|md)$/.test(name) && name !== 'README.md')
    .map((name) => {
      const text = readFileSync(join(dir, name), 'utf8');
      return { name, html: name.endsWith('.md') ? markdownToHtml(text) : text };
    }),
);

describe('workerHtmlTools', () => {
  it.each(pages)(
    'the import worker finds what jsdom finds on $name',
    ({ html }) => {
      const jsdom = nodeHtmlTools();
      const worker = workerHtmlTools();
      expect(extractQuestions(worker.parseHtml(html), worker)).toEqual(extractQuestions(jsdom.parsePage(html), jsdom));
    },
    60_000,
  ); // the long pages take seconds in jsdom on a busy machine

  it('parses a fragment as a whole document, as DOMParser does', () => {
    expect(workerHtmlTools().parseHtml('<!doctype html><body><p>Hello</p></body>').body.innerHTML).toBe('<p>Hello</p>');
  });

  it('drops scripts, styles, frames and event handlers when it cleans HTML', () => {
    const clean = workerHtmlTools().sanitize(
      '<p onclick="steal()">Hi<script>steal()</script><style>p{}</style><iframe src="x"></iframe><img src="a.png" onerror="steal()"></p>',
    );
    expect(clean).toBe('<p>Hi<img src="a.png"></p>');
  });
});
