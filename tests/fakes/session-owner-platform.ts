import type { QuestionIndex } from '@/lib/match/question-index';
import type { SessionEvent } from '@/lib/messaging/runtime-messages';
import type { HintRecord } from '@/lib/session/session-db';
import type { OwnerState, SessionOwnerPlatform } from '@/lib/session/session-owner';

/** The owner's platform in memory: what it recorded and published, and a storage.session that outlives an owner. */
export function fakeOwnerPlatform(initial: QuestionIndex, options: { threshold?: number; failRecord?: boolean } = {}) {
  const recorded: HintRecord[] = [];
  const published: SessionEvent[] = [];
  let saved: OwnerState | undefined;
  let index = initial;
  const platform: SessionOwnerPlatform = {
    index: () => index,
    threshold: () => options.threshold ?? 0.45,
    async recordHint(hint) {
      if (options.failRecord) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      recorded.push(hint);
    },
    publish: (event) => void published.push(event),
    loadState: async () => (saved ? structuredClone(saved) : undefined),
    saveState: async (state) => void (saved = structuredClone(state)),
  };
  return { platform, recorded, published, setIndex: (next: QuestionIndex) => void (index = next) };
}
