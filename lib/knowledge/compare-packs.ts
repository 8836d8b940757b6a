import type { KnowledgeEntry, KnowledgePack } from './schema';

/** What importing a pack over an installed one would change, entry by entry. */
export interface PackChanges {
  added: number;
  changed: number;
  removed: number;
  same: number;
}

/** An installed pack that an imported one is a copy of (a backup, an older or newer export). */
export interface InstalledCopy extends PackChanges {
  packId: string;
  title: string;
}

const questionKey = (entry: KnowledgeEntry) =>
  entry.question
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** An entry's content as text, keys sorted, so that the order a file or storage wrote them in does not count as a change. */
function contentOf({ id: _id, myAnswer: _answer, ...entry }: KnowledgeEntry): string {
  return JSON.stringify(entry, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );
}

/**
 * Entry by entry, what replacing `installed` with `imported` would do: an entry is the same
 * one when its id or its question (case and punctuation aside) is; the user's own answers
 * carried by an export do not count.
 */
export function comparePacks(installed: KnowledgePack, imported: KnowledgePack): PackChanges {
  const byId = new Map(installed.entries.map((entry) => [entry.id, entry]));
  const byQuestion = new Map(installed.entries.map((entry) => [questionKey(entry), entry]));
  const matched = new Set<KnowledgeEntry>();
  const changes: PackChanges = { added: 0, changed: 0, removed: 0, same: 0 };
  for (const entry of imported.entries) {
    const known = byId.get(entry.id) ?? byQuestion.get(questionKey(entry));
    if (!known || matched.has(known)) {
      changes.added++;
      continue;
    }
    matched.add(known);
    if (contentOf(known) === contentOf(entry)) changes.same++;
    else changes.changed++;
  }
  changes.removed = installed.entries.length - matched.size;
  return changes;
}

const titleKey = (title: string) => title.trim().toLowerCase();

/**
 * The installed pack that `imported` is a copy of, if any: the same id or the same title,
 * and at least half of the imported entries already in it. A pack that only shares a name
 * with an installed one is a different pack.
 */
export function findInstalledCopy(
  installed: readonly KnowledgePack[],
  imported: KnowledgePack,
): InstalledCopy | undefined {
  let best: InstalledCopy | undefined;
  for (const pack of installed) {
    if (pack.id !== imported.id && titleKey(pack.title) !== titleKey(imported.title)) continue;
    const changes = comparePacks(pack, imported);
    const shared = changes.same + changes.changed;
    if (shared * 2 < imported.entries.length || shared === 0) continue;
    if (!best || shared > best.same + best.changed) best = { packId: pack.id, title: pack.title, ...changes };
  }
  return best;
}

/** What an update would do, in words: "2 new, 1 changed, 1 removed; 9 the same" or "no question would change". */
export function packChangesText({ added, changed, removed, same }: PackChanges): string {
  if (added + changed + removed === 0) return `no question would change (${same} the same)`;
  return `${added} new, ${changed} changed, ${removed} removed; ${same} the same`;
}
