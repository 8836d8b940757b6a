import { buildPack, packIdFrom } from '../knowledge/build-pack';
import { categorySchema, type KnowledgePack } from '../knowledge/schema';
import { findDuplicate } from '../match/find-duplicate';
import type { QuestionIndex } from '../match/question-index';
import type { ExtractedQuestion } from './extract-questions';

export interface ReviewedQuestion extends ExtractedQuestion {
  keep: boolean;
  category: string;
  /** The stored question this one repeats; such a question starts unticked. */
  duplicateOf?: string;
}

/** A page's section heading as a category slug: "Coding and Data Manipulation" → "coding-and-data-manipulation". */
export function categoryFromSection(section: string | undefined): string | undefined {
  const slug = (section ?? '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return categorySchema.safeParse(slug).success && slug ? slug : undefined;
}

/**
 * The review list for found questions: each compared with the knowledge base (a repeat
 * starts unticked), with a category suggested by the closest stored question, else the
 * page's section heading, else "general".
 */
export function reviewItems(questions: readonly ExtractedQuestion[], index: QuestionIndex): ReviewedQuestion[] {
  return questions.map((item) => {
    const { similar, duplicateOf } = findDuplicate(index, item.question);
    return {
      ...item,
      keep: !duplicateOf,
      category: similar?.category ?? categoryFromSection(item.section) ?? 'general',
      ...(duplicateOf ? { duplicateOf: duplicateOf.question } : {}),
    };
  });
}

/**
 * The questions the user kept from a page, as a pack of structured text (never the
 * page's HTML), each remembering where and when it came from.
 */
export function importedPack(
  page: { title: string; url: string },
  reviewed: readonly ReviewedQuestion[],
  now = new Date(),
): KnowledgePack {
  const kept = reviewed.filter((item) => item.keep);
  const host = (() => {
    try {
      return new URL(page.url).hostname;
    } catch {
      return 'page';
    }
  })();
  const title = page.title || host;
  return buildPack(
    { id: packIdFrom(`imported ${title}`), title: `Imported: ${title}` },
    kept.map((item, index) => ({
      draft: {
        question: item.question,
        category: item.category,
        outline: { keyPoints: item.outline },
        // Only web addresses are kept as a link; a file:// or extension page is recorded by date alone.
        source: { ...(/^https?:\/\//i.test(page.url) ? { url: page.url } : {}), importedAt: now.toISOString() },
      },
      position: { fieldPrefix: `question ${index + 1}` },
    })),
  );
}
