import { Marked } from 'marked';

const markdown = new Marked({ gfm: true });

/**
 * A Markdown question list (a README) as HTML, so it goes through the same extraction
 * as a web page. The result is untrusted: it is sanitised before anything reads it.
 */
export function markdownToHtml(text: string): string {
  return `<!doctype html><html><body><article>${markdown.parse(text, { async: false })}</article></body></html>`;
}
