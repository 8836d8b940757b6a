import { browserHtmlTools } from './browser-html-tools';
import { extractQuestions, type PageExtraction } from './extract-questions';

/** What the panel does with a page it has read: parse the HTML inertly and find its questions. */
export function extractPageHtml(html: string): PageExtraction {
  return extractQuestions(browserHtmlTools.parseHtml(html), browserHtmlTools);
}
