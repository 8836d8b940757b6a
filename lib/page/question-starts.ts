import type { Block, TextBlock } from './page-blocks';
import {
  cleanQuestion,
  isLabel,
  isNumbered,
  looksLikeQuestion,
  MAX_QUESTION_LENGTH,
  reportedQuestion,
  splitSentences,
} from './question-text';

// Where questions start: each block's shape as the start of a question, then which shapes
// the page uses to lay out its questions.

/** A block that may start a question, with the shape it has on the page. */
export interface Candidate {
  index: number;
  block: Block;
  shape: string;
  question: string;
  /** Reads as a question by its words alone. */
  textual: boolean;
  inlineAnswer?: string;
  number?: number;
  heading?: number;
}

const numberOf = (text: string) => {
  const match = /^\s*(?:q(?:uestion)?\s*\.?\s*#?|#\s*)?(\d+)/i.exec(text);
  return match ? Number(match[1]) : undefined;
};

/** A heading as a question start; the page's title (one of one or two top headings) and links to other pages are none. */
function headingCandidate(
  block: Extract<Block, { kind: 'heading' }>,
  index: number,
  titled: boolean,
): Candidate | undefined {
  if ((block.level === 1 && titled && !block.disclosure) || block.elsewhere) return undefined;
  const numbered = isNumbered(block.text);
  const shape = block.disclosure ? 'disclosure' : numbered ? `numbered-h${block.level}` : `h${block.level}`;
  return {
    index,
    block,
    shape,
    question: cleanQuestion(block.text),
    textual: looksLikeQuestion(block.text),
    number: numbered ? numberOf(block.text) : undefined,
    heading: block.level,
  };
}

/** A table row as a question start: its question cell, one shape per table. */
function rowCandidate(
  block: Extract<Block, { kind: 'row' }>,
  index: number,
  tableIds: Map<Element, number>,
): Candidate | undefined {
  const text = block.question === undefined ? undefined : block.cells[block.question];
  if (!text || block.header || block.questionLinkOnly) return undefined;
  if (!tableIds.has(block.table)) tableIds.set(block.table, tableIds.size);
  return {
    index,
    block,
    shape: `table-${tableIds.get(block.table)}`,
    question: cleanQuestion(text),
    textual: looksLikeQuestion(text),
  };
}

/** A paragraph opening in bold: the bold words ask, or number a task the paragraph states. */
function leadCandidate(block: TextBlock, lead: { text: string; rest: string }, index: number): Candidate | undefined {
  if (looksLikeQuestion(lead.text))
    return {
      index,
      block,
      shape: 'lead',
      question: cleanQuestion(lead.text),
      textual: true,
      inlineAnswer: lead.rest,
    };
  // "**2) Factorial**. Calculate a factorial": the numbered lead-in opens a task the paragraph states.
  if (isNumbered(lead.text))
    return {
      index,
      block,
      shape: 'numbered-lead',
      question: cleanQuestion(block.text),
      textual: looksLikeQuestion(block.text),
      number: numberOf(lead.text),
    };
  return undefined;
}

/** A text block as a question start: by its place (a prompt, a toggle's label), its emphasis, or its words. */
function textCandidate(block: TextBlock, index: number): Candidate | undefined {
  if (block.prompt) return { index, block, shape: 'prompt', question: cleanQuestion(block.text), textual: true };
  if (block.disclosure)
    return {
      index,
      block,
      shape: 'disclosure',
      question: cleanQuestion(block.text),
      textual: looksLikeQuestion(block.text),
    };
  if (block.lead && block.bold) {
    const numbered = isNumbered(block.text);
    return {
      index,
      block,
      shape: numbered ? 'numbered-bold' : 'bold',
      question: cleanQuestion(block.text),
      textual: looksLikeQuestion(block.text),
      number: numbered ? numberOf(block.text) : undefined,
    };
  }
  if (block.lead) return leadCandidate(block, block.lead, index);
  if (/^\s*(?:q|question)\s*\d*\s*[:.]\s/i.test(block.text) && !block.item)
    return {
      index,
      block,
      shape: 'q-label',
      question: cleanQuestion(block.text.replace(/^\s*(?:q|question)\s*/i, '')),
      textual: true,
    };
  // A quoted line that asks: the question someone was asked (a forum reply, an interview report).
  if (block.quoted && looksLikeQuestion(block.text))
    return { index, block, shape: 'quote', question: cleanQuestion(block.text), textual: true };
  const reported = block.item ? undefined : reportedQuestion(block.text);
  if (reported)
    return { index, block, shape: 'reported', question: reported.question, textual: true, inlineAnswer: reported.rest };
  // A paragraph that is one question and nothing else (notes typed without any emphasis): weighed page-wide below.
  const own = !block.item && !block.quoted && block.text.length <= 200 && looksLikeQuestion(block.text);
  if (own && (/\?["”’)]?$/.test(block.text) || isNumbered(block.text)) && splitSentences(block.text).length === 1)
    return {
      index,
      block,
      shape: 'plain',
      question: cleanQuestion(block.text),
      textual: true,
      number: numberOf(block.text),
    };
  return undefined;
}

/** What a block would be as the start of a question, before the page's other blocks are weighed. */
export function candidateOf(
  block: Block,
  index: number,
  tableIds: Map<Element, number>,
  titled: boolean,
): Candidate | undefined {
  if (block.kind === 'heading') return headingCandidate(block, index, titled);
  if (block.kind === 'row') return rowCandidate(block, index, tableIds);
  if (block.kind !== 'text' || block.linkOnly) return undefined;
  return textCandidate(block, index);
}

/** Numbers that mostly count up one by one: the page enumerates these blocks. */
function counts(numbers: ReadonlyArray<number | undefined>): boolean {
  const known = numbers.filter((value): value is number => value !== undefined);
  if (known.length < 3) return false;
  let steps = 0;
  for (let i = 1; i < known.length; i++) if (known[i] === known[i - 1]! + 1) steps += 1;
  return steps / (known.length - 1) >= 0.6;
}

export /**
 * The candidates that are questions. Wording decides alone for plain headings (section
 * titles share their shape); for shapes a page uses to lay out its questions (bold lines,
 * numbered headings, accordion labels, table rows), a shape that mostly holds questions,
 * or that the page numbers 1, 2, 3…, makes every block of it a question.
 */
function acceptedStarts(candidates: readonly Candidate[], blocks: readonly Block[]): Candidate[] {
  const byShape = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    const members = byShape.get(candidate.shape);
    if (members) members.push(candidate);
    else byShape.set(candidate.shape, [candidate]);
  }
  const wholeShape = new Set<string>();
  for (const [shape, members] of byShape) {
    if (/^h\d$/.test(shape)) continue;
    const textual = members.filter((member) => member.textual).length;
    const isTable = shape.startsWith('table-');
    const first = members[0]!.block;
    const questionHeader =
      first.kind === 'row' &&
      blocks.some(
        (block) =>
          block.kind === 'row' &&
          block.header &&
          block.table === first.table &&
          /question|^q$/i.test(block.cells[first.question!] ?? ''),
      );
    const mostly = textual >= (isTable ? 2 : 3) && textual / members.length >= 0.6;
    if (questionHeader || mostly || (textual >= 1 && counts(members.map((member) => member.number))))
      wholeShape.add(shape);
  }
  // Plain question paragraphs carry a page only when it sets out its questions no other way, three or more of them.
  const others = candidates.some(
    (candidate) =>
      candidate.shape !== 'plain' &&
      (candidate.textual || wholeShape.has(candidate.shape)) &&
      !/^h\d$/.test(candidate.shape),
  );
  const plain = byShape.get('plain') ?? [];
  const plainPage = !others && plain.length >= 3 && (plain.length >= 5 || counts(plain.map((member) => member.number)));
  return candidates.filter(
    (candidate) =>
      (candidate.shape !== 'plain' || plainPage) &&
      (candidate.textual || wholeShape.has(candidate.shape)) &&
      candidate.question.length >= 3 &&
      candidate.question.length <= MAX_QUESTION_LENGTH &&
      !isLabel(candidate.question),
  );
}
