import { cleanSpace } from './question-text';

/**
 * A page read in order as a flat list of blocks: headings, runs of text, code, table
 * rows and the edges of disclosure widgets. Question finding works on this list, so a
 * question is found by its shape wherever the page's markup nests it.
 */
export type Block =
  | { kind: 'heading'; level: number; text: string; disclosure: boolean }
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
    }
  | { kind: 'code'; text: string }
  | { kind: 'row'; cells: string[]; header: boolean; table: Element; firstCellLinkOnly: boolean }
  | { kind: 'end' };

export type TextBlock = Extract<Block, { kind: 'text' }>;
interface ListPlace {
  list: Element;
  depth: number;
  parent?: TextBlock;
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IMG', 'PICTURE', 'VIDEO', 'AUDIO', 'CANVAS', 'IFRAME', 'INPUT', 'SELECT', 'TEXTAREA', 'OBJECT', 'EMBED', 'MATH']);
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CENTER', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);
const isElement = (node: Node): node is Element => node.nodeType === 1;
const isBlock = (node: Node) => isElement(node) && (BLOCK.has(node.tagName) || SKIP.has(node.tagName.toUpperCase()));

/** Marks the element a page uses to open an accordion panel, so its label survives as text. */
export const DISCLOSURE_MARK = 'data-cuecard-disclosure';

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
    ['STRONG', 'B'].includes(element.tagName) || (element.children.length === 1 && element.textContent?.trim() === element.children[0]!.textContent?.trim() && boldInside(element.children[0]!));
  if (!boldInside(first)) return undefined;
  return { text: cleanSpace(first.textContent ?? ''), rest: textOf(meaningful.slice(1)) };
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

interface Context {
  item?: ListPlace;
  disclosure: boolean;
}

/** Reads a subtree into blocks, in document order. */
export function pageBlocks(root: Element): Block[] {
  const blocks: Block[] = [];

  const flush = (run: Node[], context: Context): TextBlock | undefined => {
    const text = textOf(run);
    if (!text) return undefined;
    const lead = leadOf(run);
    const block: TextBlock = {
      kind: 'text',
      text,
      lead,
      bold: lead !== undefined && lead.rest.replace(/[\s\p{P}\p{S}]/gu, '') === '',
      linkOnly: linkOnly(run),
      item: context.item ? { ...context.item } : undefined,
      disclosure: context.disclosure || run.some((node) => isElement(node) && (node.hasAttribute(DISCLOSURE_MARK) || node.querySelector(`[${DISCLOSURE_MARK}]`) !== null)),
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
      settle(flush(run, context));
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
    for (const row of table.querySelectorAll('tr')) {
      if (row.closest('table') !== table) continue;
      const cells = [...row.children].filter((cell) => cell.tagName === 'TD' || cell.tagName === 'TH');
      blocks.push({
        kind: 'row',
        cells: cells.map((cell) => textOf([cell])),
        header: cells.length > 0 && cells.every((cell) => cell.tagName === 'TH'),
        table,
        firstCellLinkOnly: cells[0] ? linkOnly([cells[0]]) : false,
      });
      // The answer cell is read as blocks too, so its lists and code keep their shape.
      const answer = cells[1];
      if (answer && cells.length === 2) {
        readChildren(answer, { disclosure: false });
        blocks.push({ kind: 'end' });
      }
    }
  };

  const read = (element: Element, context: Context): TextBlock | undefined => {
    const tag = element.tagName.toUpperCase();
    if (SKIP.has(tag) || tag === 'HR') return undefined;
    if (/^H[1-6]$/.test(tag)) {
      const text = textOf([element]);
      if (text) blocks.push({ kind: 'heading', level: Number(tag[1]), text, disclosure: element.querySelector(`[${DISCLOSURE_MARK}]`) !== null });
      return undefined;
    }
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
