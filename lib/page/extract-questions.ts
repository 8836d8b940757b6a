import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { parseSanitised, type HtmlTools } from './html-tools';
import { DISCLOSURE_MARK, pageBlocks, type Block, type TextBlock } from './page-blocks';
import { ANSWER_LABEL, cleanAnswerText, cleanQuestion, comparable, hasDifficultyMark, isLabel, isNumbered, looksLikeQuestion, MAX_QUESTION_LENGTH, splitSentences } from './question-text';
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
const CHROME = 'nav, header, footer, aside, form, script, style, noscript, iframe, [role="navigation"], [role="banner"], [role="contentinfo"], [aria-hidden="true"]';
/** Boxes around an article that ask questions of their own ("Want more tips?"), by class or id: dropped before reading. */
const PROMO_BOX = /newsletter|subscribe|signup|promo|sponsor|advert|related|comment|share|cookie|popup|modal|cta|upsell|breadcrumb/i;
/** Controls that open an accordion panel: their label is the question. */
const DISCLOSURE_TRIGGERS = 'button[aria-expanded], button[aria-controls], [data-bs-toggle="collapse"], [data-toggle="collapse"]';
const MAX_POINTS = 40;
/** More elements than any article page we have seen (the golden pages hold at most about 1,500). */
const MAX_READABILITY_ELEMENTS = 15_000;

/**
 * A copy of the page ready to read: promotional boxes gone, collapsed answers shown,
 * accordion buttons turned into marked text (Readability and the sanitiser drop buttons).
 */
function readableCopy(document: Document): Document {
  const copy = document.cloneNode(true) as Document;
  // One pass with one pattern: thirty attribute selectors cost more than the rest of the reading.
  for (const box of copy.body?.querySelectorAll('[class], [id]') ?? []) if (PROMO_BOX.test(`${box.getAttribute('class') ?? ''} ${box.id}`)) box.remove();
  for (const dialog of copy.querySelectorAll('[role="dialog"], [role="alertdialog"]')) dialog.remove();
  for (const trigger of copy.querySelectorAll(DISCLOSURE_TRIGGERS)) {
    const label = copy.createElement('span');
    label.setAttribute(DISCLOSURE_MARK, '');
    label.append(...trigger.childNodes);
    trigger.replaceWith(label);
  }
  for (const hidden of copy.querySelectorAll('[hidden]')) hidden.removeAttribute('hidden');
  for (const collapsed of copy.querySelectorAll('[style*="display" i]')) (collapsed as HTMLElement).style.removeProperty('display');
  for (const details of copy.querySelectorAll('details')) details.setAttribute('open', '');
  collapseSpaces(copy);
  return copy;
}

/**
 * Runs of spaces made one, as the page renders them, outside preformatted text: Readability
 * re-reads each block's text for every ancestor it scores, so a hostile page's long runs of
 * whitespace cost it seconds per 100 kB.
 */
function collapseSpaces(document: Document): void {
  const walker = document.createTreeWalker(document.body ?? document, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    if (text.data.length > 1 && /\s\s/.test(text.data) && !text.parentElement?.closest('pre, textarea')) text.data = text.data.replace(/\s+/g, ' ');
  }
}

interface Candidate {
  index: number;
  block: Block;
  shape: string;
  question: string;
  /** Reads as a question by its words alone. */
  textual: boolean;
  inlineAnswer?: string;
  number?: number;
  heading?: number;
}

const numberOf = (text: string) => {
  const match = /^\s*(?:q(?:uestion)?\s*\.?\s*#?|#\s*)?(\d+)/i.exec(text);
  return match ? Number(match[1]) : undefined;
};

/** What a block would be as the start of a question, before the page's other blocks are weighed. */
function candidateOf(block: Block, index: number, tableIds: Map<Element, number>): Candidate | undefined {
  if (block.kind === 'heading') {
    if (block.level === 1 && !block.disclosure) return undefined;
    const numbered = isNumbered(block.text);
    const shape = block.disclosure ? 'disclosure' : numbered ? `numbered-h${block.level}` : `h${block.level}`;
    return { index, block, shape, question: cleanQuestion(block.text), textual: looksLikeQuestion(block.text), number: numbered ? numberOf(block.text) : undefined, heading: block.level };
  }
  if (block.kind === 'row') {
    if (block.cells.length !== 2 || block.header || block.firstCellLinkOnly || !block.cells[1]) return undefined;
    if (!tableIds.has(block.table)) tableIds.set(block.table, tableIds.size);
    return { index, block, shape: `table-${tableIds.get(block.table)}`, question: cleanQuestion(block.cells[0]!), textual: looksLikeQuestion(block.cells[0]!) };
  }
  if (block.kind !== 'text' || block.linkOnly) return undefined;
  if (block.disclosure) return { index, block, shape: 'disclosure', question: cleanQuestion(block.text), textual: looksLikeQuestion(block.text) };
  if (block.lead && block.bold) {
    const numbered = isNumbered(block.text);
    return { index, block, shape: numbered ? 'numbered-bold' : 'bold', question: cleanQuestion(block.text), textual: looksLikeQuestion(block.text), number: numbered ? numberOf(block.text) : undefined };
  }
  if (block.lead) {
    if (looksLikeQuestion(block.lead.text)) return { index, block, shape: 'lead', question: cleanQuestion(block.lead.text), textual: true, inlineAnswer: block.lead.rest };
    // "**2) Factorial**. Calculate a factorial": the numbered lead-in opens a task the paragraph states.
    if (isNumbered(block.lead.text)) return { index, block, shape: 'numbered-lead', question: cleanQuestion(block.text), textual: looksLikeQuestion(block.text), number: numberOf(block.lead.text) };
    return undefined;
  }
  if (/^\s*(?:q|question)\s*\d*\s*[:.]\s/i.test(block.text) && !block.item) return { index, block, shape: 'q-label', question: cleanQuestion(block.text.replace(/^\s*(?:q|question)\s*/i, '')), textual: true };
  return undefined;
}

/** Numbers that mostly count up one by one: the page enumerates these blocks. */
function counts(numbers: ReadonlyArray<number | undefined>): boolean {
  const known = numbers.filter((value): value is number => value !== undefined);
  if (known.length < 3) return false;
  let steps = 0;
  for (let i = 1; i < known.length; i++) if (known[i] === known[i - 1]! + 1) steps += 1;
  return steps / (known.length - 1) >= 0.6;
}

/**
 * The candidates that are questions. Wording decides alone for plain headings (section
 * titles share their shape); for shapes a page uses to lay out its questions (bold lines,
 * numbered headings, accordion labels, table rows), a shape that mostly holds questions,
 * or that the page numbers 1, 2, 3…, makes every block of it a question.
 */
function acceptedStarts(candidates: readonly Candidate[], blocks: readonly Block[]): Candidate[] {
  const byShape = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    const members = byShape.get(candidate.shape);
    if (members) members.push(candidate);
    else byShape.set(candidate.shape, [candidate]);
  }
  const wholeShape = new Set<string>();
  for (const [shape, members] of byShape) {
    if (/^h\d$/.test(shape)) continue;
    const textual = members.filter((member) => member.textual).length;
    const isTable = shape.startsWith('table-');
    const questionHeader = isTable && blocks.some((block) => block.kind === 'row' && block.header && block.table === (members[0]!.block as Extract<Block, { kind: 'row' }>).table && /question|^q$/i.test(block.cells[0] ?? ''));
    const mostly = textual >= (isTable ? 2 : 3) && textual / members.length >= 0.6;
    if (questionHeader || mostly || (textual >= 1 && counts(members.map((member) => member.number)))) wholeShape.add(shape);
  }
  return candidates.filter(
    (candidate) =>
      (candidate.textual || wholeShape.has(candidate.shape)) &&
      candidate.question.length >= 3 &&
      candidate.question.length <= MAX_QUESTION_LENGTH &&
      !isLabel(candidate.question),
  );
}

/** An answer block as key points: sentences of its text, or a code block whole. */
function pointsOf(block: Block): string[] {
  if (block.kind === 'code') return [block.text];
  if (block.kind !== 'text' || block.linkOnly || block.disclosure) return [];
  return answerPoints(block.text);
}

function answerPoints(text: string): string[] {
  const cleaned = cleanAnswerText(text).replace(ANSWER_LABEL, '');
  return cleaned ? splitSentences(cleaned) : [];
}

/** List items that are questions: a list (or nested list) whose items mostly read as questions. */
function listQuestions(blocks: readonly Block[], covered: ReadonlySet<number>): Array<{ index: number; question: string }> {
  const items = blocks
    .map((block, index) => ({ block, index }))
    .filter((entry): entry is { block: TextBlock; index: number } => entry.block.kind === 'text' && entry.block.item?.own === true && !covered.has(entry.index));
  const lists = new Map<Element, Array<{ block: TextBlock; index: number }>>();
  for (const entry of items) {
    const members = lists.get(entry.block.item!.list);
    if (members) members.push(entry);
    else lists.set(entry.block.item!.list, [entry]);
  }
  const accepted = new Set<TextBlock>();
  // Deepest lists first: an item whose nested list holds questions is a topic, not a question.
  const ordered = [...lists.values()].sort((a, b) => b[0]!.block.item!.depth - a[0]!.block.item!.depth);
  const topics = new Set<TextBlock>();
  for (const members of ordered) {
    const own = members.filter((entry) => !entry.block.linkOnly && !topics.has(entry.block) && !entry.block.disclosure);
    const textual = own.filter((entry) => looksLikeQuestion(entry.block.text) || hasDifficultyMark(entry.block.text)).length;
    if (textual === 0 || textual / Math.max(own.length, 1) < 0.6) continue;
    for (const entry of own) {
      accepted.add(entry.block);
      if (entry.block.item!.parent) topics.add(entry.block.item!.parent);
    }
  }
  return items
    .filter((entry) => accepted.has(entry.block))
    .map((entry) => {
      const question = cleanQuestion(entry.block.text);
      const parent = entry.block.item!.parent;
      // "Compare the two." needs the topic it hangs under to make sense on its own.
      if (parent?.kind === 'text' && !accepted.has(parent)) {
        const topic = cleanQuestion(parent.text).replace(/[.:;,]+$/, '');
        const withTopic = `${topic} — ${question}`;
        if (topic && withTopic.length <= MAX_QUESTION_LENGTH) return { index: entry.index, question: withTopic };
      }
      return { index: entry.index, question };
    })
    .filter((entry) => entry.question.length >= 3 && entry.question.length <= MAX_QUESTION_LENGTH && !isLabel(entry.question));
}

/** The questions in one reading of the page, in page order, each with the answer that follows it. */
function questionsIn(root: Element): ExtractedQuestion[] {
  const blocks = pageBlocks(root);
  const tableIds = new Map<Element, number>();
  const candidates = blocks.flatMap((block, index) => candidateOf(block, index, tableIds) ?? []);
  const starts = new Map(acceptedStarts(candidates, blocks).map((start) => [start.index, start]));

  const found: Array<ExtractedQuestion & { index: number }> = [];
  const covered = new Set<number>();
  let current: { item: ExtractedQuestion & { index: number }; start: Candidate } | undefined;
  let section: string | undefined;
  blocks.forEach((block, index) => {
    const start = starts.get(index);
    // Inside the answer to a question heading, bold lines and lead-ins are the answer's own structure.
    const nested = start && current?.start.heading !== undefined && start.heading === undefined;
    if (start && !nested) {
      const item = { index, question: start.question, outline: start.inlineAnswer ? answerPoints(start.inlineAnswer) : [], section };
      found.push(item);
      current = { item, start };
      covered.add(index);
      return;
    }
    if (block.kind === 'heading') {
      const endsCurrent = current && (current.start.heading === undefined || block.level <= current.start.heading);
      if (endsCurrent) current = undefined;
      if (!current && block.level >= 2) section = sectionName(block.text);
      return;
    }
    if (block.kind === 'end') {
      if (current && (current.start.shape === 'disclosure' || current.start.shape.startsWith('table-')) && current.start.heading === undefined) current = undefined;
      return;
    }
    if (!current) return;
    covered.add(index);
    if (current.item.outline.length < MAX_POINTS) current.item.outline.push(...pointsOf(block).slice(0, MAX_POINTS - current.item.outline.length));
  });
  for (const { index, question } of listQuestions(blocks, covered)) found.push({ index, question, outline: [], section: sectionBefore(blocks, index) });
  return found.sort((a, b) => a.index - b.index).map(({ index: _index, section: itemSection, ...item }) => (itemSection ? { ...item, section: itemSection } : item));
}

function sectionBefore(blocks: readonly Block[], index: number): string | undefined {
  for (let i = index - 1; i >= 0; i--) {
    const block = blocks[i]!;
    if (block.kind === 'heading' && block.level >= 2) return sectionName(block.text);
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
  const readable = (copy.body?.getElementsByTagName('*').length ?? 0) <= MAX_READABILITY_ELEMENTS && isProbablyReaderable(copy, { minContentLength: 80, minScore: 10 });
  const article = readable ? new Readability(copy).parse() : null;
  for (const chrome of wholePage.querySelectorAll(CHROME)) chrome.remove();

  const fromPage = questionsIn(wholePage);
  const fromArticle = article?.content ? questionsIn(parseSanitised(article.content, tools)) : [];
  const best = fromPage.length >= Math.max(fromArticle.length * 1.25, fromArticle.length + 3) ? fromPage : fromArticle.length > 0 ? fromArticle : fromPage;

  const title = (article?.title ?? document.title ?? '').replace(/\s+/g, ' ').trim();
  // Declared questions come after the page's own, so a question both show keeps the page's fuller answer.
  return { title, questions: withoutRepeats([...best, ...structuredQuestions(document, tools)]) };
}

