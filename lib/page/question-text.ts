import { anyOf } from '../match/any-of';
/**
 * What a line of a page says once its decoration is gone, and whether it reads as an
 * interview question. Pure text rules, shared by every page shape.
 */

/** "1.", "12)", "Q3:", "Q9.", "Question 4 —", "#7", "8.1.2" in front of a question. */
const NUMBERING =
  /^\s*(?:(?:q(?:uestion)?\s*\.?\s*#?\d+|#\s*\d+|\d+(?:\.\d+)*(?!\d|\.\d|\s*%))\s*(?:[:.)\]–—-]+\s*|\s+(?=\S))|\(\d+\)\s*)/i;
/** Difficulty marks: "[E]", "[Medium]", "(hard)". */
const DIFFICULTY_MARK = String.raw`[[(]\s*(?:e|m|h|easy|medium|hard|basic|advanced|beginner|intermediate|expert)\s*[\])]`;
const DIFFICULTY = new RegExp(DIFFICULTY_MARK, 'gi');
const LEADING_DIFFICULTY = new RegExp(String.raw`^\s*${DIFFICULTY_MARK}`, 'i');
/** Pictographs and the joiners and selectors that build them (👶, ⭐️, 🟢, 🔹). */
const EMOJI = /(?:[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}]|[\u{1F3FB}-\u{1F3FF}]|\u200d|\ufe0e|\ufe0f|\u20e3)/gu;
/** Source and answer links left as text: "[src]", "[[src]]", "[Answer]", "[[1]]", "[12]". */
const LINK_DEBRIS = /\[\[?\s*(?:src|source|answer|solution|link|ref|\d{1,3})\s*\]?\]/gi;
const TRAILING_DEBRIS = /\s*(?:\(?\s*read more\s*\)?|↑|⬆|back to top)\s*$/i;

/** A difficulty mark in front ("[E] …", "(Hard) …"): pages mark their questions, not their prose. */
export const hasDifficultyMark = (text: string) => LEADING_DIFFICULTY.test(text);

/** Text to compare: case, punctuation and spacing do not count: "What’s  X?" equals "what's x". */
export function comparable(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export const cleanSpace = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Enough of a line's start to hold its numbering ("Question 12 —"), with runs of spaces made one. */
const NUMBERING_SPAN = 80;

/**
 * True when the text starts with numbering, a sign the page enumerates its questions.
 * Read on the start of the text, spaces collapsed: on a long run of spaces NUMBERING's
 * optional spaces backtrack, quadratic in the run's length.
 */
export const isNumbered = (text: string) => NUMBERING.test(cleanSpace(text.trimStart().slice(0, NUMBERING_SPAN)));

/** A question as the user should see it: no numbering, difficulty marks, emoji, link debris or trailing colon. */
export function cleanQuestion(text: string): string {
  let result = cleanSpace(text.replace(EMOJI, ' ').replace(LINK_DEBRIS, ' ').replace(DIFFICULTY, ' '));
  result = result.replace(NUMBERING, '').replace(TRAILING_DEBRIS, '');
  return cleanSpace(result)
    .replace(/\s*[:–—-]\s*$/, '')
    .replace(/\s+([?.!,])/g, '$1');
}

/** A site's counters and buttons left as lines: "1.4K", "2.3K Followers", "6 min read · Mar 3", "Follow", "Share". */
const PAGE_COUNTS = new RegExp(
  String.raw`^(?:[\d.,]+\s*[km]?(?:\s+${anyOf(`
      followers, following, claps, likes, views, responses, comments, replies, reads
    `)})?|\d+\s*min(?:ute)?s?\s+read\b.*|follow|following|listen|share|save|reply|like|clap|see all responses)$`,
  'i',
);

/** Answer text without link debris and emoji; "Read more" and "Back to top" lines become empty. */
export function cleanAnswerText(text: string): string {
  const result = cleanSpace(text.replace(EMOJI, ' ').replace(LINK_DEBRIS, ' ')).replace(/\s+([?.!,;:])/g, '$1');
  return /^(?:read more|back to top|see answer|answer|source|src|link|(?:your answer is )?(?:partially )?(?:in)?correct)\W*$/i.test(
    result,
  ) || PAGE_COUNTS.test(result)
    ? ''
    : result;
}

/** Labels that open an answer ("How to approach it:", "Answer:", "A:"), dropped from the outline. */
export const ANSWER_LABEL = new RegExp(
  String.raw`^\s*${anyOf(`
      how to (?:approach|answer) (?:it|this), how to answer, approach, (?:the )?correct answer(?: is)?,
      (?:sample |example |model |short )?answer, a, ans, solution, tip, hint, what to say, explanation
    `)}\s*[:—–-]\s*`,
  'i',
);

/** Words that name a part of a page or an answer, never a question. */
const LABEL = new RegExp(
  String.raw`^${anyOf(`
      answers?, solutions?, hints?, examples?, notes?, tips?, explanation, feedback, question text, output,
      input, summary, conclusion, introduction, overview, contents, table of contents, references, resources,
      further reading, see also, faq, questions?, related( posts| articles)?
    `)}\s*:?$`,
  'i',
);
export const isLabel = (text: string) => LABEL.test(cleanSpace(text));

const TASK = new RegExp(
  String.raw`^${anyOf(`
      explain, describe, design, build, implement, write, code, define, derive, estimate, compute, calculate,
      count, find, return, reverse, sort, merge, list, name, compare, contrast, distinguish, differentiate,
      give, tell, talk, walk, suppose, imagine, given, create, draw, prove, show, discuss, outline, state,
      teach, share, take me, convince, sell, pitch, propose, model, plan, debug, optimi[sz]e, improve, evaluate,
      analy[sz]e, summari[sz]e, detect, check, determine, print, generate, simulate, solve, predict, recommend,
      identify, elaborate, clarify
    `)}\b`,
  'i',
);
const WH_ASK = new RegExp(
  String.raw`^${anyOf(`
      what, why, how, when, where, which, who, whom, whose
    `)}(?:'s|’s)?\s+${anyOf(`
      is, are, was, were, do, does, did, can, could, would, should, will, shall, has, have, had, might, may,
      must, makes?, happens?, causes?, motivates?, drives?, kind, type, sort, role, metrics?, if, about, else,
      exactly
    `)}\b`,
  'i',
);
const YES_NO =
  /^(?:is|are|can|could|would|should|do|does|did|have|has|will|shall)\s+(?:you|we|it|there|they|the|a|an|this|that|your|one|i)\b/i;
const COMPARISON = /\S\s+(?:vs\.?|versus)\s+\S/i;

/** The longest text still read as one question; longer is a paragraph. */
export const MAX_QUESTION_LENGTH = 300;

/**
 * Text that reads as an interview question on its own: a question mark at the end, a
 * task ("Implement…", "Reverse…"), a wh-question, or a comparison ("Epoch vs. batch").
 */
export function looksLikeQuestion(raw: string): boolean {
  const text = cleanQuestion(raw);
  if (text.length < 8 || text.length > MAX_QUESTION_LENGTH || isLabel(text)) return false;
  if (/\?["”’)]?$/.test(text)) return text.length >= 10 && /\s/.test(text);
  if (text.length > 160) return false;
  return TASK.test(text) || WH_ASK.test(text) || YES_NO.test(text) || (COMPARISON.test(text) && text.length <= 100);
}

const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });
/** How much text the segmenter sees at once (see sentencesOf). */
const SEGMENT_WINDOW = 1_000;

/**
 * The sentences of a text, read a window at a time. V8 copies the whole input into every
 * segment it hands out, so one pass over a long text with many breaks is quadratic; a
 * window's last sentence may be cut, so it is read again at the start of the next window.
 */
function sentencesOf(text: string): string[] {
  const found: string[] = [];
  let open = '';
  for (let start = 0; start < text.length;) {
    const window = text.slice(start, start + SEGMENT_WINDOW);
    const parts = [...sentences.segment(window)].map((part) => part.segment);
    const final = start + SEGMENT_WINDOW >= text.length;
    // No break inside the window: all of it belongs to the sentence still open.
    const done = final ? parts : parts.slice(0, -1);
    if (done.length === 0) {
      open += window;
      start += window.length;
      continue;
    }
    found.push(open + done[0], ...done.slice(1));
    open = '';
    start += done.reduce((length, part) => length + part.length, 0);
  }
  if (open) found.push(open);
  return found;
}

/** Words around a quote that say it was asked: "I was asked “…”", "the round opened with “…”". */
const ASKED_CONTEXT =
  /\b(?:ask(?:ed|s|ing)?|questions?|rounds?|interview(?:er)?s?|screen(?:ing)?|onsite|opened with|started with|followed up with)\b/i;
const QUOTED = /[“"]([^”"]{8,300})[”"]/g;
const ASKED_TO =
  /\b(?:was|were|got|been|get|be)\s+asked\s+to\s+(\w+)\s+([^.?!]{3,250}[.?!]?)|\basked\s+me\s+to\s+(\w+)\s+([^.?!]{3,250}[.?!]?)/i;

/**
 * A question someone says they were asked, inside a paragraph of their own words (a forum
 * reply): a quoted question in a sentence about asking ("I was asked “What is …?”"), or "I
 * was asked to explain X" as "Explain X." Returns it with the text that follows it, the start
 * of the answer; undefined for a paragraph that only asks something itself.
 */
export function reportedQuestion(text: string): { question: string; rest: string } | undefined {
  // Most paragraphs say nothing about asking: no need to cut them into sentences.
  if (text.length > 2000 || !ASKED_CONTEXT.test(text)) return undefined;
  for (const part of sentences.segment(text)) {
    const sentence = part.segment;
    const after = () => text.slice(part.index + sentence.length).trim();
    if (ASKED_CONTEXT.test(sentence)) {
      for (const match of sentence.matchAll(QUOTED)) {
        const quoted = match[1]!.trim();
        if (looksLikeQuestion(quoted)) return { question: cleanQuestion(quoted), rest: after() };
      }
    }
    const task = ASKED_TO.exec(sentence);
    if (task) {
      const verb = task[1] ?? task[3]!;
      const question = `${verb[0]!.toUpperCase()}${verb.slice(1)} ${(task[2] ?? task[4]!).trim()}`.replace(
        /[^.?!]$/,
        '$&.',
      );
      if (looksLikeQuestion(question)) return { question: cleanQuestion(question), rest: after() };
    }
  }
  return undefined;
}

/** A paragraph as its sentences, so each can be a key point; short paragraphs stay whole. */
export function splitSentences(text: string): string[] {
  if (text.length < 120) return [text];
  const parts = sentencesOf(text)
    .map((part) => part.trim())
    .filter(Boolean);
  // The segmenter breaks after "e.g." and "vs."; glue a piece that starts in lower case back on.
  const joined: string[] = [];
  for (const part of parts) {
    if (joined.length > 0 && /^[a-z(]/.test(part)) joined[joined.length - 1] += ` ${part}`;
    else joined.push(part);
  }
  return joined;
}
