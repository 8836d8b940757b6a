import { isProbablyReaderable, Readability } from '@mozilla/readability';

export interface ExtractedQuestion {
  question: string;
  /** The text under the question, as separate points (list items, paragraphs). */
  outline: string[];
}

export interface PageExtraction {
  title: string;
  questions: ExtractedQuestion[];
}

export interface HtmlTools {
  /** Parses HTML into an inert document (DOMParser in the browser, jsdom under Node): scripts never run. */
  parseHtml(html: string): Document;
  /** Sanitises HTML (DOMPurify) before anything reads it. */
  sanitize(html: string): string;
}

const NUMBERING = /^\s*(?:q(?:uestion)?\s*\d+\s*[:.)-]|\d+\s*[.):-]|#\d+\s*[:.-]?)\s*/i;
/** Without a question mark, a heading is a question only as a task or a wh-word with a verb after it. */
const TASK_START =
  /^(?:explain|describe|design|build|implement|walk me through|tell me|talk about|compare|give|write|define|derive|estimate|suppose|imagine|how would you|how do you|how does|how can|what is|what are|why is|why are|why do|why does|when would you|when should|which|can you|could you|would you|do you|have you)\b/i;
const LEAD_IN = /^\s*(?:how to approach it|approach|answer|a|tip|hint|what to say)\s*[:—-]\s*/i;
const BLOCKS_TO_DROP = 'nav, header, footer, aside, form, script, style, noscript, iframe, [role="navigation"], [role="banner"], [role="contentinfo"], [aria-hidden="true"]';
/** Boxes around an article that ask questions of their own ("Want more tips?"): dropped before reading. */
const PROMO_BOXES = ['newsletter', 'subscribe', 'signup', 'promo', 'sponsor', 'advert', 'related', 'comment', 'share', 'cookie', 'popup', 'modal', 'cta']
  .flatMap((word) => [`[class*="${word}" i]`, `[id*="${word}" i]`])
  .join(', ');

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Text that reads as an interview question: a question mark, or a question or task opening. */
export function looksLikeQuestion(text: string): boolean {
  const stripped = clean(text).replace(NUMBERING, '');
  if (stripped.length < 12 || stripped.length > 220) return false;
  return /\?$/.test(stripped) || TASK_START.test(stripped);
}

const questionText = (element: Element) => clean(element.textContent ?? '').replace(NUMBERING, '');

/** A paragraph or list item that is all bold: "**1. What is overfitting?**". */
function isBoldLine(element: Element): boolean {
  if (!['P', 'LI', 'DIV'].includes(element.tagName)) return false;
  const strong = element.querySelector('strong, b');
  return strong !== null && clean(strong.textContent ?? '') === clean(element.textContent ?? '');
}

function headingLevel(element: Element): number {
  return /^H[1-6]$/.test(element.tagName) ? Number(element.tagName[1]) : 0;
}

/** The points inside an element: its list items, or its own text. */
function pointsOf(element: Element): string[] {
  const items = [...element.querySelectorAll('li')].map((item) => clean(item.textContent ?? ''));
  if (items.length > 0) {
    const lead = [...element.children].filter((child) => child.tagName === 'P').map((child) => clean(child.textContent ?? ''));
    return [...lead, ...items].map((item) => item.replace(LEAD_IN, '')).filter(Boolean);
  }
  const text = clean(element.textContent ?? '').replace(LEAD_IN, '');
  return text ? [text] : [];
}

function isQuestionStart(element: Element): boolean {
  if (headingLevel(element) >= 2) return looksLikeQuestion(element.textContent ?? '');
  return isBoldLine(element) && looksLikeQuestion(element.textContent ?? '');
}

/** Questions as headings or bold lines, with what follows them up to the next question or section. */
function fromSequences(root: Element): ExtractedQuestion[] {
  const found: ExtractedQuestion[] = [];
  const starts = [...root.querySelectorAll('h2, h3, h4, h5, h6, p, li, div')].filter(isQuestionStart);
  for (const start of starts) {
    const level = headingLevel(start);
    const outline: string[] = [];
    for (let next = start.nextElementSibling; next; next = next.nextElementSibling) {
      const nextLevel = headingLevel(next);
      if (isQuestionStart(next) || (nextLevel > 0 && (level === 0 || nextLevel <= level))) break;
      outline.push(...pointsOf(next));
    }
    if (outline.length > 0) found.push({ question: questionText(start), outline });
  }
  return found;
}

/** FAQ shapes: <details><summary>Q</summary>A</details> and <dl><dt>Q</dt><dd>A</dd></dl>. */
function fromFaqBlocks(root: Element): ExtractedQuestion[] {
  const found: ExtractedQuestion[] = [];
  for (const details of root.querySelectorAll('details')) {
    const summary = details.querySelector('summary');
    if (!summary || !looksLikeQuestion(summary.textContent ?? '')) continue;
    const outline = [...details.children].filter((child) => child !== summary).flatMap(pointsOf);
    if (outline.length > 0) found.push({ question: questionText(summary), outline });
  }
  for (const term of root.querySelectorAll('dt')) {
    if (!looksLikeQuestion(term.textContent ?? '')) continue;
    const outline: string[] = [];
    for (let next = term.nextElementSibling; next?.tagName === 'DD'; next = next.nextElementSibling) outline.push(...pointsOf(next));
    if (outline.length > 0) found.push({ question: questionText(term), outline });
  }
  return found;
}

/** The article of a page: Readability on a clone (it changes the document it reads), else the page without its chrome. */
function articleOf(document: Document, tools: HtmlTools): { title: string; root: Element } {
  const cleanCopy = () => {
    const clone = document.cloneNode(true) as Document;
    for (const box of clone.querySelectorAll(PROMO_BOXES)) box.remove();
    return clone;
  };
  const forReadability = cleanCopy();
  const article = isProbablyReaderable(forReadability) ? new Readability(forReadability).parse() : null;
  const html = article?.content ?? cleanCopy().body?.innerHTML ?? '';
  const parsed = tools.parseHtml(`<!doctype html><body>${tools.sanitize(html)}</body>`);
  if (!article) for (const chrome of parsed.querySelectorAll(BLOCKS_TO_DROP)) chrome.remove();
  return { title: clean(article?.title ?? document.title ?? ''), root: parsed.body };
}

/**
 * Finds the interview questions on a page and the outline under each: question
 * headings, numbered bold questions with notes below, and FAQ blocks. Navigation,
 * footers, sidebars and ads are left out by reading only the article.
 */
export function extractQuestions(document: Document, tools: HtmlTools): PageExtraction {
  const { title, root } = articleOf(document, tools);
  const seen = new Set<string>();
  const questions = [...fromFaqBlocks(root), ...fromSequences(root)].filter((item) => {
    const key = item.question.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // Keep page order: the order of first appearance in the article text.
  const text = clean(root.textContent ?? '');
  questions.sort((a, b) => text.indexOf(a.question) - text.indexOf(b.question));
  return { title, questions };
}
