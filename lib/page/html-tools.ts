export interface HtmlTools {
  /** Parses HTML into an inert document (DOMParser in the browser, jsdom under Node): scripts never run. */
  parseHtml(html: string): Document;
  /** Sanitises HTML (DOMPurify) before anything reads it. */
  sanitize(html: string): string;
}

/** Untrusted HTML (an article, a FAQ answer) sanitised, then parsed inertly: the body to read. */
export function parseSanitised(html: string, tools: HtmlTools): HTMLElement {
  return tools.parseHtml(`<!doctype html><body>${tools.sanitize(html)}</body>`).body;
}
