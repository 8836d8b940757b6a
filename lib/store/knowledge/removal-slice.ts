import type { KnowledgeEntry, KnowledgePack } from '../../knowledge/schema';
import type { KnowledgeSlice } from '../knowledge-store';
import { MY_PACK } from './entries-slice';

/** What a removal took and where it was, so Undo puts it back in its place. */
export type Removal =
  | { kind: 'pack'; pack: KnowledgePack; position: number }
  | { kind: 'entry'; packId: string; entry: KnowledgeEntry; position: number };

/** Undo for the last pack or entry removed. */
export interface RemovalSlice {
  /** The last removal (a pack or an entry), undoable for a while; never stored. */
  lastRemoval?: Removal;
  /** Puts back what the last removal took; changes made since then to other packs stay. */
  undoRemoval: () => void;
  forgetRemoval: () => void;
}

export const createRemovalSlice: KnowledgeSlice<RemovalSlice> = (set, get) => ({
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
});
