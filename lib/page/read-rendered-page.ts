/** Set on an element the page draws bold (font-weight ≥ 600) where its parent is not, however the site marks it. */
export const RENDERED_BOLD = 'data-cuecard-bold';
/** Set on a short block drawn notably larger than the page's body text: a heading by looks, with a level 1–3. */
export const RENDERED_HEADING = 'data-cuecard-heading';
/** Set on an element the page does not show (display: none, visibility: hidden) that is not a collapsed panel. */
export const RENDERED_HIDDEN = 'data-cuecard-hidden';

/** The few computed-style facts the marks need. */
export type StyleFacts = Pick<CSSStyleDeclaration, 'display' | 'visibility' | 'fontWeight' | 'fontSize'>;

export interface RenderedPage {
  html: string;
  url: string;
  title: string;
}

/**
 * The page's HTML with what its rendering tells written into a copy as data attributes
 * (RENDERED_BOLD, RENDERED_HEADING, RENDERED_HIDDEN), so the pure extractor, which reads an
 * inert parse of that HTML, knows bold set by a CSS class, headings drawn by size and
 * hidden site chrome. Collapsed toggles, <details> and panels a control opens keep their text.
 *
 * The panel runs this in the tab with chrome.scripting.executeScript, which sends the
 * function's source alone: it must not use anything from outside its own body (the
 * attribute names are repeated below for that reason). The live page is only read; the
 * marks go on a clone. Under Node (tests, the import command) `inPlace` marks a jsdom
 * document of our own directly, and `styleOf` stands in for getComputedStyle, which jsdom
 * computes far too slowly for a whole page.
 *
 * size: one function, since chrome.scripting sends its source alone (no helpers outside it)
 */
export function readRenderedPage(
  source: Document = document,
  options: { inPlace?: boolean; styleOf?: (element: Element) => StyleFacts } = {},
): RenderedPage {
  const root = source.documentElement;
  const copyRoot = options.inPlace ? root : (root.cloneNode(true) as Element);
  const view = source.defaultView;
  const styleOf = options.styleOf ?? (view ? (element: Element) => view.getComputedStyle(element) : undefined);
  const liveBody = source.body;
  const copyBody = options.inPlace ? liveBody : copyRoot.querySelector('body');
  if (styleOf && liveBody && copyBody) {
    const BOLD = 'data-cuecard-bold';
    const HEADING = 'data-cuecard-heading';
    const HIDDEN = 'data-cuecard-hidden';
    const KEYWORD_SIZES: Record<string, number> = {
      'xx-small': 9,
      'x-small': 10,
      small: 13,
      medium: 16,
      large: 18,
      'x-large': 24,
      'xx-large': 32,
    };
    const rootSize = 16;
    // Chrome gives "700" and "18px"; jsdom gives the declared value ("bold", "1.5em", "11pt").
    const weightOf = (value: string, parent: number) =>
      /^\d+$/.test(value)
        ? Number(value)
        : /bold/.test(value)
          ? 700
          : value === 'normal' || value === 'lighter'
            ? 400
            : parent;
    const sizeOf = (value: string, parent: number): number => {
      const match = /^([\d.]+)(px|pt|em|rem|%)$/.exec(value.trim());
      if (!match) return KEYWORD_SIZES[value.trim()] ?? parent;
      const amount = Number(match[1]);
      return match[2] === 'px'
        ? amount
        : match[2] === 'pt'
          ? (amount * 4) / 3
          : match[2] === 'em'
            ? amount * parent
            : match[2] === 'rem'
              ? amount * rootSize
              : (amount / 100) * parent;
    };
    // Panels a control opens: their ids, named by aria-controls or a collapse target.
    const controlled = new Set<string>();
    for (const control of source.querySelectorAll('[aria-controls], [data-bs-target], [data-target]'))
      for (const name of ['aria-controls', 'data-bs-target', 'data-target'])
        for (const id of (control.getAttribute(name) ?? '').split(/\s+/)) if (id) controlled.add(id.replace(/^#/, ''));
    const collapsedPanel = (element: Element): boolean => {
      if (
        element.closest('details') ||
        controlled.has(element.id) ||
        element.getAttribute('role') === 'tabpanel' ||
        element.getAttribute('role') === 'region'
      )
        return true;
      // A toggle's body follows the row that holds its control (Notion, most accordions).
      for (let node: Element | null = element, depth = 0; node && depth < 3; node = node.parentElement, depth++) {
        const before = node.previousElementSibling;
        if (before && (before.hasAttribute('aria-expanded') || before.querySelector('[aria-expanded]'))) return true;
      }
      return false;
    };
    const BLOCK_DISPLAY = /^(?:block|flex|grid|list-item|table-cell|flow-root)$/;
    const sizes = new Map<number, number>();
    const larger: Array<{ copy: Element; size: number; bold: boolean }> = [];
    const visit = (live: Element, copy: Element, parentWeight: number, parentSize: number) => {
      const style = styleOf(live);
      if (style.display === 'none' || style.visibility === 'hidden') {
        if (!collapsedPanel(live)) {
          copy.setAttribute(HIDDEN, '');
          return;
        }
      }
      const weight = weightOf(style.fontWeight, parentWeight);
      const size = sizeOf(style.fontSize, parentSize);
      if (weight >= 600 && parentWeight < 600) copy.setAttribute(BOLD, '');
      let ownText = 0;
      for (let child = live.firstChild; child; child = child.nextSibling)
        if (child.nodeType === 3) ownText += (child.textContent ?? '').trim().length;
      if (ownText > 0) sizes.set(Math.round(size), (sizes.get(Math.round(size)) ?? 0) + ownText);
      if (size > parentSize * 1.1 && BLOCK_DISPLAY.test(style.display) && !/^H[1-6]$/.test(live.tagName))
        larger.push({ copy, size, bold: weight >= 600 });
      // Sibling links, not indexed collections: jsdom answers those through a proxy, slowly.
      let copyChild = copy.firstElementChild;
      for (let liveChild = live.firstElementChild; liveChild; liveChild = liveChild.nextElementSibling) {
        // A page script that changed the clone (a custom element's constructor) ends the marking there.
        if (!copyChild || copyChild.tagName !== liveChild.tagName) return;
        visit(liveChild, copyChild, weight, size);
        copyChild = copyChild.nextElementSibling;
      }
    };
    const bodyStyle = styleOf(liveBody);
    visit(liveBody, copyBody, 400, sizeOf(bodyStyle.fontSize, rootSize));
    // Body text is the size most text is set in.
    let bodySize = rootSize;
    let most = 0;
    for (const [size, amount] of sizes) if (amount > most) [bodySize, most] = [size, amount];
    for (const { copy, size, bold } of larger) {
      const text = (copy.textContent ?? '').trim();
      // Large and bold, or much larger: a lead paragraph or a pull quote set a little large is no heading.
      if (
        size < bodySize * (bold ? 1.25 : 1.5) ||
        !/\p{L}\p{L}/u.test(text) ||
        text.length > 200 ||
        copy.querySelector('p, li, table, pre')
      )
        continue;
      copy.setAttribute(HEADING, size >= bodySize * 2 ? '1' : size >= bodySize * 1.5 ? '2' : '3');
    }
  }
  return { html: copyRoot.outerHTML, url: source.location?.href ?? '', title: source.title };
}
