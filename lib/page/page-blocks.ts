import { RENDERED_BOLD, RENDERED_HEADING } from './read-rendered-page';
import { isBlock, isElement, leadOf, linkOnly, linksElsewhere, SKIP, textOf } from './node-text';
import { readTable } from './table-blocks';

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

/** Marks the element a page uses to open an accordion panel, so its label survives as text. */
export const DISCLOSURE_MARK = 'data-cuecard-disclosure';
/** Marks the text a page sets a choice of answers under (a quiz's question): a question by its place. */
export const PROMPT_MARK = 'data-cuecard-prompt';

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

/** The blocks read so far, and the own-text block of each list item being read, innermost last. */
interface Walk {
  blocks: Block[];
  itemStack: Array<TextBlock | undefined>;
}

function flush(walk: Walk, run: Node[], context: Context, within?: Element): TextBlock | undefined {
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
  walk.blocks.push(block);
  return block;
}

/** Inline runs become text blocks; block children are read in turn. Returns the first text block, for list items. */
function readChildren(walk: Walk, element: Element, context: Context): TextBlock | undefined {
  const { itemStack } = walk;
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
    settle(flush(walk, run, context, element));
    run = [];
  };
  for (const child of element.childNodes) {
    if (isBlock(child)) {
      flushRun();
      // A list item's own text, when wrapped in a first <p>, is still the item's text.
      const ownText = first === undefined && (child as Element).tagName === 'P';
      const block = read(walk, child as Element, ownText ? context : { ...context, disclosure: false });
      if (ownText) settle(block);
    } else if (child.nodeType === 3 || isElement(child)) run.push(child);
  }
  flushRun();
  return first;
}

function readDetails(walk: Walk, element: Element, context: Context): void {
  const summary = [...element.children].find((child) => child.tagName === 'SUMMARY');
  if (summary) readChildren(walk, summary, { ...context, disclosure: true });
  for (const child of element.children) if (child !== summary) read(walk, child, { ...context, disclosure: false });
  // Loose text directly inside <details> (after the summary) is part of the answer too.
  const loose = [...element.childNodes].filter((node) => node.nodeType === 3 && node.textContent?.trim());
  if (loose.length > 0) flush(walk, loose, { ...context, disclosure: false });
  walk.blocks.push({ kind: 'end' });
}

function readList(walk: Walk, list: Element, context: Context): void {
  const depth = (context.item?.depth ?? -1) + 1;
  for (const child of list.children) {
    if (child.tagName !== 'LI') {
      read(walk, child, context);
      continue;
    }
    const parent = walk.itemStack.at(-1);
    walk.itemStack.push(undefined);
    readChildren(walk, child, { item: { list, depth, parent }, disclosure: false });
    walk.itemStack.pop();
  }
}

/** Reads one element into blocks; returns its first text block, for list items. */
function read(walk: Walk, element: Element, context: Context): TextBlock | undefined {
  const tag = element.tagName.toUpperCase();
  if (SKIP.has(tag) || tag === 'HR') return undefined;
  const level = /^H[1-6]$/.test(tag) ? Number(tag[1]) : headingLevelOf(element);
  if (level !== undefined) {
    const text = textOf([element]);
    if (text)
      walk.blocks.push({
        kind: 'heading',
        level,
        text,
        disclosure: element.querySelector(`[${DISCLOSURE_MARK}]`) !== null,
        elsewhere: linksElsewhere(element) || undefined,
      });
    return undefined;
  }
  if (element.hasAttribute(PROMPT_MARK) && !context.prompt)
    return readChildren(walk, element, { ...context, prompt: true });
  if (element.hasAttribute(DISCLOSURE_MARK) && !context.disclosure)
    return readChildren(walk, element, { ...context, disclosure: true });
  if (tag === 'BLOCKQUOTE' && !context.quoted) return readChildren(walk, element, { ...context, quoted: true });
  if (element.hasAttribute(RENDERED_BOLD) && !context.bold)
    return readChildren(walk, element, { ...context, bold: true });
  if (tag === 'PRE') {
    // trimEnd, not /\s+$/: that pattern backtracks over every run of spaces, quadratic on a hostile page.
    const text = (element.textContent ?? '').replace(/^\n+/, '').trimEnd();
    if (text) walk.blocks.push({ kind: 'code', text });
  } else if (tag === 'TABLE')
    readTable(element, walk.blocks, (cell) => readChildren(walk, cell, { disclosure: false }));
  else if (tag === 'DETAILS') readDetails(walk, element, context);
  else if (tag === 'DT') return readChildren(walk, element, { ...context, disclosure: true });
  else if (tag === 'DL') {
    readChildren(walk, element, context);
    walk.blocks.push({ kind: 'end' });
  } else if (tag === 'UL' || tag === 'OL') readList(walk, element, context);
  else return readChildren(walk, element, context);
  return undefined;
}

/** Reads a subtree into blocks, in document order. */
export function pageBlocks(root: Element): Block[] {
  const walk: Walk = { blocks: [], itemStack: [] };
  read(walk, root, { disclosure: false });
  return walk.blocks;
}
