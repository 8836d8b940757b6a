import { parseHTML } from 'linkedom';
import type { HtmlTools } from './html-tools';

/** Elements whose content is never text to read. */
const NOT_TEXT = 'script, style, template, noscript, iframe, object, embed, svg, math';

/**
 * HTML parsing for the import worker, where there is no DOMParser: linkedom builds the
 * document (it runs no script and loads nothing). It needs a whole document, so a
 * fragment is wrapped in <html>. DOMPurify does not run on linkedom; the worker only
 * returns text, and the sanitiser's part here is to drop what is never text.
 */
export function workerHtmlTools(): HtmlTools {
  const parseHtml = (html: string) => {
    const whole = /<html[\s>]/i.test(html.slice(0, 4096))
      ? html
      : `<!doctype html><html>${html.replace(/^\s*<!doctype[^>]*>/i, '')}</html>`;
    return parseHTML(whole).document;
  };
  return {
    parseHtml,
    sanitize(html) {
      const { body } = parseHtml(`<body>${html}</body>`);
      for (const element of body.querySelectorAll(NOT_TEXT)) element.remove();
      for (const element of body.querySelectorAll('*'))
        for (const { name } of [...element.attributes]) if (/^on/i.test(name)) element.removeAttribute(name);
      return body.innerHTML;
    },
  };
}
