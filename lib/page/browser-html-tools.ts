import DOMPurify from 'dompurify';
import type { HtmlTools } from './html-tools';

/** DOMParser makes an inert document (its scripts never run); DOMPurify cleans what Readability kept. */
export const browserHtmlTools: HtmlTools = {
  parseHtml: (html) => new DOMParser().parseFromString(html, 'text/html'),
  sanitize: (html) => DOMPurify.sanitize(html),
};
