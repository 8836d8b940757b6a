import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { parseSanitised, type HtmlTools } from './html-tools';
import { listQuestions } from './list-questions';
import { pageBlocks, type Block } from './page-blocks';
import { acceptedStarts, candidateOf, type Candidate } from './question-starts';
import { ANSWER_LABEL, cleanAnswerText, cleanQuestion, comparable, isLabel, splitSentences } from './question-text';
import { CHROME_HEADING, readableCopy } from './readable-copy';
import { structuredQuestions } from './structured-data';

export interface ExtractedQuestion {
  question: string;
  /** The answer under the question as key points: its sentences, list items and code blocks; empty when the page gives none. */
  outline: string[];
  /** The page's section heading above the question ("Coding and Data Manipulation"), a category to suggest. */
  section?: string;
}

export interface PageExtraction {
  title: string;
  questions: ExtractedQuestion[];
}

/** Site chrome around the content (dialogs are already gone from the readable copy). */
const CHROME =
  'nav, header, footer, aside, form, script, style, noscript, iframe, [role="navigation"], [role="banner"], [role="contentinfo"], [aria-hidden="true"]';
const READ_TIME = /^\W*\d+\s*min(?:ute)?s?\s+read\b/i;
const MAX_POINTS = 40;
/** More elements than any article page we have seen (the golden pages hold at most about 1,500). */
const MAX_READABILITY_ELEMENTS = 15_000;

/** An answer block as key points: sentences of its text, or a code block whole. */
function pointsOf(block: Block): string[] {
  if (block.kind === 'code') return [block.text];
  // A table inside an answer (a comparison, a glossary) keeps every column of each row.
  if (block.kind === 'row')
    return block.question === undefined
      ? [cleanAnswerText(block.cells.filter(Boolean).join(' — '))].filter(Boolean)
      : [];
  if (block.kind !== 'text' || block.linkOnly || block.disclosure) return [];
  return answerPoints(block.text);
}

function answerPoints(text: string): string[] {
  const cleaned = cleanAnswerText(text).replace(ANSWER_LABEL, '');
  return cleaned ? splitSentences(cleaned) : [];
}

type Found = ExtractedQuestion & { index: number };

/** The state of reading a page's blocks in order: the questions so far and the one whose answer is being read. */
interface Reading {
  found: Found[];
  /** Blocks taken as a question or an answer (the list questions are looked for among the others). */
  covered: Set<number>;
  current?: { item: Found; start: Candidate };
  section?: string;
  /** Inside the site's sections after the article (CHROME_HEADING), at this heading level. */
  chromeLevel?: number;
  /** Questions that turned out to be teaser cards for other articles. */
  teasers: Set<ExtractedQuestion>;
}

/** A question someone reports (a forum post, an interview report) rather than one the page sets out. */
const reporting = (shape: string) => shape === 'quote' || shape === 'reported';

/** Reads one block: it starts a question, ends the current one, or adds to its answer. */
function readBlock(reading: Reading, block: Block, index: number, start: Candidate | undefined): void {
  if (block.kind === 'heading' && CHROME_HEADING.test(block.text)) {
    reading.chromeLevel = Math.min(reading.chromeLevel ?? block.level, block.level);
    reading.current = undefined;
  } else if (block.kind === 'heading' && reading.chromeLevel !== undefined && block.level <= reading.chromeLevel)
    reading.chromeLevel = undefined;
  if (reading.chromeLevel !== undefined) {
    reading.covered.add(index);
    return;
  }
  // Inside the answer to a question heading, bold lines and lead-ins are the answer's own structure.
  // A question someone reports inside the answer to one the page sets out is part of that answer.
  const nested =
    start &&
    reading.current &&
    ((reading.current.start.heading !== undefined && start.heading === undefined) ||
      (reporting(start.shape) && !reporting(reading.current.start.shape)));
  if (start && !nested) {
    const item = {
      index,
      question: start.question,
      outline: start.inlineAnswer ? answerPoints(start.inlineAnswer) : [],
      section: reading.section,
    };
    reading.found.push(item);
    reading.current = { item, start };
    reading.covered.add(index);
    return;
  }
  if (endsAnswer(reading, block)) return;
  const current = reading.current;
  if (!current) return;
  reading.covered.add(index);
  // "6 min read" under a title: a teaser card for another article, not a question and its answer.
  if (block.kind === 'text' && READ_TIME.test(block.text)) reading.teasers.add(current.item);
  // A point the answer already made ("The correct answer is: …" after the marked option) is not repeated.
  const points = pointsOf(block).filter((point) => !current.item.outline.includes(point));
  if (current.item.outline.length < MAX_POINTS)
    current.item.outline.push(...points.slice(0, MAX_POINTS - current.item.outline.length));
}

/**
 * Headings and ends: each may end the answer being read (a heading as high as the
 * question's, the end of a toggle or table row) and a heading names the section. True when
 * the block is done with; a text block may also end what someone reports, as its post ends.
 */
function endsAnswer(reading: Reading, block: Block): boolean {
  const { current } = reading;
  // "Feedback", "Answer", "Explanation" headings inside an answer belong to it.
  if (block.kind === 'heading' && current && isLabel(block.text)) return true;
  if (block.kind === 'heading') {
    const endsCurrent = current && (current.start.heading === undefined || block.level <= current.start.heading);
    if (endsCurrent) reading.current = undefined;
    if (!reading.current && block.level >= 2)
      reading.section = block.elsewhere ? reading.section : sectionName(block.text);
    return true;
  }
  if (block.kind === 'end') {
    if (
      current &&
      (current.start.shape === 'disclosure' || current.start.shape.startsWith('table-')) &&
      current.start.heading === undefined
    )
      reading.current = undefined;
    return true;
  }
  // What someone reports ends with the post it is in.
  if (
    current &&
    block.kind === 'text' &&
    reporting(current.start.shape) &&
    current.start.block.kind === 'text' &&
    block.box !== current.start.block.box
  )
    reading.current = undefined;
  return false;
}

/** The questions in one reading of the page, in page order, each with the answer that follows it. */
function questionsIn(root: Element): ExtractedQuestion[] {
  const blocks = pageBlocks(root);
  const tableIds = new Map<Element, number>();
  // One or two top headings are the page's title; a slide deck gives every slide one.
  const titled = blocks.filter((block) => block.kind === 'heading' && block.level === 1).length < 3;
  const candidates = blocks.flatMap((block, index) => candidateOf(block, index, tableIds, titled) ?? []);
  const starts = new Map(acceptedStarts(candidates, blocks).map((start) => [start.index, start]));
  const reading: Reading = { found: [], covered: new Set(), teasers: new Set() };
  blocks.forEach((block, index) => readBlock(reading, block, index, starts.get(index)));
  const { found, covered, teasers } = reading;
  for (const { index, question } of listQuestions(blocks, covered))
    found.push({ index, question, outline: [], section: sectionBefore(blocks, index) });
  return found
    .filter((item) => !teasers.has(item))
    .sort((a, b) => a.index - b.index)
    .map(({ question, outline, section }) => (section ? { question, outline, section } : { question, outline }));
}

function sectionBefore(blocks: readonly Block[], index: number): string | undefined {
  for (let i = index - 1; i >= 0; i--) {
    const block = blocks[i]!;
    if (block.kind === 'heading' && block.level >= 2 && !block.elsewhere) return sectionName(block.text);
  }
  return undefined;
}

/** A section heading as a category to suggest; "Table of contents" or "Questions" suggest nothing. */
function sectionName(heading: string): string | undefined {
  const name = cleanQuestion(heading);
  return name && !isLabel(name) ? name : undefined;
}

/** Keeps the first of questions asked twice (a page's FAQ block repeating its body, a table of contents). */
function withoutRepeats(questions: readonly ExtractedQuestion[]): ExtractedQuestion[] {
  const seen = new Set<string>();
  return questions.filter((item) => {
    const key = comparable(item.question);
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Finds the interview questions on a page and the outline under each, by the shapes
 * pages use: question headings (numbered or not), bold lines and bold lead-ins, FAQ
 * blocks (<details>, definition lists, accordions, schema.org FAQPage), question/answer
 * tables and plain lists of questions. Navigation, footers, sidebars and promotional
 * boxes are left out.
 *
 * The page is read twice: the article Readability finds, and the whole page without its
 * chrome. Readability is precise but can keep only one part of a long page or drop
 * layout tables; when the whole page holds clearly more questions, that reading wins.
 */
export function extractQuestions(document: Document, tools: HtmlTools): PageExtraction {
  const copy = readableCopy(document);
  // Taken before Readability, which changes the document it reads.
  const wholePage = parseSanitised(copy.body?.innerHTML ?? '', tools);
  // Readability's time grows faster than the page on very large documents (tens of seconds for
  // 30 000 elements under jsdom): past that size the whole-page reading alone is used.
  const readable =
    (copy.body?.getElementsByTagName('*').length ?? 0) <= MAX_READABILITY_ELEMENTS &&
    isProbablyReaderable(copy, { minContentLength: 80, minScore: 10 });
  const article = readable ? new Readability(copy).parse() : null;
  for (const chrome of wholePage.querySelectorAll(CHROME)) chrome.remove();

  const fromPage = questionsIn(wholePage);
  const fromArticle = article?.content ? questionsIn(parseSanitised(article.content, tools)) : [];
  const best =
    fromPage.length >= Math.max(fromArticle.length * 1.25, fromArticle.length + 3)
      ? fromPage
      : fromArticle.length > 0
        ? fromArticle
        : fromPage;

  const title = (article?.title ?? document.title ?? '').replace(/\s+/g, ' ').trim();
  // Declared questions come after the page's own, so a question both show keeps the page's fuller answer.
  return { title, questions: withoutRepeats([...best, ...structuredQuestions(document, tools)]) };
}
