import { describe, expect, it } from 'vitest';
import { SHIPPED_PACKS } from '@/lib/knowledge/shipped-packs';
import { detectQuestion } from '@/lib/match/detect-question';
import { findDuplicate } from '@/lib/match/find-duplicate';
import { matchQuestion } from '@/lib/match/match-question';
import { compilePackAliases, matchTerms, termsOfNormalized, termWeightFactor } from '@/lib/match/match-terms';
import { normalizeTranscript } from '@/lib/match/normalize-transcript';
import { createPackIndex } from '@/lib/match/question-index';
import { digitsFromSpokenNumbers } from '@/lib/match/spoken-numbers';
import { extractQuestions } from '@/lib/page/extract-questions';
import { categoryFromSection } from '@/lib/page/imported-pack';
import { markdownQuestionList, markdownToHtml } from '@/lib/page/markdown-page';
import { nodeHtmlTools } from '@/lib/page/node-html-tools';
import { pageBlocks } from '@/lib/page/page-blocks';
import {
  ANSWER_LABEL,
  cleanAnswerText,
  cleanQuestion,
  cleanSpace,
  comparable,
  hasDifficultyMark,
  isLabel,
  isNumbered,
  looksLikeQuestion,
  splitSentences,
} from '@/lib/page/question-text';
import { structuredQuestions } from '@/lib/page/structured-data';

/**
 * Every text rule of page import and matching runs on what a hostile page or a runaway
 * transcript can hold. A regular expression that backtracks (`\s+$` on a long run of
 * spaces) turns 200 kB into minutes on the panel's main thread, so each function is timed
 * at n and 4n: linear work takes about 4 times as long, quadratic 16 times. The bound
 * (8 times, plus slack for timer and garbage-collector noise) and the best-of-three timing
 * keep it steady on a loaded machine; a ceiling at 200 000 characters (2 s for text rules)
 * catches what the ratio lets through.
 */
const SMALL = 12_500;
const PAGE_SMALL = 5_000;
const HUGE = 200_000;
const MAX_RATIO = 8;
const SLACK_MS = 400;

const tools = nodeHtmlTools();
const index = createPackIndex(SHIPPED_PACKS);
const aliases = compilePackAliases([{ term: 'twotower', variants: ['two tower', 'too tower'] }]);

const fill = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
/** Adversarial text of about n characters: long runs a backtracking pattern chokes on, alone and behind a plausible start. */
const ADVERSARIAL: Record<string, (n: number) => string> = {
  spaces: (n) => ' '.repeat(n),
  'mixed whitespace': (n) => fill(' \t\n\r\u00a0', n),
  'a number, then spaces': (n) => `1${' '.repeat(n)}`,
  'a number, spaces, a percent sign': (n) => `1${' '.repeat(n)}%`,
  'Q, then spaces': (n) => `Q${' '.repeat(n)}`,
  'a question, spaces, a full stop': (n) => `What is x${' '.repeat(n)}.`,
  digits: (n) => '7'.repeat(n),
  'dotted numbering': (n) => fill('1.', n),
  'open brackets': (n) => fill('((([[', n),
  'number in brackets': (n) => fill('([1', n),
  'question and exclamation marks': (n) => fill('?!', n),
  'spaced punctuation': (n) => fill(' - :', n),
  'spaced question marks': (n) => fill('? ', n),
  'repeated words': (n) => fill('and what is the ', n),
  'spelled letters': (n) => fill('a b ', n),
  'one long word': (n) => 'x'.repeat(n),
  mixed: (n) => fill('1. (Q ?! [[ ] -  ', n),
};
/** For the page readers, which parse HTML first (most of their time): the shapes their own text rules see. */
const FOR_PAGES = ['mixed whitespace', 'a number, then spaces', 'a question, spaces, a full stop', 'mixed'];

const page = (body: string) =>
  tools.parsePage(`<!doctype html><html><head><title>T</title></head><body><article>${body}</article></body></html>`);
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

const TEXT_FUNCTIONS: Record<string, (text: string) => unknown> = {
  cleanSpace,
  comparable,
  isNumbered,
  hasDifficultyMark,
  cleanQuestion,
  cleanAnswerText,
  ANSWER_LABEL: (text) => ANSWER_LABEL.test(text),
  isLabel,
  looksLikeQuestion,
  splitSentences,
  categoryFromSection,
  normalizeTranscript: (text) => normalizeTranscript(text, aliases),
  detectQuestion: (text) => detectQuestion(text, aliases),
  matchTerms: (text) => matchTerms(text, aliases),
  termsOfNormalized,
  termWeightFactor,
  digitsFromSpokenNumbers: (text) => digitsFromSpokenNumbers(text.split(' ')),
  matchQuestion: (text) =>
    matchQuestion(index, [
      { text, speaker: 'interviewer' },
      { text, speaker: 'interviewer' },
    ]),
  findDuplicate: (text) => findDuplicate(index, text),
};
/** The text cut into `parts` pieces, so a page holding all of them is still about n characters. */
const pieces = (text: string, parts: number) =>
  Array.from({ length: parts }, (_, part) =>
    escapeHtml(text.slice((part * text.length) / parts, ((part + 1) * text.length) / parts)),
  );
const PAGE_FUNCTIONS: Record<string, (text: string) => unknown> = {
  'extractQuestions, a huge <pre>': (text) =>
    extractQuestions(
      page(`<h2>What is dropout?</h2><pre>${escapeHtml(text)}</pre><p>Randomly zeroing units.</p>`),
      tools,
    ),
  'extractQuestions, huge headings, bold, list and table text': (text) => {
    const [heading, bold, item, cell] = pieces(text, 4);
    return extractQuestions(
      page(
        `<h2>${heading}</h2><p><b>${bold}</b> rest</p><ul><li>${item}</li></ul><table><tr><td>${cell}</td><td>x</td></tr></table>`,
      ),
      tools,
    );
  },
  'pageBlocks (the block reader)': (text) => {
    const [code, bold, rest, term] = pieces(text, 4);
    return pageBlocks(page(`<pre>${code}</pre><p><strong>${bold}</strong>${rest}</p><dl><dt>${term}</dt></dl>`).body);
  },
  markdownQuestionList: (text) => {
    const [body, heading, item, code] = pieces(text, 4);
    return markdownQuestionList(
      `# T\n\n## What is x?\n\n${body}\n\n## ${heading}\n\n1. ${item}\n\n\`\`\`\n${code}\n\`\`\`\n`,
      'list.md',
      tools,
    );
  },
  markdownToHtml: (text) => markdownToHtml(`## ${text.slice(0, text.length / 2)}\n\n${text.slice(text.length / 2)}`),
  structuredQuestions: (text) => {
    const [name, answer] = [text.slice(0, text.length / 2), text.slice(text.length / 2)];
    return structuredQuestions(
      page(
        `<script type="application/ld+json">${JSON.stringify({ '@type': 'FAQPage', mainEntity: [{ '@type': 'Question', name, acceptedAnswer: { text: `<p>${escapeHtml(answer)}</p>` } }] }).replace(/</g, '\\u003c')}</script>`,
      ),
      tools,
    );
  },
};

/** The fastest of a few runs: noise from other work on the machine only ever adds time. */
function bestOf(runs: number, work: () => unknown, goodEnough = 0): number {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs && best > goodEnough; run++) {
    const start = performance.now();
    work();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

function expectLinear(
  fn: (text: string) => unknown,
  inputs: readonly string[],
  ceilingMs: (largeMs: number) => number,
  smallSize = SMALL,
) {
  for (const name of inputs) {
    const make = ADVERSARIAL[name]!;
    const small = make(smallSize);
    const large = make(4 * smallSize);
    fn(small); // warm up: compiled patterns, lazy tables
    const smallMs = bestOf(3, () => fn(small));
    const bound = MAX_RATIO * smallMs + SLACK_MS;
    const largeMs = bestOf(3, () => fn(large), bound);
    expect(
      { input: name, largeMs, smallMs },
      `${name}: ${4 * smallSize} characters took ${largeMs.toFixed(0)} ms, ${smallSize} took ${smallMs.toFixed(0)} ms`,
    ).toEqual({
      input: name,
      largeMs: expect.toSatisfy((ms: number) => ms <= bound),
      smallMs,
    });
    const huge = make(HUGE);
    const hugeCeilingMs = ceilingMs(largeMs);
    const hugeMs = bestOf(2, () => fn(huge), hugeCeilingMs / 2);
    expect(hugeMs, `${name}: ${HUGE} characters took ${hugeMs.toFixed(0)} ms`).toBeLessThan(hugeCeilingMs);
  }
}

describe('text rules run in linear time on adversarial input', () => {
  it.each(Object.keys(TEXT_FUNCTIONS))(
    '%s',
    (name) => {
      expectLinear(TEXT_FUNCTIONS[name]!, Object.keys(ADVERSARIAL), () => 2_000);
    },
    120_000,
  );

  it.each(Object.keys(PAGE_FUNCTIONS))(
    '%s',
    (name) => {
      // Parsing and reading the page (jsdom, DOMPurify, Readability) is most of the time here, and grows with
      // the thousands of elements such text becomes: smaller steps, and at 200 000 characters (10 times the
      // larger step) a ceiling of 25 times that step's time, which linear work stays far under and quadratic cannot.
      expectLinear(PAGE_FUNCTIONS[name]!, FOR_PAGES, (largeMs) => Math.max(8_000, 25 * largeMs), PAGE_SMALL);
    },
    300_000,
  );
});
