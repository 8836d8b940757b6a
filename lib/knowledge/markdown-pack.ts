import { buildPack, packIdFrom, type DraftEntry, type PackMeta } from './build-pack';
import { formatFrameText, KNOWN_FRAME_NAMES, parseFrameText } from './default-frames';
import { PackError } from './pack-error';
import { STORY_PART_NAMES, STORY_PARTS } from './my-answer';
import { aliasSchema, type KnowledgeEntry, type KnowledgePack, type MyAnswer, type Outline, type PackAlias } from './schema';

type ListField = 'keyPoints' | 'pitfalls' | 'followUps' | 'numbers';

const BLOCK_LABELS: Record<string, ListField> = {
  'key points': 'keyPoints',
  outline: 'keyPoints',
  pitfalls: 'pitfalls',
  'common pitfalls': 'pitfalls',
  mistakes: 'pitfalls',
  'follow-ups': 'followUps',
  'follow ups': 'followUps',
  followups: 'followUps',
  'likely follow-ups': 'followUps',
  numbers: 'numbers',
  'numbers worth citing': 'numbers',
};

const BLOCK_TITLES: Record<ListField, string> = {
  keyPoints: 'Key points',
  pitfalls: 'Pitfalls',
  followUps: 'Follow-ups',
  numbers: 'Numbers',
};

const META_LINE = /^(id|category|tags|frequency|frame|also asked|phrasings):\s*(.*)$/i;
/** The block of the user's own answer, and its labelled lines ("Lead: …", "Situation: …", "Number: …"). */
const MY_ANSWER_LABEL = /^(?:#{3,6}\s+)?(?:\*\*)?my answer(?:\*\*)?:?\s*$/i;
const MY_ANSWER_LINE = new RegExp(`^(lead|${STORY_PARTS.join('|')}|number):\\s*(.*)$`, 'i');
const BULLET = /^(\s*)(?:[-*+]|\d+[.)])\s+(.*)$/;
const HEADING = /^(#{1,6})(?:\s+(.*?))?\s*#*\s*$/;

const ALIAS_LINE = /^([^:|]+):\s*(.+)$/;

/** Reads "- term: variant | variant" from a pack's Aliases block. */
function parseAlias(text: string, line: number): PackAlias {
  const parts = ALIAS_LINE.exec(text.trim());
  if (!parts) throw new PackError('an alias line reads "- term: variant | variant"', { line, field: 'aliases' });
  const parsed = aliasSchema.safeParse({ term: parts[1], variants: splitList(parts[2]!, /\s*\|\s*/) });
  if (!parsed.success) throw new PackError(parsed.error.issues[0]!.message, { line, field: 'aliases' });
  return parsed.data;
}

/** Removes emphasis markers a writer may use; the card renders plain text. */
function plainText(markdown: string): string {
  return markdown
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/__(.+?)__/g, '$1')
    .replace(/\[([^\]]+)\]\((https?:[^)]+)\)/g, '$1 ($2)')
    .trim();
}

function blockLabel(line: string): ListField | undefined {
  const label = line
    .replace(/^#{3,6}\s+/, '')
    .replace(/\*\*/g, '')
    .replace(/:\s*$/, '')
    .trim()
    .toLowerCase();
  return Object.hasOwn(BLOCK_LABELS, label) ? BLOCK_LABELS[label] : undefined;
}

interface Section {
  line: number;
  fieldLines: Record<string, number>;
  draft: DraftEntry & { outline: Record<ListField, string[]> & { frame?: unknown }; myAnswer?: { lead?: string; story?: Record<string, string>; points: string[]; numbers: string[] } };
}

function newSection(question: string, line: number): Section {
  return {
    line,
    fieldLines: {},
    draft: {
      question,
      outline: { keyPoints: [], pitfalls: [], followUps: [], numbers: [] },
    },
  };
}

function splitList(value: string, separator: RegExp): string[] {
  return value
    .split(separator)
    .map((part) => plainText(part))
    .filter(Boolean);
}

const FIELD_OF_META: Record<string, string> = {
  id: 'id',
  category: 'category',
  tags: 'tags',
  frequency: 'frequency',
  'also asked': 'phrasings',
  phrasings: 'phrasings',
  frame: 'outline',
};

function applyMeta(section: Section, key: string, value: string, line: number): void {
  const { draft } = section;
  section.fieldLines[FIELD_OF_META[key]!] = line;
  switch (key) {
    case 'id':
      draft.id = value.trim();
      return;
    case 'category':
      draft.category = value.trim();
      return;
    case 'tags':
      draft.tags = splitList(value, /\s*,\s*/);
      return;
    case 'frequency':
      draft.frequency = value.trim().toLowerCase();
      return;
    case 'also asked':
    case 'phrasings':
      draft.phrasings = [...((draft.phrasings as string[] | undefined) ?? []), ...splitList(value, /\s*\|\s*/)];
      return;
    case 'frame': {
      const frame = parseFrameText(value);
      if (!frame) {
        throw new PackError(
          `frame "${value.trim()}" is neither a known frame (${KNOWN_FRAME_NAMES}) nor steps joined by "→"`,
          { line, field: 'frame' },
        );
      }
      draft.outline.frame = frame;
      return;
    }
  }
}

/**
 * Parses a Markdown pack: each "## " heading is one question; optional "Key: value"
 * lines (Category, Also asked, Tags, Frequency, Frame, Id) follow it; bullets and
 * paragraphs below are the outline, sorted into blocks by "Pitfalls:", "Follow-ups:",
 * "Numbers:" labels (unlabelled text is a key point). Throws PackError with the line.
 */
export function parseMarkdownPack(markdown: string, options: { fileName?: string; id?: string } = {}): KnowledgePack {
  const lines = markdown.replace(/^\uFEFF/, '').split(/\r?\n/);
  const sections: Section[] = [];
  let title: string | undefined;
  let current: Section | undefined;
  let block: ListField = 'keyPoints';
  let paragraphOpen = false;
  let inFence = false;
  // The key point a fenced code block is being read into: one point, its lines kept.
  let fencePoint: { items: string[]; at: number } | undefined;
  const aliases: PackAlias[] = [];
  let inAliases = false;
  let inMyAnswer = false;

  lines.forEach((raw, index) => {
    const lineNumber = index + 1;
    const line = raw.trimEnd();
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      paragraphOpen = false;
      fencePoint = undefined;
      return;
    }
    if (inFence && current) {
      if (fencePoint) fencePoint.items[fencePoint.at] += `\n${line}`;
      else if (line.trim()) {
        const items = current.draft.outline[block];
        fencePoint = { items, at: items.push(line) - 1 };
      }
      return;
    }
    const heading = inFence ? null : HEADING.exec(line);
    if (heading) {
      const level = heading[1]!.length;
      const text = plainText(heading[2] ?? '');
      if (level === 1 && !current && title === undefined) {
        title = text;
        return;
      }
      if (level === 2) {
        if (!text) throw new PackError('a "## " heading has no question text', { line: lineNumber, field: 'question' });
        current = newSection(text, lineNumber);
        sections.push(current);
        block = 'keyPoints';
        paragraphOpen = false;
        inMyAnswer = false;
        return;
      }
    }
    if (!current) {
      // Before the first question: the pack's description, and perhaps its Aliases block.
      if (/^aliases:\s*$/i.test(line.trim())) {
        inAliases = true;
        return;
      }
      const bullet = inAliases && !inFence ? BULLET.exec(line) : null;
      if (bullet) aliases.push(parseAlias(bullet[2]!, lineNumber));
      else if (line.trim()) inAliases = false;
      return;
    }
    if (!line.trim()) {
      paragraphOpen = false;
      return;
    }
    if (!inFence) {
      const meta = META_LINE.exec(line.trim());
      if (meta) {
        applyMeta(current, meta[1]!.toLowerCase(), meta[2]!, lineNumber);
        paragraphOpen = false;
        return;
      }
      if (MY_ANSWER_LABEL.test(line.trim())) {
        inMyAnswer = true;
        current.draft.myAnswer ??= { points: [], numbers: [] };
        paragraphOpen = false;
        return;
      }
      const label = blockLabel(line);
      if (label) {
        block = label;
        inMyAnswer = false;
        paragraphOpen = false;
        return;
      }
      if (inMyAnswer) {
        readMyAnswerLine(current.draft.myAnswer!, line);
        return;
      }
    }
    const items = current.draft.outline[block];
    const bullet = inFence ? null : BULLET.exec(line);
    if (bullet) {
      items.push(plainText(bullet[2]!));
      paragraphOpen = false;
    } else if (paragraphOpen || (/^\s{2,}/.test(line) && items.length > 0)) {
      // A wrapped line continues the item above it.
      items[items.length - 1] = `${items[items.length - 1]} ${plainText(line)}`;
    } else {
      items.push(plainText(line));
      paragraphOpen = true;
    }
  });

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
    sections.map((section) => ({ draft: section.draft, position: { line: section.line, fieldLines: section.fieldLines } })),
  );
}

/** One line of a "My answer:" block: a labelled part, or a bullet (one of the user's own points). */
function readMyAnswerLine(answer: NonNullable<Section['draft']['myAnswer']>, line: string): void {
  const bullet = BULLET.exec(line);
  const text = bullet ? bullet[2]! : line.trim();
  const labelled = MY_ANSWER_LINE.exec(text);
  if (!labelled) {
    answer.points.push(plainText(text));
    return;
  }
  const [, label, value] = labelled;
  const key = label!.toLowerCase();
  if (key === 'lead') answer.lead = plainText(value!);
  else if (key === 'number') answer.numbers.push(plainText(value!));
  else answer.story = { ...answer.story, [key]: plainText(value!) };
}

function formatMyAnswer(answer: MyAnswer): string[] {
  const lines = ['', 'My answer:'];
  if (answer.lead) lines.push(`Lead: ${answer.lead}`);
  for (const part of STORY_PARTS) {
    const text = answer.story?.[part];
    if (text) lines.push(`${STORY_PART_NAMES[part]}: ${text.replace(/\s*\n\s*/g, ' ')}`);
  }
  lines.push(...answer.points.map((point) => `- ${point}`), ...answer.numbers.map((number) => `Number: ${number}`));
  return lines;
}

function formatBlock(outline: Outline, field: ListField, withTitle: boolean): string[] {
  const items = outline[field];
  if (items.length === 0) return [];
  // A point of several lines is code: written as a fenced block, read back as one point.
  return ['', ...(withTitle ? [`${BLOCK_TITLES[field]}:`] : []), ...items.map((item) => (item.includes('\n') ? `\`\`\`\n${item}\n\`\`\`` : `- ${item}`))];
}

function formatEntry(entry: KnowledgeEntry): string[] {
  const lines = [`## ${entry.question}`, `Id: ${entry.id}`, `Category: ${entry.category}`, `Frequency: ${entry.frequency}`];
  if (entry.tags.length) lines.push(`Tags: ${entry.tags.join(', ')}`);
  if (entry.phrasings.length) lines.push(`Also asked: ${entry.phrasings.join(' | ')}`);
  lines.push(`Frame: ${formatFrameText(entry.outline.frame)}`);
  lines.push(...formatBlock(entry.outline, 'keyPoints', true));
  lines.push(...formatBlock(entry.outline, 'pitfalls', true));
  lines.push(...formatBlock(entry.outline, 'followUps', true));
  lines.push(...formatBlock(entry.outline, 'numbers', true));
  if (entry.myAnswer) lines.push(...formatMyAnswer(entry.myAnswer));
  return lines;
}

/** Writes a pack as Markdown that parseMarkdownPack reads back to the same pack. */
export function toMarkdownPack(pack: KnowledgePack): string {
  const parts = [`# ${pack.title}`, ''];
  if (pack.aliases?.length) {
    parts.push('Aliases:', ...pack.aliases.map((alias) => `- ${alias.term}: ${alias.variants.join(' | ')}`), '');
  }
  for (const entry of pack.entries) parts.push(...formatEntry(entry), '');
  return parts.join('\n');
}
