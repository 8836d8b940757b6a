import { RENDERED_BOLD, RENDERED_HEADING } from './read-rendered-page';
import { cleanSpace, looksLikeQuestion } from './question-text';

/**
 * A page read in order as a flat list of blocks: headings, runs of text, code, table
 * rows and the edges of disclosure widgets. Question finding works on this list, so a
 * question is found by its shape wherever the page's markup nests it.
 */
export type Block =
  | {
      kind: 'heading';
      level: number;
      text: string;
      disclosure: boolean;
      /** All of it links to another page: a teaser card's title, a post's author and date line. */
      elsewhere?: boolean;
    }
  | {
      kind: 'text';
      text: string;
      /** The bold words a paragraph opens with, and what follows them. */
      lead?: { text: string; rest: string };
      /** All of the text is bold. */
      bold: boolean;
      /** All of the text is inside links: navigation, a table of contents, a reference. */
      linkOnly: boolean;
      /** Set on text inside a list item: its list, the item it is nested in, and whether it is the item's own text. */
      item?: ListPlace & { own?: boolean };
      /** A <summary>, <dt> or accordion trigger: the label of what follows. */
      disclosure: boolean;
      /** The text a choice of answers is set under (PROMPT_MARK). */
      prompt?: boolean;
      /** Inside a <blockquote>: words the writer quotes. */
      quoted?: boolean;
      /** The box the text sits in (a post's body, a cell, an article): what someone reports ends with it. */
      box?: Element;
    }
  | { kind: 'code'; text: string }
  | {
      kind: 'row';
      cells: string[];
      header: boolean;
      table: Element;
      /** The column that holds the table's questions, when one does; the columns after it hold the answer. */
      question?: number;
      /** The question cell is all link: an index of other pages, not questions. */
      questionLinkOnly: boolean;
    }
  | { kind: 'end' };

export type TextBlock = Extract<Block, { kind: 'text' }>;
interface ListPlace {
  list: Element;
  depth: number;
  parent?: TextBlock;
}

const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'IMG',
  'PICTURE',
  'VIDEO',
  'AUDIO',
  'CANVAS',
  'IFRAME',
  'INPUT',
  'SELECT',
  'TEXTAREA',
  'OBJECT',
  'EMBED',
  'MATH',
]);
const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'CENTER',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);
const isElement = (node: Node): node is Element => node.nodeType === 1;
const isBlock = (node: Node) => isElement(node) && (BLOCK.has(node.tagName) || SKIP.has(node.tagName.toUpperCase()));

/** Marks the element a page uses to open an accordion panel, so its label survives as text. */
export const DISCLOSURE_MARK = 'data-cuecard-disclosure';
/** Marks the text a page sets a choice of answers under (a quiz's question): a question by its place. */
export const PROMPT_MARK = 'data-cuecard-prompt';

/** Text as it reads: inline pieces joined as they are ("**M**ean" is "Mean"), line breaks and blocks as spaces. */
function textOf(nodes: readonly Node[]): string {
  let text = '';
  const visit = (node: Node) => {
    if (node.nodeType === 3) text += node.textContent ?? '';
    else if (isElement(node)) {
      const tag = node.tagName.toUpperCase();
      if (SKIP.has(tag) || tag === 'BR') text += ' ';
      else {
        const block = BLOCK.has(tag);
        if (block) text += ' ';
        for (const child of node.childNodes) visit(child);
        if (block) text += ' ';
      }
    }
  };
  for (const node of nodes) visit(node);
  return cleanSpace(text);
}

/** The opening bold run of a paragraph ("<strong>1. Tell me about yourself.</strong><br>How to…"). */
function leadOf(nodes: readonly Node[]): { text: string; rest: string } | undefined {
  const meaningful = nodes.filter((node) => !(node.nodeType === 3 && !node.textContent?.trim()));
  const first = meaningful[0];
  if (!first || !isElement(first)) return undefined;
  // A link around the bold text, or bold around a link, still opens the paragraph in bold.
  const boldInside = (element: Element): boolean =>
    ['STRONG', 'B'].includes(element.tagName) ||
    element.hasAttribute(RENDERED_BOLD) ||
    (element.children.length === 1 &&
      element.textContent?.trim() === element.children[0]!.textContent?.trim() &&
      boldInside(element.children[0]!));
  if (!boldInside(first)) return undefined;
  return { text: cleanSpace(first.textContent ?? ''), rest: textOf(meaningful.slice(1)) };
}

/** The element sits in a link to another page, or all its text does ("#…" anchors on the same page do not count). */
function linksElsewhere(element: Element): boolean {
  const away = (link: Element | null) => link !== null && !(link.getAttribute('href') ?? '').startsWith('#');
  if (away(element.closest('a[href]'))) return true;
  const links = [...element.querySelectorAll('a[href]')];
  return links.length > 0 && links.every(away) && linkOnly([element]);
}

function linkOnly(nodes: readonly Node[]): boolean {
  let linked = 0;
  let total = 0;
  const visit = (node: Node, inLink: boolean) => {
    if (node.nodeType === 3) {
      const length = (node.textContent ?? '').replace(/[\s\p{P}\p{S}]/gu, '').length;
      total += length;
      if (inLink) linked += length;
    } else if (isElement(node)) for (const child of node.childNodes) visit(child, inLink || node.tagName === 'A');
  };
  for (const node of nodes) visit(node, false);
  return total > 0 && linked / total > 0.8;
}

/**
 * The column of a table that holds its questions: the one its header calls "Question", else
 * the one with the most cells that read as questions, when two or more and at least 40% of its cells do.
 * Tables without one (a glossary, a comparison inside an answer) are content, kept whole.
 */
function questionColumn(header: readonly string[], body: ReadonlyArray<readonly string[]>): number | undefined {
  const named = header.findIndex((text) => /^(?:q|questions?|interview questions?)\b/i.test(text.trim()));
  if (named >= 0) return named;
  let best: number | undefined;
  let bestCount = 0;
  const width = Math.max(0, ...body.map((row) => row.length));
  for (let column = 0; column < width; column++) {
    const count = body.filter((row) => row[column] && looksLikeQuestion(row[column]!)).length;
    if (count > bestCount) [best, bestCount] = [column, count];
  }
  return best !== undefined && bestCount >= 2 && bestCount / body.length >= 0.4 ? best : undefined;
}

interface Context {
  item?: ListPlace;
  disclosure: boolean;
  /** Inside an element drawn bold as a whole (a class or style, not <strong>). */
  bold?: boolean;
  prompt?: boolean;
  quoted?: boolean;
}

/** The level of a heading the page marks by role (`role="heading" aria-level="3"`) or draws by size, not by tag. */
function headingLevelOf(element: Element): number | undefined {
  if (element.getAttribute('role') === 'heading') return Number(element.getAttribute('aria-level')) || 2;
  const drawn = element.getAttribute(RENDERED_HEADING);
  return drawn ? Number(drawn) || 3 : undefined;
}

/** Reads a subtree into blocks, in document order. */
export function pageBlocks(root: Element): Block[] {
  const blocks: Block[] = [];

  const flush = (run: Node[], context: Context, within?: Element): TextBlock | undefined => {
    const text = textOf(run);
    if (!text) return undefined;
    const lead = context.bold ? { text, rest: '' } : leadOf(run);
    const block: TextBlock = {
      kind: 'text',
      text,
      lead,
      bold: lead !== undefined && lead.rest.replace(/[\s\p{P}\p{S}]/gu, '') === '',
      linkOnly: linkOnly(run),
      item: context.item ? { ...context.item } : undefined,
      disclosure:
        context.disclosure ||
        run.some(
          (node) =>
            isElement(node) &&
            (node.hasAttribute(DISCLOSURE_MARK) || node.querySelector(`[${DISCLOSURE_MARK}]`) !== null),
        ),
      prompt: context.prompt || run.some((node) => isElement(node) && node.hasAttribute(PROMPT_MARK)) || undefined,
      quoted: context.quoted,
      box: within?.closest('div, article, section, main, aside, td, li, body') ?? undefined,
    };
    blocks.push(block);
    return block;
  };

  /** Inline runs become text blocks; block children are read in turn. Returns the first text block, for list items. */
  const readChildren = (element: Element, context: Context): TextBlock | undefined => {
    let run: Node[] = [];
    let first: TextBlock | undefined;
    const settle = (block: TextBlock | undefined) => {
      if (!block || first) return;
      first = block;
      // A list item's first text is the item itself; items nested further down hang under it.
      if (context.item && itemStack.length > 0 && itemStack.at(-1) === undefined) {
        block.item!.own = true;
        itemStack[itemStack.length - 1] = block;
      }
    };
    const flushRun = () => {
      settle(flush(run, context, element));
      run = [];
    };
    for (const child of element.childNodes) {
      if (isBlock(child)) {
        flushRun();
        // A list item's own text, when wrapped in a first <p>, is still the item's text.
        const ownText = first === undefined && (child as Element).tagName === 'P';
        const block = read(child as Element, ownText ? context : { ...context, disclosure: false });
        if (ownText) settle(block);
      } else if (child.nodeType === 3 || isElement(child)) run.push(child);
    }
    flushRun();
    return first;
  };
  // The own-text block of each list item being read, innermost last.
  const itemStack: Array<TextBlock | undefined> = [];

  const readTable = (table: Element) => {
    const rows = [...table.querySelectorAll('tr')]
      .filter((row) => row.closest('table') === table)
      .map((row) => {
        const cells = [...row.children].filter((cell) => cell.tagName === 'TD' || cell.tagName === 'TH');
        return {
          cells,
          texts: cells.map((cell) => textOf([cell])),
          header: cells.length > 0 && cells.every((cell) => cell.tagName === 'TH'),
        };
      });
    const headerTexts = rows.find((row) => row.header)?.texts ?? [];
    const question = questionColumn(
      headerTexts,
      rows.filter((row) => !row.header && row.cells.length >= 2).map((row) => row.texts),
    );
    const linked = rows.map(
      (row) => question !== undefined && row.cells[question] !== undefined && linkOnly([row.cells[question]]),
    );
    // A table of contents: when most question cells are links, the rest are its section labels.
    const index = linked.filter(Boolean).length * 2 >= rows.filter((row) => !row.header).length;
    for (const [i, { cells, texts, header }] of rows.entries()) {
      blocks.push({ kind: 'row', cells: texts, header, table, question, questionLinkOnly: index || linked[i]! });
      if (question === undefined || header) continue;
      // The answer is the columns after the question's (before it when it is the last): the first read as blocks, so its lists and code keep their shape, the others as labelled lines.
      const after = cells.slice(question + 1);
      const answer = after.length > 0 ? after : cells.slice(0, question);
      const columns = after.length > 0 ? answer.map((_, i) => question + 1 + i) : answer.map((_, i) => i);
      if (answer[0]) readChildren(answer[0], { disclosure: false });
      answer.slice(1).forEach((cell, i) => {
        const text = texts[columns[i + 1]!];
        const label = headerTexts[columns[i + 1]!];
        if (text)
          blocks.push({
            kind: 'text',
            text: label ? `${label}: ${text}` : text,
            bold: false,
            linkOnly: linkOnly([cell]),
            disclosure: false,
          });
      });
      blocks.push({ kind: 'end' });
    }
  };

  const read = (element: Element, context: Context): TextBlock | undefined => {
    const tag = element.tagName.toUpperCase();
    if (SKIP.has(tag) || tag === 'HR') return undefined;
    const level = /^H[1-6]$/.test(tag) ? Number(tag[1]) : headingLevelOf(element);
    if (level !== undefined) {
      const text = textOf([element]);
      if (text)
        blocks.push({
          kind: 'heading',
          level,
          text,
          disclosure: element.querySelector(`[${DISCLOSURE_MARK}]`) !== null,
          elsewhere: linksElsewhere(element) || undefined,
        });
      return undefined;
    }
    if (element.hasAttribute(PROMPT_MARK) && !context.prompt)
      return readChildren(element, { ...context, prompt: true });
    if (element.hasAttribute(DISCLOSURE_MARK) && !context.disclosure)
      return readChildren(element, { ...context, disclosure: true });
    if (tag === 'BLOCKQUOTE' && !context.quoted) return readChildren(element, { ...context, quoted: true });
    if (element.hasAttribute(RENDERED_BOLD) && !context.bold) return readChildren(element, { ...context, bold: true });
    if (tag === 'PRE') {
      // trimEnd, not /\s+$/: that pattern backtracks over every run of spaces, quadratic on a hostile page.
      const text = (element.textContent ?? '').replace(/^\n+/, '').trimEnd();
      if (text) blocks.push({ kind: 'code', text });
      return undefined;
    }
    if (tag === 'TABLE') {
      readTable(element);
      return undefined;
    }
    if (tag === 'DETAILS') {
      const summary = [...element.children].find((child) => child.tagName === 'SUMMARY');
      if (summary) readChildren(summary, { ...context, disclosure: true });
      for (const child of element.children) if (child !== summary) read(child, { ...context, disclosure: false });
      // Loose text directly inside <details> (after the summary) is part of the answer too.
      const loose = [...element.childNodes].filter((node) => node.nodeType === 3 && node.textContent?.trim());
      if (loose.length > 0) flush(loose, { ...context, disclosure: false });
      blocks.push({ kind: 'end' });
      return undefined;
    }
    if (tag === 'DT') return readChildren(element, { ...context, disclosure: true });
    if (tag === 'DL') {
      readChildren(element, context);
      blocks.push({ kind: 'end' });
      return undefined;
    }
    if (tag === 'UL' || tag === 'OL') {
      const depth = (context.item?.depth ?? -1) + 1;
      for (const child of element.children) {
        if (child.tagName !== 'LI') {
          read(child, context);
          continue;
        }
        const parent = itemStack.at(-1);
        itemStack.push(undefined);
        readChildren(child, { item: { list: element, depth, parent }, disclosure: false });
        itemStack.pop();
      }
      return undefined;
    }
    return readChildren(element, context);
  };
  read(root, { disclosure: false });
  return blocks;
}
