import { z } from 'zod';

/** Categories the shipped pack uses; user packs may add their own slug. */
export const KNOWN_CATEGORIES = ['behavioral', 'coding', 'ml-theory', 'system-design', 'mlops', 'llm'] as const;

export const FREQUENCIES = ['high', 'medium', 'low'] as const;

const text = z.string().trim().min(1, 'must not be empty');
const textList = z.array(text).default([]);

const frameSchema = z.object({
  /** Short name shown on the card, e.g. "STAR". */
  name: text,
  /** Ordered steps of the answer, e.g. Situation → Task → Action → Result. */
  steps: z.array(text).min(1, 'a frame needs at least one step'),
});

const outlineSchema = z.object({
  frame: frameSchema,
  // Empty for a question still to prepare (an imported list of questions without answers).
  keyPoints: textList,
  pitfalls: textList,
  followUps: textList,
  numbers: textList,
});

const storyText = z.string().trim().max(2000, 'a story part is longer than 2,000 characters').default('');

/**
 * The user's own answer to a question: a one-line lead, a story (STAR) for behavioural
 * questions, points and numbers from their own work. Stored on the device apart from the
 * packs (so it survives a pack update); carried in a pack file only on export and import.
 */
export const myAnswerSchema = z.object({
  lead: z.string().trim().max(300, 'the lead is longer than 300 characters').default(''),
  story: z.object({ situation: storyText, task: storyText, action: storyText, result: storyText }).optional(),
  points: textList,
  numbers: textList,
});

export const categorySchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'category must be a short slug such as "system-design"');

export const entrySchema = z.object({
  question: text.max(300, 'question is longer than 300 characters'),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,119}$/, 'id must be lower-case letters, digits and dashes'),
  /** Other ways interviewers ask the same thing; they feed the matcher. */
  phrasings: textList,
  category: categorySchema,
  frequency: z.enum(FREQUENCIES, { error: 'frequency must be high, medium or low' }).default('medium'),
  tags: z.array(text.toLowerCase()).default([]),
  outline: outlineSchema,
  /** Only in pack files (export, import): on the device it lives in the knowledge store. */
  myAnswer: myAnswerSchema.optional(),
  source: z
    .object({
      // Only web addresses: a javascript: or data: link in an imported pack must never become clickable.
      url: z
        .string()
        .url()
        .refine((url) => /^https?:\/\//i.test(url), 'source url must start with http:// or https://')
        .optional(),
      importedAt: z.string().optional(),
    })
    .optional(),
});

/**
 * A word a pack's field uses for several ways of saying it: "twotower" for "two tower",
 * "too tower" (a mis-hearing), "dual encoder". It applies to every pack matched together
 * with this one, to the interviewer's words and the pack's text alike.
 */
export const aliasSchema = z.object({
  term: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]{1,40}$/, 'an alias term is one word of letters and digits, e.g. "twotower"'),
  /** Plain phrases; a final "s" is optional and "#" stands for any number ("top #"). */
  variants: z
    .array(text.max(80, 'an alias variant is longer than 80 characters'))
    .min(1, 'an alias needs at least one variant'),
});

export const packSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'pack id must be a lower-case slug'),
  title: text,
  entries: z.array(entrySchema),
  /** The pack's own vocabulary (see aliasSchema); absent in most packs. */
  aliases: z.array(aliasSchema).optional(),
});

export type Frame = z.infer<typeof frameSchema>;
export type Outline = z.infer<typeof outlineSchema>;
export type KnowledgeEntry = z.infer<typeof entrySchema>;
/** What a parser produces before defaults are applied and the entry is validated. */
export type KnowledgeEntryInput = z.input<typeof entrySchema>;
export type KnowledgePack = z.infer<typeof packSchema>;
export type PackAlias = z.infer<typeof aliasSchema>;
export type MyAnswer = z.infer<typeof myAnswerSchema>;
export type Frequency = (typeof FREQUENCIES)[number];
