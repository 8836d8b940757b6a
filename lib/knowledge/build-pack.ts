import type { ZodError } from 'zod';
import { frameFromContent } from './choose-frame';
import { entryIdFromQuestion } from './entry-id';
import { PackError } from './pack-error';
import { entrySchema, packSchema, type KnowledgeEntry, type KnowledgePack } from './schema';

/** An entry as a parser read it: any field may be missing or wrong until validated. */
export interface DraftEntry {
  id?: unknown;
  question?: unknown;
  phrasings?: unknown;
  category?: unknown;
  frequency?: unknown;
  tags?: unknown;
  outline?: {
    frame?: unknown;
    keyPoints?: unknown;
    pitfalls?: unknown;
    followUps?: unknown;
    numbers?: unknown;
  };
  source?: unknown;
}

export interface DraftPosition {
  /** 1-based line in the source file, when the format has lines worth naming. */
  line?: number;
  /** Path prefix for field names, e.g. "entries[3]". */
  fieldPrefix?: string;
  /** Lines of individual fields ("frequency" → 4), so an error points at the line to fix. */
  fieldLines?: Readonly<Record<string, number>>;
}

export interface PackMeta {
  id: string;
  title: string;
  /** Unchecked until the pack is built. */
  aliases?: unknown;
}

const DEFAULT_CATEGORY = 'general';

/** "entries[3]" + ["outline", "keyPoints", 0] → "entries[3].outline.keyPoints[0]". */
function fieldPath(prefix: string | undefined, path: ReadonlyArray<PropertyKey>): string {
  let field = prefix ?? '';
  for (const part of path) {
    if (typeof part === 'number') field += `[${part}]`;
    else field += field ? `.${String(part)}` : String(part);
  }
  return field || '(entry)';
}

function firstIssue(error: ZodError, position: DraftPosition): { field: string; message: string; line?: number } {
  const issue = error.issues[0]!;
  const line = position.fieldLines?.[String(issue.path[0])] ?? position.line;
  return { field: fieldPath(position.fieldPrefix, issue.path), message: issue.message, line };
}

function normalizedQuestion(question: string): string {
  return question
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Turns drafts into a validated pack: fills ids and default frames, validates every
 * entry, and refuses duplicate questions. Throws PackError naming the first bad field;
 * it never returns a partial pack.
 */
export function buildPack(
  meta: PackMeta,
  drafts: Array<{ draft: DraftEntry; position: DraftPosition }>,
): KnowledgePack {
  const takenIds = new Set<string>();
  const seenQuestions = new Map<string, DraftPosition>();
  const entries: KnowledgeEntry[] = [];

  for (const { draft, position } of drafts) {
    const category = typeof draft.category === 'string' && draft.category.trim() ? draft.category : DEFAULT_CATEGORY;
    const question = typeof draft.question === 'string' ? draft.question.trim() : draft.question;
    const id = draft.id ?? (typeof question === 'string' ? entryIdFromQuestion(question, takenIds) : undefined);
    const outline = draft.outline ?? {};
    const candidate = {
      ...draft,
      id,
      question,
      category,
      outline: {
        ...outline,
        // Unnamed, the frame follows what the question asks (a comparison, a story, techniques…).
        frame: outline.frame ?? frameFromContent(typeof question === 'string' ? question : '', category),
      },
    };
    const parsed = entrySchema.safeParse(candidate);
    if (!parsed.success) {
      const { field, message, line } = firstIssue(parsed.error, position);
      throw new PackError(message, { line, field });
    }
    const entry = parsed.data;
    if (takenIds.has(entry.id)) {
      throw new PackError(`id "${entry.id}" is used twice`, {
        line: position.line,
        field: fieldPath(position.fieldPrefix, ['id']),
      });
    }
    const key = normalizedQuestion(entry.question);
    const earlier = seenQuestions.get(key);
    if (earlier) {
      const where = earlier.line !== undefined ? `line ${earlier.line}` : earlier.fieldPrefix;
      throw new PackError(`the same question already appears at ${where}`, {
        line: position.line,
        field: fieldPath(position.fieldPrefix, ['question']),
      });
    }
    seenQuestions.set(key, position);
    takenIds.add(entry.id);
    entries.push(entry);
  }

  // An empty alias list is left out, so a pack without aliases is built exactly as before.
  const { aliases, ...rest } = meta;
  const noAliases = aliases === undefined || (Array.isArray(aliases) && aliases.length === 0);
  const pack = packSchema.safeParse({ ...rest, entries, ...(noAliases ? {} : { aliases }) });
  if (!pack.success) {
    const { field, message } = firstIssue(pack.error, {});
    throw new PackError(message, { field });
  }
  return pack.data;
}

/** A pack id made from a file name or title: "My Questions.md" → "my-questions". */
export function packIdFrom(text: string): string {
  return (
    entryIdFromQuestion(text.replace(/\.(md|markdown|json)$/i, ''))
      .slice(0, 60)
      .replace(/-+$/, '') || 'pack'
  );
}
