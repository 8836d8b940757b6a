import { useState } from 'react';
import { PackError } from '@/lib/knowledge/pack-error';
import type { KnowledgePack } from '@/lib/knowledge/schema';
import type { Notice } from '@/lib/store/session-store';

/**
 * The result line of an import, and the save of a reviewed question list. A line that
 * names a pack ("Saved 6 questions as …") goes once that pack is no longer among the
 * user's packs, so a removal never leaves it behind.
 */
export function useImportNotice(userPackIds: ReadonlySet<string>) {
  const [notice, setNotice] = useState<(Notice & { packId?: string }) | null>(null);
  const shown = notice?.packId && !userPackIds.has(notice.packId) ? null : notice;

  /** Saves the reviewed pack and says so (`saved` words it); a pack that fails validation is said, not thrown. Whether it was saved. */
  function saveReviewed(save: () => KnowledgePack, saved: (pack: KnowledgePack) => string): boolean {
    try {
      const pack = save();
      setNotice({ kind: 'info', text: saved(pack), packId: pack.id });
      return true;
    } catch (error) {
      if (!(error instanceof PackError)) throw error;
      setNotice({ kind: 'error', text: `Not saved — ${error.message}. Fix it above and save again.` });
      return false;
    }
  }

  return { notice: shown, setNotice, saveReviewed };
}
