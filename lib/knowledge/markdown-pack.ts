import { buildPack, packIdFrom, type PackMeta } from './build-pack';
import {
  applyMeta,
  blockLabel,
  BULLET,
  HEADING,
  META_LINE,
  MY_ANSWER_LABEL,
  newSection,
  parseAlias,
  plainText,
  readMyAnswerLine,
  type ListField,
  type Section,
} from './markdown-pack-lines';
import { PackError } from './pack-error';
import type { KnowledgePack, PackAlias } from './schema';

export { toMarkdownPack } from './to-markdown-pack';

/** Where the reading of a pack stands after each line. */
interface PackReader {
  sections: Section[];
  title?: string;
  /** The question being read; none before the first "## " heading. */
  current?: Section;
  /** The outline block unlabelled lines go into. */
  block: ListField;
  /** The last line was a paragraph line, so the next one continues it. */
  paragraphOpen: boolean;
  inFence: boolean;
  /** The key point a fenced code block is being read into: one point, its lines kept. */
  fencePoint?: { items: string[]; at: number };
  aliases: PackAlias[];
  inAliases: boolean;
  inMyAnswer: boolean;
}

/** A line inside a fenced code block: the first opens a key point, the rest join it. */
function readFenceLine(reader: PackReader, current: Section, line: string): void {
  if (reader.fencePoint) reader.fencePoint.items[reader.fencePoint.at] += `\n${line}`;
  else if (line.trim()) {
    const items = current.draft.outline[reader.block];
    reader.fencePoint = { items, at: items.push(line) - 1 };
  }
}

/** The pack's title ("# ") or a new question ("## "); false for a heading that is neither. */
function readHeading(reader: PackReader, heading: RegExpExecArray, lineNumber: number): boolean {
  const level = heading[1]!.length;
  const text = plainText(heading[2] ?? '');
  if (level === 1 && !reader.current && reader.title === undefined) {
    reader.title = text;
    return true;
  }
  if (level !== 2) return false;
  if (!text) throw new PackError('a "## " heading has no question text', { line: lineNumber, field: 'question' });
  reader.current = newSection(text, lineNumber);
  reader.sections.push(reader.current);
  reader.block = 'keyPoints';
  reader.paragraphOpen = false;
  reader.inMyAnswer = false;
  return true;
}

/** Before the first question: the pack's description, and perhaps its Aliases block. */
function readPreamble(reader: PackReader, line: string, lineNumber: number): void {
  if (/^aliases:\s*$/i.test(line.trim())) {
    reader.inAliases = true;
    return;
  }
  const bullet = reader.inAliases && !reader.inFence ? BULLET.exec(line) : null;
  if (bullet) reader.aliases.push(parseAlias(bullet[2]!, lineNumber));
  else if (line.trim()) reader.inAliases = false;
}

/** A "Key: value" line, a "My answer:" label, a block label or a line of the user's answer; false for none. */
function readLabelledLine(reader: PackReader, current: Section, line: string, lineNumber: number): boolean {
  const meta = META_LINE.exec(line.trim());
  if (meta) {
    applyMeta(current, meta[1]!.toLowerCase(), meta[2]!, lineNumber);
    reader.paragraphOpen = false;
    return true;
  }
  if (MY_ANSWER_LABEL.test(line.trim())) {
    reader.inMyAnswer = true;
    current.draft.myAnswer ??= { points: [], numbers: [] };
    reader.paragraphOpen = false;
    return true;
  }
  const label = blockLabel(line);
  if (label) {
    reader.block = label;
    reader.inMyAnswer = false;
    reader.paragraphOpen = false;
    return true;
  }
  if (reader.inMyAnswer) {
    readMyAnswerLine(current.draft.myAnswer!, line);
    return true;
  }
  return false;
}

/** A bullet or a paragraph line of the outline block being read. */
function readOutlineLine(reader: PackReader, current: Section, line: string): void {
  const items = current.draft.outline[reader.block];
  const bullet = reader.inFence ? null : BULLET.exec(line);
  if (bullet) {
    items.push(plainText(bullet[2]!));
    reader.paragraphOpen = false;
  } else if (reader.paragraphOpen || (/^\s{2,}/.test(line) && items.length > 0)) {
    // A wrapped line continues the item above it.
    items[items.length - 1] = `${items[items.length - 1]} ${plainText(line)}`;
  } else {
    items.push(plainText(line));
    reader.paragraphOpen = true;
  }
}

function readLine(reader: PackReader, raw: string, lineNumber: number): void {
  const line = raw.trimEnd();
  if (/^\s*(```|~~~)/.test(line)) {
    reader.inFence = !reader.inFence;
    reader.paragraphOpen = false;
    reader.fencePoint = undefined;
    return;
  }
  if (reader.inFence && reader.current) return readFenceLine(reader, reader.current, line);
  const heading = reader.inFence ? null : HEADING.exec(line);
  if (heading && readHeading(reader, heading, lineNumber)) return;
  const current = reader.current;
  if (!current) return readPreamble(reader, line, lineNumber);
  if (!line.trim()) {
    reader.paragraphOpen = false;
    return;
  }
  if (!reader.inFence && readLabelledLine(reader, current, line, lineNumber)) return;
  readOutlineLine(reader, current, line);
}

/**
 * Parses a Markdown pack: each "## " heading is one question; optional "Key: value"
 * lines (Category, Also asked, Tags, Frequency, Frame, Id) follow it; bullets and
 * paragraphs below are the outline, sorted into blocks by "Pitfalls:", "Follow-ups:",
 * "Numbers:" labels (unlabelled text is a key point). Throws PackError with the line.
 */
export function parseMarkdownPack(markdown: string, options: { fileName?: string; id?: string } = {}): KnowledgePack {
  const reader: PackReader = {
    sections: [],
    block: 'keyPoints',
    paragraphOpen: false,
    inFence: false,
    aliases: [],
    inAliases: false,
    inMyAnswer: false,
  };
  markdown
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => readLine(reader, raw, index + 1));
  const { sections, title, aliases } = reader;
  // A file with an Aliases block and no questions is a pack's vocabulary file.
  if (sections.length === 0 && aliases.length === 0) {
    throw new PackError('no questions found: each question must start with a "## " heading');
  }
  const fallbackName = options.fileName ?? title ?? 'imported-pack';
  const meta: PackMeta = {
    id: options.id ?? packIdFrom(title ?? fallbackName),
    title: title ?? fallbackName.replace(/\.(md|markdown)$/i, ''),
    aliases,
  };
  return buildPack(
    meta,
    sections.map((section) => ({
      draft: section.draft,
      position: { line: section.line, fieldLines: section.fieldLines },
    })),
  );
}
