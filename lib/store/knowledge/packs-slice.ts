import { addPack } from '../../knowledge/add-pack';
import { findInstalledCopy, type InstalledCopy } from '../../knowledge/compare-packs';
import { PackError } from '../../knowledge/pack-error';
import { parsePackFile } from '../../knowledge/parse-pack-file';
import { takeMyAnswers } from '../../knowledge/my-answer';
import type { KnowledgePack } from '../../knowledge/schema';
import type { KnowledgeSlice } from '../knowledge-store';

/** An import adds the pack, is refused, or waits: the file is a copy of an installed pack, and the user says whether to update it or keep both. */
export type ImportResult =
  | { ok: true; pack: KnowledgePack }
  | { ok: false; message: string }
  | { ok: 'copy'; pack: KnowledgePack; copy: InstalledCopy };

/** The user's packs: imported, updated, removed, switched off and on. */
export interface PacksSlice {
  /** Packs the user imported; the shipped packs are compiled in and never stored. */
  userPacks: KnowledgePack[];
  /** Packs switched off: kept, but neither matched nor listed. */
  disabledPackIds: string[];
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
}

export const createPacksSlice: KnowledgeSlice<PacksSlice> = (set, get) => ({
  userPacks: [],
  disabledPackIds: [],
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
});
