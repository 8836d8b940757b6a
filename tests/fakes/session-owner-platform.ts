import { parseMarkdownPack } from '@/lib/knowledge/markdown-pack';
import { createQuestionIndex, type QuestionIndex } from '@/lib/match/question-index';
import type { SessionEvent } from '@/lib/messaging/runtime-messages';
import { cardId, type CardRecord } from '@/lib/session/session-db';
import type { OwnerState, SessionOwnerPlatform } from '@/lib/session/session-owner';

/** Four questions of different topics, the pack the owner's tests read lines against. */
const ownerPack = parseMarkdownPack(`
## How do you handle class imbalance?
- Metrics — PR AUC instead of accuracy
## What is dropout?
- Randomly zeroes activations during training
## What is the difference between L1 and L2 regularization?
- L1 gives sparse weights, L2 shrinks them
## Design a fraud detection system.
- Labels — chargebacks arrive late
`);
export const OWNER_PACK = { pack: ownerPack, index: createQuestionIndex(ownerPack.entries) };

/** The owner's platform in memory: what it recorded and published, and a storage.session that outlives an owner. */
export function fakeOwnerPlatform(
  initial: QuestionIndex,
  options: { threshold?: number; failRecord?: boolean; failLoads?: number } = {},
) {
  const recorded: CardRecord[] = [];
  const published: SessionEvent[] = [];
  let saved: OwnerState | undefined;
  let index = initial;
  let failedLoads = 0;
  let loads = 0;
  const platform: SessionOwnerPlatform = {
    index: () => index,
    threshold: () => options.threshold ?? 0.45,
    // Keyed by the card's identity, as IndexedDB keeps them: writing a card again replaces it in place.
    async recordCard(hint, replaces) {
      if (options.failRecord) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      const same = (card: CardRecord, entryId: string) => cardId(card) === cardId({ ...hint, entryId });
      const gone = recorded.findIndex((card) => replaces !== undefined && same(card, replaces));
      if (gone >= 0) recorded.splice(gone, 1);
      const known = recorded.findIndex((card) => same(card, hint.entryId));
      if (known >= 0) recorded[known] = hint;
      else recorded.push(hint);
    },
    publish: (event) => void published.push(event),
    async loadState() {
      loads++;
      // storage.session can refuse a read (a worker being torn down, a corrupted profile).
      if (failedLoads < (options.failLoads ?? 0)) {
        failedLoads++;
        throw new Error('storage.session is not available');
      }
      return saved ? structuredClone(saved) : undefined;
    },
    saveState: async (state) => void (saved = structuredClone(state)),
  };
  return { platform, recorded, published, setIndex: (next: QuestionIndex) => void (index = next), loads: () => loads };
}
