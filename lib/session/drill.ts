import type { KnowledgeEntry } from '../knowledge/schema';

/**
 * The next drill question, at random from the chosen categories (all when none are
 * chosen), preferring questions not yet asked in this drill.
 */
export function pickDrillQuestion(
  entries: readonly KnowledgeEntry[],
  categories: readonly string[],
  askedIds: ReadonlySet<string>,
  random: () => number = Math.random,
): KnowledgeEntry | undefined {
  const pool = entries.filter((entry) => categories.length === 0 || categories.includes(entry.category));
  const fresh = pool.filter((entry) => !askedIds.has(entry.id));
  const from = fresh.length > 0 ? fresh : pool;
  return from[Math.floor(random() * from.length)];
}
