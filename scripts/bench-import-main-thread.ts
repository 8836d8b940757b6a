// bench:import's reference: the extraction on the page's own thread with the browser's DOMParser
// and DOMPurify, as the panel ran it before import moved into a worker. Only for comparison.
import DOMPurify from 'dompurify';
import { extractQuestions } from '../lib/page/extract-questions';

const tools = {
  parseHtml: (html: string) => new DOMParser().parseFromString(html, 'text/html'),
  sanitize: (html: string) => DOMPurify.sanitize(html),
};

export function extractOnMainThread(html: string): number {
  return extractQuestions(tools.parseHtml(html), tools).questions.length;
}
