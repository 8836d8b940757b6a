import { entryIdFromQuestion } from '../../knowledge/entry-id';
import { entrySchema, type KnowledgeEntry } from '../../knowledge/schema';
import type { KnowledgeSlice } from '../knowledge-store';
import { firstIssue } from './first-issue';

export type SaveResult = { ok: true; entry: KnowledgeEntry } | { ok: false; message: string };

/** Where entries the user writes or copies go. */
export const MY_PACK = { id: 'my-questions', title: 'My questions' } as const;

/** Entries the user writes, edits or deletes in their own packs. */
export interface EntriesSlice {
  /**
   * Adds or replaces an entry in one of the user's packs (a new entry goes to "My
   * questions"). The entry is validated first; an invalid one changes nothing.
   */
  saveEntry: (entry: unknown, packId?: string) => SaveResult;
  deleteEntry: (packId: string, entryId: string) => void;
}

export const createEntriesSlice: KnowledgeSlice<EntriesSlice> = (set, get) => ({
  saveEntry(raw, packId = MY_PACK.id) {
    const parsed = entrySchema.safeParse(raw);
    if (!parsed.success) return { ok: false, message: firstIssue(parsed.error, 'entry') };
    const packs = get().userPacks;
    const target = packs.find((pack) => pack.id === packId) ?? { ...MY_PACK, entries: [] };
    const existing = target.entries.findIndex((entry) => entry.id === parsed.data.id);
    const entry =
      existing >= 0
        ? parsed.data
        : {
            ...parsed.data,
            id: entryIdFromQuestion(parsed.data.question, new Set(target.entries.map((known) => known.id))),
          };
    const entries =
      existing >= 0 ? target.entries.map((known, i) => (i === existing ? entry : known)) : [...target.entries, entry];
    const updated = { ...target, entries };
    set({
      userPacks: packs.some((pack) => pack.id === packId)
        ? packs.map((pack) => (pack.id === packId ? updated : pack))
        : [...packs, updated],
    });
    return { ok: true, entry };
  },
  deleteEntry(packId, entryId) {
    const entries = get().userPacks.find((pack) => pack.id === packId)?.entries ?? [];
    const position = entries.findIndex((entry) => entry.id === entryId);
    if (position < 0) return;
    set({
      userPacks: get().userPacks.map((pack) =>
        pack.id === packId ? { ...pack, entries: pack.entries.filter((entry) => entry.id !== entryId) } : pack,
      ),
      lastRemoval: { kind: 'entry', packId, entry: entries[position]!, position },
    });
  },
});
