import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import type { HtmlTools } from './html-tools';
import { declaredStyles } from './declared-style';
import { readRenderedPage } from './read-rendered-page';

/** HTML parsing and sanitising under Node (tests and the import command), with jsdom: scripts never run. */
export function nodeHtmlTools(): HtmlTools & { parsePage(html: string, url?: string): Document } {
  const purify = createDOMPurify(new JSDOM('').window);
  const parseHtml = (html: string) => new JSDOM(html).window.document;
  return {
    parseHtml,
    // A page as the panel reads it: with what its styles tell written in (bold by a class, hidden chrome).
    parsePage: (html, url) => {
      const document = new JSDOM(html, { url: url ?? 'https://example.invalid/' }).window.document;
      readRenderedPage(document, { inPlace: true, styleOf: declaredStyles(document) });
      return document;
    },
    sanitize: (html) => purify.sanitize(html),
  };
}
