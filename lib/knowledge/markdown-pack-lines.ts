import { KNOWN_FRAME_NAMES, parseFrameText } from './default-frames';
import type { DraftEntry } from './build-pack';
import { PackError } from './pack-error';
import { STORY_PARTS } from './my-answer';
import { aliasSchema, type PackAlias } from './schema';

// What each line of a Markdown pack means: its patterns, and how a labelled line fills the
// question being read (parseMarkdownPack reads the lines in order).

export type ListField = 'keyPoints' | 'pitfalls' | 'followUps' | 'numbers';

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

/** A "Key: value" line under a question. */
export const META_LINE = /^(id|category|tags|frequency|frame|also asked|phrasings):\s*(.*)$/i;
/** The block of the user's own answer, and its labelled lines ("Lead: …", "Situation: …", "Number: …"). */
export const MY_ANSWER_LABEL = /^(?:#{3,6}\s+)?(?:\*\*)?my answer(?:\*\*)?:?\s*$/i;
const MY_ANSWER_LINE = new RegExp(`^(lead|${STORY_PARTS.join('|')}|number):\\s*(.*)$`, 'i');
export const BULLET = /^(\s*)(?:[-*+]|\d+[.)])\s+(.*)$/;
export const HEADING = /^(#{1,6})(?:\s+(.*?))?\s*#*\s*$/;
const ALIAS_LINE = /^([^:|]+):\s*(.+)$/;

/** Reads "- term: variant | variant" from a pack's Aliases block. */
export function parseAlias(text: string, line: number): PackAlias {
  const parts = ALIAS_LINE.exec(text.trim());
  if (!parts) throw new PackError('an alias line reads "- term: variant | variant"', { line, field: 'aliases' });
  const parsed = aliasSchema.safeParse({ term: parts[1], variants: splitList(parts[2]!, /\s*\|\s*/) });
  if (!parsed.success) throw new PackError(parsed.error.issues[0]!.message, { line, field: 'aliases' });
  return parsed.data;
}

/** Removes emphasis markers a writer may use; the card renders plain text. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/__(.+?)__/g, '$1')
    .replace(/\[([^\]]+)\]\((https?:[^)]+)\)/g, '$1 ($2)')
    .trim();
}

/** The outline block a label line ("Pitfalls:", "### Follow-ups") opens, if it is one. */
export function blockLabel(line: string): ListField | undefined {
  const label = line
    .replace(/^#{3,6}\s+/, '')
    .replace(/\*\*/g, '')
    .replace(/:\s*$/, '')
    .trim()
    .toLowerCase();
  return Object.hasOwn(BLOCK_LABELS, label) ? BLOCK_LABELS[label] : undefined;
}

/** One question being read: its draft entry and the line each field came from. */
export interface Section {
  line: number;
  fieldLines: Record<string, number>;
  draft: DraftEntry & {
    outline: Record<ListField, string[]> & { frame?: unknown };
    myAnswer?: { lead?: string; story?: Record<string, string>; points: string[]; numbers: string[] };
  };
}

export function newSection(question: string, line: number): Section {
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

/** Fills in the field a "Key: value" line names. */
export function applyMeta(section: Section, key: string, value: string, line: number): void {
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

/** One line of a "My answer:" block: a labelled part, or a bullet (one of the user's own points). */
export function readMyAnswerLine(answer: NonNullable<Section['draft']['myAnswer']>, line: string): void {
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
