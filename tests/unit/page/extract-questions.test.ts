import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractQuestions } from '@/lib/page/extract-questions';
import { looksLikeQuestion } from '@/lib/page/question-text';
import { markdownToHtml } from '@/lib/page/markdown-page';
import type { HtmlTools } from '@/lib/page/html-tools';
import { nodeHtmlTools } from '@/lib/page/node-html-tools';
import { goldenPageSchema, scorePage, totalsOf } from '@/lib/dev/score-extraction';

const tools = nodeHtmlTools();
const FIXTURES = 'tests/fixtures/pages';
const pages = readdirSync(FIXTURES)
  .filter((name) => /\.(html|md)$/.test(name) && existsSync(`${FIXTURES}/${name.replace(/\.(html|md)$/, '.json')}`))
  .map((name) => ({
    name,
    html: name.endsWith('.md')
      ? markdownToHtml(readFileSync(`${FIXTURES}/${name}`, 'utf8'))
      : readFileSync(`${FIXTURES}/${name}`, 'utf8'),
    golden: goldenPageSchema.parse(
      JSON.parse(readFileSync(`${FIXTURES}/${name.replace(/\.(html|md)$/, '.json')}`, 'utf8')),
    ),
  }));
const scores = pages.map((page) => ({
  name: page.name,
  score: scorePage(page.golden, extractQuestions(tools.parsePage(page.html), tools).questions),
}));

describe('extractQuestions on the golden pages (issue #9 targets)', () => {
  it('has at least 15 pages of different layouts, one of them with no questions', () => {
    expect(pages.length).toBeGreaterThanOrEqual(15);
    expect(pages.some((page) => page.golden.questions.length === 0)).toBe(true);
  });

  it.each(scores)('$name: finds at least 90% of its questions and 90% of what it finds is a question', ({ score }) => {
    const { recall, precision, answersKept } = totalsOf([score]);
    expect({
      recall,
      precision,
      answersKept,
      missed: score.missed.slice(0, 5),
      extra: score.extra.slice(0, 5),
    }).toMatchObject({
      recall: expect.toSatisfy((value: number) => value >= 0.9),
      precision: expect.toSatisfy((value: number) => value >= 0.9),
    });
    expect(answersKept).toBeGreaterThanOrEqual(0.9);
  });

  it('overall: recall and precision at least 0.95, answers kept at least 0.90, nothing from a page without questions', () => {
    const totals = totalsOf(scores.map((entry) => entry.score));
    expect(totals.recall).toBeGreaterThanOrEqual(0.95);
    expect(totals.precision).toBeGreaterThanOrEqual(0.95);
    expect(totals.answersKept).toBeGreaterThanOrEqual(0.9);
    for (const { score } of scores.filter((entry) => entry.score.expected === 0)) expect(score.found).toBe(0);
  });

  it('keeps the "how to approach it" notes as the outline, without the lead-in, also when they share the question\'s paragraph', () => {
    const first = (name: string) =>
      extractQuestions(tools.parsePage(pages.find((item) => item.name === name)!.html), tools).questions[0]!;
    expect(first('numbered-bold-questions.html').outline[0]).toMatch(/^define it as fitting noise/);
    expect(first('guide-bold-inline-note.html')).toMatchObject({
      question: 'Tell me about yourself.',
      outline: [expect.stringMatching(/^Give a two-minute arc/), expect.any(String)],
    });
  });

  it('strips link debris, difficulty emoji and numbering from questions, and keeps code blocks whole', () => {
    const page = pages.find((item) => item.name === 'blog-numbering-variants.html')!;
    const { questions } = extractQuestions(tools.parsePage(page.html), tools);
    expect(questions.map((item) => item.question).slice(0, 5)).toEqual([
      'Implement non-maximum suppression.',
      'Reverse a linked list in place.',
      'Compute the IoU of two axis-aligned boxes',
      'Epoch vs. batch vs. iteration.',
      'Why do we use batch normalization?',
    ]);
    expect(questions[0]!.outline).toContainEqual(
      expect.stringMatching(/^def nms\(boxes, scores, iou_threshold=0\.5\):\n {4}order = /),
    );
    expect(questions[3]!.outline.join(' ')).not.toMatch(/read more/i);
    expect(questions[0]!.section).toBe('Coding and Data Manipulation');
  });

  it('reads plain lists of questions as questions with an empty outline, nested ones with their topic', () => {
    const page = pages.find((item) => item.name === 'gitbook-nested-question-list.html')!;
    const { questions } = extractQuestions(tools.parsePage(page.html), tools);
    expect(questions[0]).toEqual({
      question: 'What are the basic assumptions to be made for linear regression?',
      outline: [],
    });
    expect(questions.map((item) => item.question)).toContain(
      'k-means and GMM are both powerful clustering algorithms — Compare the two.',
    );
    expect(questions.map((item) => item.question)).not.toContain('Feature selection.');
  });
});

describe('hostile pages', () => {
  it('never keeps markup or script from the page: what it reads holds no script, event handler or javascript: link', () => {
    const html = `<!doctype html><html><body><article><h1>Questions</h1>
      <p>${'Some honest introduction text about machine learning interviews. '.repeat(6)}</p>
      <h2>What is <img src=x onerror="globalThis.hacked=1">dropout?</h2>
      <p>Randomly zeroing units <script>globalThis.hacked=2</script>during training. <a href="javascript:alert(1)">More</a></p>
      </article></body></html>`;
    // Every document the extraction reads is parsed through the tools: keep each, to look inside.
    const read: Document[] = [];
    const watched: HtmlTools = { ...tools, parseHtml: (markup) => read[read.push(tools.parseHtml(markup)) - 1]! };
    const { questions } = extractQuestions(tools.parsePage(html), watched);
    expect(questions).toEqual([
      { question: 'What is dropout?', outline: ['Randomly zeroing units during training. More'] },
    ]);
    // jsdom never runs scripts, so "nothing ran" proves nothing here; what can fail is what was read:
    // no script element, no event-handler attribute, no javascript: link (what a real browser would run).
    expect(read.length).toBeGreaterThan(0);
    const elements = read.flatMap((document) => [...document.querySelectorAll('*')]);
    expect(
      elements
        .filter((element) => ['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED'].includes(element.tagName))
        .map((element) => element.outerHTML),
    ).toEqual([]);
    const dangerous = elements.flatMap((element) =>
      [...element.attributes]
        .filter((attribute) => /^on/i.test(attribute.name) || /^\s*javascript:/i.test(attribute.value))
        .map((attribute) => `${element.tagName} ${attribute.name}`),
    );
    expect(dangerous).toEqual([]);
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
