import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import type { HtmlTools } from './html-tools';

/** HTML parsing and sanitising under Node (tests and the import command), with jsdom: scripts never run. */
export function nodeHtmlTools(): HtmlTools & { parsePage(html: string, url?: string): Document } {
  const purify = createDOMPurify(new JSDOM('').window as unknown as Window & typeof globalThis);
  const parseHtml = (html: string) => new JSDOM(html).window.document;
  return {
    parseHtml,
    parsePage: (html, url) => new JSDOM(html, { url: url ?? 'https://example.invalid/' }).window.document,
    sanitize: (html) => purify.sanitize(html),
  };
}
