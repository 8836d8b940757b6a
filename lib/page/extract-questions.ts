import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { parseSanitised, type HtmlTools } from './html-tools';
import { DISCLOSURE_MARK, pageBlocks, PROMPT_MARK, type Block, type TextBlock } from './page-blocks';
import { RENDERED_BOLD, RENDERED_HIDDEN } from './read-rendered-page';
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
  MAX_QUESTION_LENGTH,
  reportedQuestion,
  splitSentences,
} from './question-text';
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
/** Boxes around an article that ask questions of their own ("Want more tips?"), by class or id: dropped before reading. */
const PROMO_BOX =
  /(?:^|[\s_-])(?:newsletter|subscribe|signup|promo|sponsor|advert|related|comment|share|cookie|popup|modal|cta(?![a-z])|upsell|breadcrumb)/i;
/** Comment threads: chatter under an article, but the content itself on a forum or a Reddit thread. */
const COMMENT_BOX = /(?:^|[\s_-])comment/i;
/** A toggle's label by its class ("expand-control-text", "accordion__title", "faq-question"), where no control marks it. */
const DISCLOSURE_CLASS =
  /(?:^|[\s_-])(?:expand|toggle|accordion|collaps|faq)[\w-]*?(?:control|title|header|heading|trigger|label|summary|question)(?![a-z])/i;
/** Headings of the site's own sections after an article: teasers, author bios, comments. Nothing under them is a question or an answer. */
const CHROME_HEADING =
  /^(?:more from|recommended|related|you (?:might|may) also (?:like|enjoy)|read next|up next|more (?:stories|articles|posts) |popular (?:posts|articles|now)|trending|similar (?:reads|posts|articles)|suggested (?:topics|posts|reads)|written by|about the author|responses|comments?\b|\d+ (?:comments|responses|replies)|leave a (?:reply|comment)|join the conversation|share (?:this|the post))/i;
const READ_TIME = /^\W*\d+\s*min(?:ute)?s?\s+read\b/i;
/** Controls that open an accordion panel: their label is the question. */
const DISCLOSURE_TRIGGERS =
  'button[aria-expanded], button[aria-controls], [role="button"][aria-expanded], [role="tab"][aria-expanded], [data-bs-toggle="collapse"], [data-toggle="collapse"]';
const MAX_POINTS = 40;
/** More elements than any article page we have seen (the golden pages hold at most about 1,500). */
const MAX_READABILITY_ELEMENTS = 15_000;

/**
 * A copy of the page ready to read: promotional boxes gone, collapsed answers shown,
 * accordion buttons turned into marked text (Readability and the sanitiser drop buttons).
 */
function readableCopy(document: Document): Document {
  const copy = document.cloneNode(true) as Document;
  // What the page did not show, when it was read rendered: menus, dialogs, templates (collapsed panels are not marked).
  for (const hidden of copy.querySelectorAll(`[${RENDERED_HIDDEN}]`)) hidden.remove();
  // Bold by an inline style reads as bold whether or not the page was read rendered (Readability drops style attributes).
  for (const styled of copy.querySelectorAll('[style*="font-weight" i]'))
    if (/font-weight\s*:\s*(?:bold|[6-9]00)\b/i.test(styled.getAttribute('style') ?? ''))
      styled.setAttribute(RENDERED_BOLD, '');
  // One pass with one pattern: thirty attribute selectors cost more than the rest of the reading.
  // Words are matched from their start ("relatedPosts", "post-share"), so "notion-selectable" is not a call to action.
  const promos: Array<{ box: Element; comment: boolean }> = [];
  const labels: Element[] = [];
  for (const box of copy.body?.querySelectorAll('[class], [id]') ?? []) {
    const name = `${box.getAttribute('class') ?? ''} ${box.id}`.replace(/([a-z])([A-Z])/g, '$1 $2');
    if (PROMO_BOX.test(name))
      promos.push({ box, comment: COMMENT_BOX.test(name) && !PROMO_BOX.test(name.replace(COMMENT_BOX, ' ')) });
    else if (DISCLOSURE_CLASS.test(name)) labels.push(box);
  }
  // Comments that hold most of the page's text are what the page is (a thread), not boxes around it.
  const commentText = promos
    .filter(({ box, comment }) => comment && !promos.some((other) => other.box !== box && other.box.contains(box)))
    .reduce((sum, { box }) => sum + (box.textContent?.length ?? 0), 0);
  const thread = commentText > 0.5 * (copy.body?.textContent?.length ?? 0);
  for (const { box, comment } of promos) if (!(thread && comment)) box.remove();
  for (const label of labels) {
    const text = cleanSpace(label.textContent ?? '');
    if (
      !label.isConnected ||
      !text ||
      text.length > MAX_QUESTION_LENGTH ||
      label.querySelector(`p, ul, ol, table, pre, [${DISCLOSURE_MARK}]`) ||
      label.closest(`[${DISCLOSURE_MARK}]`)
    )
      continue;
    label.setAttribute(DISCLOSURE_MARK, '');
  }
  for (const dialog of copy.querySelectorAll('[role="dialog"], [role="alertdialog"]')) dialog.remove();
  // HTML drawn inside an SVG (a Marp slide deck) is read as HTML: the reader and the sanitiser skip SVG.
  for (const drawing of copy.querySelectorAll('svg')) {
    const embedded = [...drawing.querySelectorAll('foreignObject')];
    if (embedded.length > 0 && drawing.isConnected)
      drawing.replaceWith(...embedded.flatMap((object) => [...object.childNodes]));
  }
  // A box that opens with a chrome heading ("More from…", "Responses (23)") is that section: gone whole, as Readability may drop the heading and keep the cards.
  for (const heading of copy.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')) {
    const text = cleanSpace(heading.textContent ?? '');
    if (!CHROME_HEADING.test(text) || !heading.isConnected) continue;
    let box: Element = heading;
    while (
      box.parentElement &&
      !/^(?:BODY|MAIN|ARTICLE)$/i.test(box.parentElement.tagName) &&
      cleanSpace(box.parentElement.textContent ?? '').startsWith(text)
    )
      box = box.parentElement;
    // A heading straight inside the article has no box of its own: its section runs to the next heading as high.
    if (box === heading && /^H[1-6]$/i.test(heading.tagName)) {
      const level = Number(heading.tagName[1]);
      for (
        let next = heading.nextElementSibling;
        next && !(/^H[1-6]$/i.test(next.tagName) && Number(next.tagName[1]) <= level);
      ) {
        const after: Element | null = next.nextElementSibling;
        next.remove();
        next = after;
      }
    }
    box.remove();
  }
  for (const trigger of copy.querySelectorAll(DISCLOSURE_TRIGGERS)) {
    // An icon-only control (a toggle's caret, as Notion draws it) labels the block beside it.
    if (!trigger.textContent?.trim()) {
      const beside = trigger.nextElementSibling;
      if (beside?.textContent?.trim() && !beside.querySelector(DISCLOSURE_TRIGGERS)) {
        const label = copy.createElement('span');
        label.setAttribute(DISCLOSURE_MARK, '');
        label.append(...beside.childNodes);
        beside.append(label);
      }
      trigger.remove();
      continue;
    }
    const label = copy.createElement('span');
    label.setAttribute(DISCLOSURE_MARK, '');
    label.append(...trigger.childNodes);
    trigger.replaceWith(label);
  }
  for (const group of choiceGroups(copy)) markChoices(group, copy);
  for (const hidden of copy.querySelectorAll('[hidden]')) hidden.removeAttribute('hidden');
  for (const collapsed of copy.querySelectorAll('[style*="display" i]'))
    (collapsed as HTMLElement).style.removeProperty('display');
  for (const details of copy.querySelectorAll('details')) details.setAttribute('open', '');
  collapseSpaces(copy);
  return copy;
}

const CHOICE = 'input[type="radio" i], input[type="checkbox" i], [role="radio"], [role="checkbox"]';
/** An option the page marks right: a class word "correct" (not "incorrect"), a "Correct" icon label, a data flag, a tick. */
const MARKED_RIGHT = /(?:^|[\s_-])(?:correct|right)(?:[\s_-]|answer|$)/i;
const isMarkedRight = (option: Element) =>
  [option, ...option.querySelectorAll('[class], [title], [aria-label], [data-correct]')].some(
    (element) =>
      MARKED_RIGHT.test(element.getAttribute('class') ?? '') ||
      /^correct\b/i.test(element.getAttribute('title') ?? element.getAttribute('aria-label') ?? '') ||
      element.getAttribute('data-correct') === 'true',
  ) || /[✓✔✅]|\((?:correct|right answer)\)/i.test(option.textContent ?? '');
/** "Select one:", "Choose all that apply": instructions between a quiz question and its options. */
const CHOICE_INSTRUCTION = /^(?:select|choose|pick|check|tick|mark)\b.{0,30}$/i;

/** The options of each multiple-choice question: the smallest box holding two or more choice controls. */
function choiceGroups(copy: Document): Element[] {
  const groups = new Set<Element>();
  for (const control of copy.querySelectorAll(CHOICE)) {
    let box = control.parentElement;
    while (box && box.querySelectorAll(CHOICE).length < 2) box = box.parentElement;
    if (box && box !== copy.body) groups.add(box);
  }
  // Options as a plain list, one of them ticked or marked right.
  for (const list of copy.querySelectorAll('ul, ol')) {
    const items = [...list.children].filter((child) => child.tagName === 'LI');
    // Only the item's own class and text: looking inside every item of every list costs too much on long pages.
    const ticked = items.filter(
      (item) =>
        MARKED_RIGHT.test(item.getAttribute('class') ?? '') ||
        /[✓✔✅]|\((?:correct|right answer)\)/i.test(item.textContent ?? ''),
    );
    if (items.length >= 3 && ticked.length === 1) groups.add(list);
  }
  return [...groups].filter((group) => ![...groups].some((other) => other !== group && group.contains(other)));
}

/**
 * A quiz question read the way a card wants it: the text above the options marked as the
 * question, the options replaced by the one(s) marked right (kept as they are when none is).
 */
function markChoices(group: Element, copy: Document): void {
  const options = [...group.children].filter(
    (child) => child.tagName === 'LI' || child.matches(CHOICE) || child.querySelector(CHOICE),
  );
  if (options.length < 2) return;
  const right = options.filter(isMarkedRight);
  if (right.length > 0 && right.length < options.length) {
    const answer = copy.createElement('p');
    answer.textContent = right
      .map((option) =>
        cleanSpace((option.textContent ?? '').replace(/[✓✔✅]|\((?:correct|right answer)\)/gi, '')).replace(
          /^[a-h][.)]\s+/i,
          '',
        ),
      )
      .join('; ');
    // The fieldset around the options goes too (Readability drops fieldsets, and the answer with them), unless its legend is the question.
    const fieldset = group.closest('fieldset');
    const legend = cleanSpace(fieldset?.querySelector('legend')?.textContent ?? '');
    if (fieldset && (!legend || CHOICE_INSTRUCTION.test(legend))) group = fieldset;
    group.replaceWith(answer);
    group = answer;
  }
  // The question is the nearest text before the options, past instructions such as "Select one:".
  for (let node: Element | null = group, depth = 0; node && depth < 4; node = node.parentElement, depth++) {
    for (let before = node.previousElementSibling; before; before = before.previousElementSibling) {
      const text = cleanSpace(before.textContent ?? '');
      if (!text) continue;
      if (CHOICE_INSTRUCTION.test(text)) {
        before.remove();
        continue;
      }
      // On the innermost element that holds all of it: Readability swaps a box with one paragraph for the paragraph.
      let prompt = before;
      while (prompt.children.length === 1 && cleanSpace(prompt.children[0]!.textContent ?? '') === text)
        prompt = prompt.children[0]!;
      prompt.setAttribute(PROMPT_MARK, '');
      return;
    }
  }
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
    if (text.data.length > 1 && /\s\s/.test(text.data) && !text.parentElement?.closest('pre, textarea'))
      text.data = text.data.replace(/\s+/g, ' ');
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
function candidateOf(
  block: Block,
  index: number,
  tableIds: Map<Element, number>,
  titled: boolean,
): Candidate | undefined {
  if (block.kind === 'heading') {
    if ((block.level === 1 && titled && !block.disclosure) || block.elsewhere) return undefined;
    const numbered = isNumbered(block.text);
    const shape = block.disclosure ? 'disclosure' : numbered ? `numbered-h${block.level}` : `h${block.level}`;
    return {
      index,
      block,
      shape,
      question: cleanQuestion(block.text),
      textual: looksLikeQuestion(block.text),
      number: numbered ? numberOf(block.text) : undefined,
      heading: block.level,
    };
  }
  if (block.kind === 'row') {
    const text = block.question === undefined ? undefined : block.cells[block.question];
    if (!text || block.header || block.questionLinkOnly) return undefined;
    if (!tableIds.has(block.table)) tableIds.set(block.table, tableIds.size);
    return {
      index,
      block,
      shape: `table-${tableIds.get(block.table)}`,
      question: cleanQuestion(text),
      textual: looksLikeQuestion(text),
    };
  }
  if (block.kind !== 'text' || block.linkOnly) return undefined;
  if (block.prompt) return { index, block, shape: 'prompt', question: cleanQuestion(block.text), textual: true };
  if (block.disclosure)
    return {
      index,
      block,
      shape: 'disclosure',
      question: cleanQuestion(block.text),
      textual: looksLikeQuestion(block.text),
    };
  if (block.lead && block.bold) {
    const numbered = isNumbered(block.text);
    return {
      index,
      block,
      shape: numbered ? 'numbered-bold' : 'bold',
      question: cleanQuestion(block.text),
      textual: looksLikeQuestion(block.text),
      number: numbered ? numberOf(block.text) : undefined,
    };
  }
  if (block.lead) {
    if (looksLikeQuestion(block.lead.text))
      return {
        index,
        block,
        shape: 'lead',
        question: cleanQuestion(block.lead.text),
        textual: true,
        inlineAnswer: block.lead.rest,
      };
    // "**2) Factorial**. Calculate a factorial": the numbered lead-in opens a task the paragraph states.
    if (isNumbered(block.lead.text))
      return {
        index,
        block,
        shape: 'numbered-lead',
        question: cleanQuestion(block.text),
        textual: looksLikeQuestion(block.text),
        number: numberOf(block.lead.text),
      };
    return undefined;
  }
  if (/^\s*(?:q|question)\s*\d*\s*[:.]\s/i.test(block.text) && !block.item)
    return {
      index,
      block,
      shape: 'q-label',
      question: cleanQuestion(block.text.replace(/^\s*(?:q|question)\s*/i, '')),
      textual: true,
    };
  // A quoted line that asks: the question someone was asked (a forum reply, an interview report).
  if (block.quoted && looksLikeQuestion(block.text))
    return { index, block, shape: 'quote', question: cleanQuestion(block.text), textual: true };
  const reported = block.item ? undefined : reportedQuestion(block.text);
  if (reported)
    return { index, block, shape: 'reported', question: reported.question, textual: true, inlineAnswer: reported.rest };
  // A paragraph that is one question and nothing else (notes typed without any emphasis): weighed page-wide below.
  const own = !block.item && !block.quoted && block.text.length <= 200 && looksLikeQuestion(block.text);
  if (own && (/\?["”’)]?$/.test(block.text) || isNumbered(block.text)) && splitSentences(block.text).length === 1)
    return {
      index,
      block,
      shape: 'plain',
      question: cleanQuestion(block.text),
      textual: true,
      number: numberOf(block.text),
    };
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
    const first = members[0]!.block;
    const questionHeader =
      first.kind === 'row' &&
      blocks.some(
        (block) =>
          block.kind === 'row' &&
          block.header &&
          block.table === first.table &&
          /question|^q$/i.test(block.cells[first.question!] ?? ''),
      );
    const mostly = textual >= (isTable ? 2 : 3) && textual / members.length >= 0.6;
    if (questionHeader || mostly || (textual >= 1 && counts(members.map((member) => member.number))))
      wholeShape.add(shape);
  }
  // Plain question paragraphs carry a page only when it sets out its questions no other way, three or more of them.
  const others = candidates.some(
    (candidate) =>
      candidate.shape !== 'plain' &&
      (candidate.textual || wholeShape.has(candidate.shape)) &&
      !/^h\d$/.test(candidate.shape),
  );
  const plain = byShape.get('plain') ?? [];
  const plainPage = !others && plain.length >= 3 && (plain.length >= 5 || counts(plain.map((member) => member.number)));
  return candidates.filter(
    (candidate) =>
      (candidate.shape !== 'plain' || plainPage) &&
      (candidate.textual || wholeShape.has(candidate.shape)) &&
      candidate.question.length >= 3 &&
      candidate.question.length <= MAX_QUESTION_LENGTH &&
      !isLabel(candidate.question),
  );
}

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

/** List items that are questions: a list (or nested list) whose items mostly read as questions. */
function listQuestions(
  blocks: readonly Block[],
  covered: ReadonlySet<number>,
): Array<{ index: number; question: string }> {
  const items = blocks
    .map((block, index) => ({ block, index }))
    .filter(
      (entry): entry is { block: TextBlock; index: number } =>
        entry.block.kind === 'text' && entry.block.item?.own === true && !covered.has(entry.index),
    );
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
    const textual = own.filter(
      (entry) => looksLikeQuestion(entry.block.text) || hasDifficultyMark(entry.block.text),
    ).length;
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
    .filter(
      (entry) => entry.question.length >= 3 && entry.question.length <= MAX_QUESTION_LENGTH && !isLabel(entry.question),
    );
}

/** The questions in one reading of the page, in page order, each with the answer that follows it. */
function questionsIn(root: Element): ExtractedQuestion[] {
  const blocks = pageBlocks(root);
  const tableIds = new Map<Element, number>();
  // One or two top headings are the page's title; a slide deck gives every slide one.
  const titled = blocks.filter((block) => block.kind === 'heading' && block.level === 1).length < 3;
  const candidates = blocks.flatMap((block, index) => candidateOf(block, index, tableIds, titled) ?? []);
  const starts = new Map(acceptedStarts(candidates, blocks).map((start) => [start.index, start]));

  const found: Array<ExtractedQuestion & { index: number }> = [];
  const covered = new Set<number>();
  let current: { item: ExtractedQuestion & { index: number }; start: Candidate } | undefined;
  let section: string | undefined;
  // Inside the site's sections after the article (CHROME_HEADING), at this heading level.
  let chromeLevel: number | undefined;
  const teasers = new Set<ExtractedQuestion>();
  blocks.forEach((block, index) => {
    if (block.kind === 'heading' && CHROME_HEADING.test(block.text)) {
      chromeLevel = Math.min(chromeLevel ?? block.level, block.level);
      current = undefined;
    } else if (block.kind === 'heading' && chromeLevel !== undefined && block.level <= chromeLevel)
      chromeLevel = undefined;
    if (chromeLevel !== undefined) {
      covered.add(index);
      return;
    }
    const start = starts.get(index);
    // Inside the answer to a question heading, bold lines and lead-ins are the answer's own structure.
    // A question someone reports inside the answer to one the page sets out is part of that answer.
    const reporting = (shape: string) => shape === 'quote' || shape === 'reported';
    const nested =
      start &&
      current &&
      ((current.start.heading !== undefined && start.heading === undefined) ||
        (reporting(start.shape) && !reporting(current.start.shape)));
    if (start && !nested) {
      const item = {
        index,
        question: start.question,
        outline: start.inlineAnswer ? answerPoints(start.inlineAnswer) : [],
        section,
      };
      found.push(item);
      current = { item, start };
      covered.add(index);
      return;
    }
    // "Feedback", "Answer", "Explanation" headings inside an answer belong to it.
    if (block.kind === 'heading' && current && isLabel(block.text)) return;
    if (block.kind === 'heading') {
      const endsCurrent = current && (current.start.heading === undefined || block.level <= current.start.heading);
      if (endsCurrent) current = undefined;
      if (!current && block.level >= 2) section = block.elsewhere ? section : sectionName(block.text);
      return;
    }
    if (block.kind === 'end') {
      if (
        current &&
        (current.start.shape === 'disclosure' || current.start.shape.startsWith('table-')) &&
        current.start.heading === undefined
      )
        current = undefined;
      return;
    }
    // What someone reports ends with the post it is in.
    if (
      current &&
      block.kind === 'text' &&
      reporting(current.start.shape) &&
      current.start.block.kind === 'text' &&
      block.box !== current.start.block.box
    )
      current = undefined;
    if (!current) return;
    covered.add(index);
    // "6 min read" under a title: a teaser card for another article, not a question and its answer.
    if (block.kind === 'text' && READ_TIME.test(block.text)) teasers.add(current.item);
    // A point the answer already made ("The correct answer is: …" after the marked option) is not repeated.
    const points = pointsOf(block).filter((point) => !current!.item.outline.includes(point));
    if (current.item.outline.length < MAX_POINTS)
      current.item.outline.push(...points.slice(0, MAX_POINTS - current.item.outline.length));
  });
  for (const { index, question } of listQuestions(blocks, covered))
    found.push({ index, question, outline: [], section: sectionBefore(blocks, index) });
  return found
    .filter((item) => !teasers.has(item))
    .sort((a, b) => a.index - b.index)
    .map(({ index: _index, section: itemSection, ...item }) =>
      itemSection ? { ...item, section: itemSection } : item,
    );
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
