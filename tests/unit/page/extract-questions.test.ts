import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractQuestions, looksLikeQuestion } from '@/lib/page/extract-questions';
import { nodeHtmlTools } from '@/lib/page/node-html-tools';

const tools = nodeHtmlTools();
const FIXTURES = 'tests/fixtures/pages';
const pages = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.html'))
  .map((name) => ({
    name,
    html: readFileSync(`${FIXTURES}/${name}`, 'utf8'),
    expected: JSON.parse(readFileSync(`${FIXTURES}/${name.replace(/\.html$/, '.json')}`, 'utf8')) as string[],
  }));

describe('extractQuestions on the test pages', () => {
  it.each(pages)('$name: finds its questions, each with an outline, and nothing from the page around them', ({ html, expected }) => {
    const { questions } = extractQuestions(tools.parsePage(html), tools);
    expect(questions.map((item) => item.question)).toEqual(expected);
    for (const item of questions) expect(item.outline.length).toBeGreaterThan(0);
  });

  it('finds at least 95% of all questions across the pages, with no false ones', () => {
    const expected = pages.flatMap((page) => page.expected);
    const found = pages.flatMap((page) => extractQuestions(tools.parsePage(page.html), tools).questions.map((item) => item.question));
    const hits = found.filter((question) => expected.includes(question));
    expect(hits.length / expected.length).toBeGreaterThanOrEqual(0.95);
    expect(found.length - hits.length).toBe(0);
  });

  it('keeps the "how to approach it" notes as the outline, without the lead-in', () => {
    const page = pages.find((item) => item.name === 'numbered-bold-questions.html')!;
    const [first] = extractQuestions(tools.parsePage(page.html), tools).questions;
    expect(first!.outline[0]).toMatch(/^define it as fitting noise/);
  });
});

describe('hostile pages', () => {
  it('never keeps markup or script from the page, and runs nothing', () => {
    const html = `<!doctype html><html><body><article><h1>Questions</h1>
      <p>${'Some honest introduction text about machine learning interviews. '.repeat(6)}</p>
      <h2>What is <img src=x onerror="globalThis.hacked=1">dropout?</h2>
      <p>Randomly zeroing units <script>globalThis.hacked=2</script>during training. <a href="javascript:alert(1)">More</a></p>
      </article></body></html>`;
    const { questions } = extractQuestions(tools.parsePage(html), tools);
    expect(questions).toEqual([{ question: 'What is dropout?', outline: ['Randomly zeroing units during training. More'] }]);
    expect((globalThis as { hacked?: number }).hacked).toBeUndefined();
  });

  it('returns no questions for an empty page', () => {
    expect(extractQuestions(tools.parsePage(''), tools).questions).toEqual([]);
  });
});

describe('looksLikeQuestion', () => {
  it.each([
    ['What is the KV cache?', true],
    ['3. Explain the bias-variance trade-off.', true],
    ['Q2: Design a feed ranker', true],
    ['Where we stayed', false],
    ['Final thoughts', false],
    ['Why?', false],
  ])('%s → %s', (text, expected) => {
    expect(looksLikeQuestion(text)).toBe(expected);
  });
});
