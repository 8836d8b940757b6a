import { buildPack, packIdFrom } from '../knowledge/build-pack';
import type { KnowledgePack } from '../knowledge/schema';
import type { ExtractedQuestion } from './extract-questions';

export interface ReviewedQuestion extends ExtractedQuestion {
  keep: boolean;
  category: string;
}

/**
 * The questions the user kept from a page, as a pack of structured text (never the
 * page's HTML), each remembering where and when it came from.
 */
export function importedPack(page: { title: string; url: string }, reviewed: readonly ReviewedQuestion[], now = new Date()): KnowledgePack {
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
