import type { ExtractedQuestion } from './extract-questions';
import { parseSanitised, type HtmlTools } from './html-tools';
import { cleanAnswerText, cleanQuestion, splitSentences } from './question-text';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const MAX_JSON_LD_LENGTH = 2_000_000;

/** Every object in a JSON-LD value, however it nests them (@graph, mainEntity, arrays). */
function* objectsIn(value: Json, depth = 0): Generator<{ [key: string]: Json }> {
  if (depth > 12 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) yield* objectsIn(item, depth + 1);
    return;
  }
  yield value;
  for (const child of Object.values(value)) yield* objectsIn(child, depth + 1);
}

const typeIs = (object: { [key: string]: Json }, type: string) => {
  const declared = object['@type'];
  return declared === type || (Array.isArray(declared) && declared.includes(type));
};

/** An answer's HTML as key points, read inertly and sanitised like the page itself. */
function pointsOfHtml(html: string, tools: HtmlTools): string[] {
  const body = parseSanitised(html, tools);
  const parts = [...body.querySelectorAll('p, li')].map((element) => element.textContent ?? '');
  const texts = parts.length > 0 ? parts : [body.textContent ?? ''];
  return texts.map(cleanAnswerText).filter(Boolean).flatMap(splitSentences);
}

/**
 * Questions a page declares for search engines: schema.org FAQPage/QAPage in JSON-LD
 * (read as data, never run) and Question microdata. They fill in what the visible page
 * hides (collapsed panels) or lays out in ways the block reader cannot follow.
 */
export function structuredQuestions(document: Document, tools: HtmlTools): ExtractedQuestion[] {
  const found: ExtractedQuestion[] = [];
  for (const script of document.querySelectorAll('script[type="application/ld+json" i]')) {
    const source = script.textContent ?? '';
    if (source.length > MAX_JSON_LD_LENGTH) continue;
    let data: Json;
    try {
      data = JSON.parse(source) as Json;
    } catch {
      continue;
    }
    for (const object of objectsIn(data)) {
      if (!typeIs(object, 'Question') || typeof object.name !== 'string') continue;
      const answer = object.acceptedAnswer ?? object.suggestedAnswer;
      const first = Array.isArray(answer) ? answer[0] : answer;
      const text =
        first && typeof first === 'object' && !Array.isArray(first) && typeof first.text === 'string' ? first.text : '';
      found.push({ question: cleanQuestion(object.name), outline: pointsOfHtml(text, tools) });
    }
  }
  for (const item of document.querySelectorAll('[itemtype*="schema.org/Question" i]')) {
    const name = item.querySelector('[itemprop="name"]');
    const answer = item.querySelector(
      '[itemprop="acceptedAnswer"] [itemprop="text"], [itemprop="suggestedAnswer"] [itemprop="text"]',
    );
    if (!name) continue;
    found.push({
      question: cleanQuestion(name.textContent ?? ''),
      outline: answer ? pointsOfHtml(answer.innerHTML, tools) : [],
    });
  }
  return found.filter((item) => item.question.length > 0);
}
