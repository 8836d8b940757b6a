import type { ZodError } from 'zod';
import { create } from 'zustand';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import { addPack } from '../knowledge/add-pack';
import { findInstalledCopy, type InstalledCopy } from '../knowledge/compare-packs';
import { entryIdFromQuestion } from '../knowledge/entry-id';
import { PackError } from '../knowledge/pack-error';
import { parsePackFile } from '../knowledge/parse-pack-file';
import { isBlankAnswer, takeMyAnswers } from '../knowledge/my-answer';
import {
  entrySchema,
  myAnswerSchema,
  type KnowledgeEntry,
  type KnowledgePack,
  type MyAnswer,
} from '../knowledge/schema';

/** What a removal took and where it was, so Undo puts it back in its place. */
export type Removal =
  | { kind: 'pack'; pack: KnowledgePack; position: number }
  | { kind: 'entry'; packId: string; entry: KnowledgeEntry; position: number };

/** An import adds the pack, is refused, or waits: the file is a copy of an installed pack, and the user says whether to update it or keep both. */
export type ImportResult =
  | { ok: true; pack: KnowledgePack }
  | { ok: false; message: string }
  | { ok: 'copy'; pack: KnowledgePack; copy: InstalledCopy };
export type SaveResult = { ok: true; entry: KnowledgeEntry } | { ok: false; message: string };
export type SaveAnswerResult = { ok: true } | { ok: false; message: string };

/** Where entries the user writes or copies go. */
const MY_PACK = { id: 'my-questions', title: 'My questions' } as const;

export interface KnowledgeState {
  /** Packs the user imported; the shipped packs are compiled in and never stored. */
  userPacks: KnowledgePack[];
  /** Packs switched off: kept, but neither matched nor listed. */
  disabledPackIds: string[];
  /** Phrasings learned when the user picked the right card for what was said, by entry id. */
  learnedPhrasings: Record<string, string[]>;
  learnPhrasing: (entryId: string, text: string) => void;
  /** The user's own answers, by entry id: for any entry, shipped or imported, kept across pack updates. */
  myAnswers: Record<string, MyAnswer>;
  /** Stores (or, when blank, removes) the user's answer to an entry; an invalid one changes nothing. */
  saveMyAnswer: (entryId: string, answer: unknown) => SaveAnswerResult;
  /**
   * Parses a pack file and adds it; on any error the stored packs stay exactly as they were.
   * A copy of an installed pack (a backup restored) is not added: the result says what it would change.
   */
  importPackFile: (fileName: string, text: string) => ImportResult;
  /** Replaces an installed pack's entries with an imported copy's (the user chose Update); the answers on this device stay. */
  updatePack: (packId: string, imported: KnowledgePack) => KnowledgePack;
  /** Adds a pack built elsewhere (web import); returns it with the id it was stored under. */
  addUserPack: (pack: KnowledgePack) => KnowledgePack;
  removePack: (packId: string) => void;
  togglePack: (packId: string) => void;
  /**
   * Adds or replaces an entry in one of the user's packs (a new entry goes to "My
   * questions"). The entry is validated first; an invalid one changes nothing.
   */
  saveEntry: (entry: unknown, packId?: string) => SaveResult;
  deleteEntry: (packId: string, entryId: string) => void;
  /** The last removal (a pack or an entry), undoable for a while; never stored. */
  lastRemoval?: Removal;
  /** Puts back what the last removal took; changes made since then to other packs stay. */
  undoRemoval: () => void;
  forgetRemoval: () => void;
}

export const KNOWLEDGE_STORAGE_KEY = 'cuecard-knowledge';

/** What is wrong with a refused entry or answer, as "field: problem". */
function firstIssue(error: ZodError, whole: string): string {
  const issue = error.issues[0]!;
  return `${issue.path.join('.') || whole}: ${issue.message}`;
}

export function createKnowledgeStore(storage: StateStorage) {
  return create<KnowledgeState>()(
    persist(
      (set, get) => ({
        userPacks: [],
        disabledPackIds: [],
        learnedPhrasings: {},
        myAnswers: {},
        saveMyAnswer(entryId, raw) {
          const parsed = myAnswerSchema.safeParse(raw);
          if (!parsed.success) return { ok: false, message: firstIssue(parsed.error, 'answer') };
          const { [entryId]: _previous, ...others } = get().myAnswers;
          set({ myAnswers: isBlankAnswer(parsed.data) ? others : { ...others, [entryId]: parsed.data } });
          return { ok: true };
        },
        learnPhrasing(entryId, text) {
          const phrasing = text.trim().slice(0, 300);
          const known = get().learnedPhrasings[entryId] ?? [];
          if (!phrasing || known.includes(phrasing)) return;
          set({ learnedPhrasings: { ...get().learnedPhrasings, [entryId]: [...known, phrasing] } });
        },
        importPackFile(fileName, text) {
          let pack: KnowledgePack;
          try {
            pack = parsePackFile(fileName, text);
          } catch (error) {
            if (error instanceof PackError) return { ok: false, message: `${fileName}: ${error.message}` };
            throw error;
          }
          const copy = findInstalledCopy(get().userPacks, takeMyAnswers(pack).pack);
          return copy ? { ok: 'copy', pack, copy } : { ok: true, pack: get().addUserPack(pack) };
        },
        updatePack(packId, imported) {
          const { pack, answers } = takeMyAnswers(imported);
          const updated = { ...pack, id: packId };
          set({
            userPacks: get().userPacks.map((known) => (known.id === packId ? updated : known)),
            myAnswers: { ...answers, ...get().myAnswers },
          });
          return updated;
        },
        addUserPack(imported) {
          // Answers a file carries go where all answers live; ones already on the device are kept.
          const { pack, answers } = takeMyAnswers(imported);
          const userPacks = addPack(get().userPacks, pack);
          set({ userPacks, myAnswers: { ...answers, ...get().myAnswers } });
          return userPacks[userPacks.length - 1]!;
        },
        removePack(packId) {
          const position = get().userPacks.findIndex((pack) => pack.id === packId);
          if (position < 0) return;
          set({
            userPacks: get().userPacks.filter((pack) => pack.id !== packId),
            lastRemoval: { kind: 'pack', pack: get().userPacks[position]!, position },
          });
        },
        togglePack(packId) {
          const disabled = get().disabledPackIds;
          set({
            disabledPackIds: disabled.includes(packId) ? disabled.filter((id) => id !== packId) : [...disabled, packId],
          });
        },
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
            existing >= 0
              ? target.entries.map((known, i) => (i === existing ? entry : known))
              : [...target.entries, entry];
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
        undoRemoval() {
          const removal = get().lastRemoval;
          if (!removal) return;
          const packs = get().userPacks;
          const insert = <T>(list: readonly T[], item: T, position: number) => [
            ...list.slice(0, position),
            item,
            ...list.slice(position),
          ];
          if (removal.kind === 'pack') {
            if (!packs.some((pack) => pack.id === removal.pack.id))
              set({ userPacks: insert(packs, removal.pack, removal.position) });
          } else {
            const target = packs.find((pack) => pack.id === removal.packId);
            // The pack itself may be gone meanwhile: the entry comes back in a pack of its own name.
            const restored = target
              ? packs.map((pack) =>
                  pack === target && !pack.entries.some((entry) => entry.id === removal.entry.id)
                    ? { ...pack, entries: insert(pack.entries, removal.entry, removal.position) }
                    : pack,
                )
              : [
                  ...packs,
                  {
                    id: removal.packId,
                    title: removal.packId === MY_PACK.id ? MY_PACK.title : removal.packId,
                    entries: [removal.entry],
                  },
                ];
            set({ userPacks: restored });
          }
          set({ lastRemoval: undefined });
        },
        forgetRemoval: () => set({ lastRemoval: undefined }),
      }),
      {
        name: KNOWLEDGE_STORAGE_KEY,
        version: 1,
        storage: createJSONStorage(() => storage),
        partialize: ({ userPacks, disabledPackIds, learnedPhrasings, myAnswers }) => ({
          userPacks,
          disabledPackIds,
          learnedPhrasings,
          myAnswers,
        }),
      },
    ),
  );
}

export const selectUserPacks = (state: KnowledgeState) => state.userPacks;

export const selectDisabledPackIds = (state: KnowledgeState) => state.disabledPackIds;
export const selectLearnedPhrasings = (state: KnowledgeState) => state.learnedPhrasings;
export const selectMyAnswers = (state: KnowledgeState) => state.myAnswers;

/** Entries with the phrasings the user taught them added, so the matcher finds them next time. */
export function withLearnedPhrasings(
  entries: readonly KnowledgeEntry[],
  learned: Readonly<Record<string, string[]>>,
): KnowledgeEntry[] {
  return entries.map((entry) => {
    const extra = learned[entry.id];
    return extra?.length ? { ...entry, phrasings: [...entry.phrasings, ...extra] } : entry;
  });
}

/** The packs in use: shipped first, then the user's, without the ones switched off. */
export function activePacks(
  shipped: readonly KnowledgePack[],
  user: readonly KnowledgePack[],
  disabled: readonly string[],
): KnowledgePack[] {
  return [...shipped, ...user].filter((pack) => !disabled.includes(pack.id));
}
