import { Marked } from 'marked';
import { parseMarkdownPack } from '../knowledge/markdown-pack';
import { extractQuestions, type PageExtraction } from './extract-questions';
import type { HtmlTools } from './html-tools';
import { looksLikeQuestion } from './question-text';

const markdown = new Marked({ gfm: true });

/** Lines only a Cuecard pack has: entry metadata and outline block titles. */
export const PACK_LINE =
  /^(?:id|category|tags|frequency|frame|also asked|phrasings|key points|pitfalls|follow-ups|numbers|aliases):/im;

/**
 * A Markdown question list (a README) as HTML, so it goes through the same extraction
 * as a web page. The result is untrusted: it is sanitised before anything reads it.
 */
export function markdownToHtml(text: string): string {
  return `<!doctype html><html><body><article>${markdown.parse(text, { async: false })}</article></body></html>`;
}

/**
 * The questions of a Markdown file that is a question list rather than a Cuecard pack,
 * or null when the pack format should read it. The pack format wins when the file uses
 * its metadata lines, or when its "## " headings read as questions at least as well as
 * what the page extraction finds.
 */
export function markdownQuestionList(text: string, fileName: string, tools: HtmlTools): PageExtraction | null {
  if (PACK_LINE.test(text)) return null;
  const extraction = extractQuestions(tools.parseHtml(markdownToHtml(text)), tools);
  if (extraction.questions.length === 0) return null;
  let packQuestions = 0;
  try {
    packQuestions = parseMarkdownPack(text, { fileName }).entries.filter((entry) =>
      looksLikeQuestion(entry.question),
    ).length;
  } catch {
    // Not a pack: the extraction reads it.
  }
  if (packQuestions >= extraction.questions.length) return null;
  const heading = /^#\s+(.+)$/m.exec(text)?.[1]?.trim();
  return { title: heading || extraction.title || fileName, questions: extraction.questions };
}
