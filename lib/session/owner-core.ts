import type { QuestionIndex } from '../match/question-index';
import type { SessionEvent, ShownCard, TranscriptLine } from '../messaging/runtime-messages';
import type { ProvisionalState } from './provisional-card';
import type { SemanticPlatform } from './semantic-follow-up';
import type { CardRecord } from './session-db';

/** A card being recorded: written into the owner's state first, so a worker that dies midway records it on restart. */
export interface PendingCard {
  card: CardRecord;
  /** The entry of the same line's card this one corrects (an alternative picked). */
  replaces?: string;
}

/** What the owner remembers between lines; small, so it can live in storage.session across worker restarts. */
export interface OwnerState {
  sessionId: string;
  /** The last few lines, the matcher's window. */
  recent: TranscriptLine[];
  /** The highest line seq read: lines arrive in order, so one at or below it was read already, however long ago. */
  readUpTo?: number;
  /** The card on screen: follow-ups lean to it, a repeat of it changes nothing. */
  current?: string;
  /** Cards decided but perhaps not yet recorded. */
  pending?: PendingCard[];
  /** Provisional cards shown on partial lines and the utterances they belong to (absent before the first interviewer line or partial). */
  provisional?: ProvisionalState;
}

export interface SessionOwnerPlatform {
  /** The index for the knowledge the user has on now; may wait for it to load. */
  index(): QuestionIndex | Promise<QuestionIndex>;
  threshold(): number | Promise<number>;
  /** Keeps a card under its identity (writing it twice is harmless); `replaces` drops the same line's corrected card. */
  recordCard(hint: CardRecord, replaces?: string): Promise<void>;
  /** Tells open panels (none may be open). */
  publish(event: SessionEvent): void;
  loadState(): Promise<OwnerState | undefined>;
  saveState(state: OwnerState): Promise<void>;
  /** The optional sentence model; absent, or resolving to undefined while its setting is off. */
  semantic?(): Promise<SemanticPlatform | undefined>;
}

/** The records of cards shown for a session's line, to be committed. */
export const pendingCards = (sessionId: string, shown: readonly ShownCard[]): PendingCard[] =>
  shown.map(({ line, entryId, question, at }) => ({ card: { sessionId, line, entryId, question, at } }));

/** Pauses before reading the owner's state again after a failed read. */
const LOAD_RETRY_MS = [50, 250];

/**
 * What every step of the session owner stands on: its state, restored after a worker restart
 * and saved before anything it decides takes effect, and one queue that takes messages in
 * the order they came.
 */
export function createOwnerCore(platform: SessionOwnerPlatform) {
  let state: OwnerState | undefined;
  let restored: Promise<void> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  /**
   * Bumped by every new line, choice and provisional card, in the queue's order: a semantic
   * addition, published through the queue too, is dropped when anything came after its line.
   */
  let arrivals = 0;

  // A restarted service worker picks up where the last one stopped. A failed read is
  // tried again after a short pause, and not kept: the next line reads storage afresh.
  const load = async () => {
    for (let attempt = 0; ; attempt++) {
      try {
        state ??= await platform.loadState();
        return;
      } catch (error) {
        if (attempt >= LOAD_RETRY_MS.length) throw error;
        await new Promise((resolve) => setTimeout(resolve, LOAD_RETRY_MS[attempt]));
      }
    }
  };
  const ready = () =>
    (restored ??= load()
      // Cards the last worker decided but may not have recorded.
      .then(() => state && recordPending(state))
      .catch((error: unknown) => {
        restored = undefined;
        throw error;
      }));

  /** Records the state's pending cards; recording is idempotent, so a restart that repeats it adds nothing. */
  async function recordPending(session: OwnerState) {
    for (const { card, replaces } of session.pending ?? []) await platform.recordCard(card, replaces);
  }

  return {
    /** Runs work after everything queued before it, whether that succeeded or not. */
    serially<T>(work: () => Promise<T>): Promise<T> {
      const next = queue.then(work, work);
      queue = next.catch(() => undefined);
      return next;
    },
    /** The state of this session, once the last worker's is restored; another session starts empty. */
    async session(sessionId: string): Promise<OwnerState> {
      await ready();
      if (state?.sessionId !== sessionId) state = { sessionId, recent: [] };
      return state;
    },
    /** The state as it is now, without waiting (undefined before anything was read). */
    now: () => state,
    /**
     * The decision first, then its effects: the state (with the new card and the cards still
     * to record) is saved before anything is recorded or published. A worker that dies in
     * between leaves a state that already knows the card, so a repeated question does not
     * bring it a second time, and the next owner records what was left.
     */
    async commit(session: OwnerState, cards: PendingCard[]) {
      session.pending = cards.length ? cards : undefined;
      await platform.saveState(session);
      await recordPending(session);
    },
    /** Counts something that came after every line read so far; returns its number. */
    arrive: () => ++arrivals,
    arrivals: () => arrivals,
  };
}

export type OwnerCore = ReturnType<typeof createOwnerCore>;
