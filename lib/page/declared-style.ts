import type { StyleFacts } from './read-rendered-page';

const BLOCK_TAGS =
  /^(?:ADDRESS|ARTICLE|ASIDE|BLOCKQUOTE|BODY|DD|DETAILS|DIV|DL|DT|FIELDSET|FIGCAPTION|FIGURE|FOOTER|FORM|H[1-6]|HEADER|HR|MAIN|NAV|OL|P|PRE|SECTION|SUMMARY|UL)$/;
const HIDDEN_TAGS = /^(?:SCRIPT|STYLE|NOSCRIPT|TEMPLATE|HEAD|TITLE|META|LINK)$/;
const HEADING_SIZES: Record<string, string> = {
  H1: '2em',
  H2: '1.5em',
  H3: '1.17em',
  H4: '1em',
  H5: '0.83em',
  H6: '0.67em',
};
const PROPERTIES = ['display', 'visibility', 'font-weight', 'font-size'] as const;
type Declared = Partial<Record<(typeof PROPERTIES)[number], string>>;

/**
 * The style facts a page declares, for reading it under Node: its own style sheets' rules
 * and inline styles applied in source order (specificity and `!important` are not
 * weighed), over the browser's defaults for tags. A stand-in for getComputedStyle, which
 * jsdom takes tens of milliseconds per element to answer; the browser uses the real one.
 * Undeclared values are '' (inherited from the parent by the reader).
 */
export function declaredStyles(document: Document): (element: Element) => StyleFacts {
  const declared = new Map<Element, Declared>();
  const declare = (element: Element, style: CSSStyleDeclaration) => {
    for (const property of PROPERTIES) {
      const value = style.getPropertyValue(property).trim();
      if (!value) continue;
      const entry = declared.get(element) ?? {};
      entry[property] = value;
      declared.set(element, entry);
    }
  };
  for (const sheet of document.styleSheets) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue;
    }
    for (const rule of rules) {
      const { selectorText, style } = rule as CSSStyleRule;
      if (!selectorText || !style || !PROPERTIES.some((property) => style.getPropertyValue(property))) continue;
      let matched: NodeListOf<Element>;
      try {
        matched = document.querySelectorAll(selectorText);
      } catch {
        continue; // a selector jsdom does not know (pseudo-elements, new syntax)
      }
      for (const element of matched) declare(element, style);
    }
  }
  for (const element of document.querySelectorAll('[style]')) declare(element, (element as HTMLElement).style);
  return (element) => {
    const own = declared.get(element) ?? {};
    const tag = element.tagName.toUpperCase();
    return {
      display:
        own.display ??
        (element.hasAttribute('hidden') || HIDDEN_TAGS.test(tag)
          ? 'none'
          : BLOCK_TAGS.test(tag)
            ? 'block'
            : tag === 'LI'
              ? 'list-item'
              : /^T[DH]$/.test(tag)
                ? 'table-cell'
                : 'inline'),
      visibility: own.visibility ?? '',
      fontWeight: own['font-weight'] ?? (/^(?:STRONG|B|TH|H[1-6])$/.test(tag) ? 'bold' : ''),
      fontSize: own['font-size'] ?? HEADING_SIZES[tag] ?? '',
    };
  };
}
