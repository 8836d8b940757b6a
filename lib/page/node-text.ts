import { RENDERED_BOLD } from './read-rendered-page';
import { cleanSpace } from './question-text';

// What a run of DOM nodes says and how it is set: its text, a bold lead, links. The block reader
// (page-blocks) sorts a page into blocks with these.

/** Elements whose content is not text to read: scripts, media, form controls. */
export const SKIP = new Set([
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
/** Elements that start a new block of text; everything else runs inline. */
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
export const isElement = (node: Node): node is Element => node.nodeType === 1;
export const isBlock = (node: Node) =>
  isElement(node) && (BLOCK.has(node.tagName) || SKIP.has(node.tagName.toUpperCase()));

/** Text as it reads: inline pieces joined as they are ("**M**ean" is "Mean"), line breaks and blocks as spaces. */
export function textOf(nodes: readonly Node[]): string {
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
export function leadOf(nodes: readonly Node[]): { text: string; rest: string } | undefined {
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
export function linksElsewhere(element: Element): boolean {
  const away = (link: Element | null) => link !== null && !(link.getAttribute('href') ?? '').startsWith('#');
  if (away(element.closest('a[href]'))) return true;
  const links = [...element.querySelectorAll('a[href]')];
  return links.length > 0 && links.every(away) && linkOnly([element]);
}
/** More than 80% of the text (letters and digits) sits inside links. */
export function linkOnly(nodes: readonly Node[]): boolean {
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
