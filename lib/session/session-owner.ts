import type { QuestionIndex } from '../match/question-index';
import type { SessionEvent, ShownHint, TranscriptLine } from '../messaging/runtime-messages';
import { hintsToShow, nearMissOffer, nextHint, WINDOW_LINES } from './live-hints';
import type { HintRecord } from './session-db';

/** What the owner remembers between lines; small, so it can live in storage.session across worker restarts. */
export interface OwnerState {
  sessionId: string;
  /** The last few lines, the matcher's window. */
  recent: TranscriptLine[];
  /** The card on screen: follow-ups lean to it, a repeat of it changes nothing. */
  current?: string;
}

export interface SessionOwnerPlatform {
  /** The index for the knowledge the user has on now; may wait for it to load. */
  index(): QuestionIndex | Promise<QuestionIndex>;
  threshold(): number | Promise<number>;
  recordHint(hint: HintRecord): Promise<void>;
  /** Tells open panels (none may be open). */
  publish(event: SessionEvent): void;
  loadState(): Promise<OwnerState | undefined>;
  saveState(state: OwnerState): Promise<void>;
}

/** Pauses before reading the owner's state again after a failed read. */
const LOAD_RETRY_MS = [50, 250];

/**
 * The one owner of a live session's questions: each final transcript line is read
 * against the knowledge base once, wherever panels are (none, one or two), the cards
 * it brings are saved to the session record and published, and close calls become
 * chips. Lines are taken one at a time, in order.
 */
export function createSessionOwner(platform: SessionOwnerPlatform) {
  let state: OwnerState | undefined;
  let restored: Promise<void> | undefined;
  let queue: Promise<unknown> = Promise.resolve();

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
    (restored ??= load().catch((error: unknown) => {
      restored = undefined;
      throw error;
    }));
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  const forSession = (sessionId: string): OwnerState => {
    if (state?.sessionId !== sessionId) state = { sessionId, recent: [] };
    return state;
  };

  async function record(sessionId: string, hints: readonly Pick<ShownHint, 'entryId' | 'question' | 'at'>[]) {
    for (const hint of hints) await platform.recordHint({ sessionId, entryId: hint.entryId, question: hint.question, at: hint.at });
  }

  return {
    /** Reads one final line; returns the cards it showed (already recorded and published). */
    takeLine(line: TranscriptLine): Promise<ShownHint[]> {
      return serially(async () => {
        await ready();
        const session = forSession(line.sessionId);
        if (session.recent.some((known) => known.seq === line.seq)) return [];
        session.recent = [...session.recent, line].slice(-WINDOW_LINES);
        const [index, threshold] = await Promise.all([platform.index(), platform.threshold()]);
        const reading = nextHint(index, session.recent, session.current ? index.entry(session.current) : undefined, { threshold });
        let shown: ShownHint[] = [];
        if (reading?.kind === 'near-miss') platform.publish({ kind: 'near-misses', sessionId: line.sessionId, offer: nearMissOffer(reading, line.at) });
        if (reading?.kind === 'hint') {
          shown = hintsToShow(reading, line.at);
          session.current = shown[shown.length - 1]!.entryId;
          await record(line.sessionId, shown);
          platform.publish({ kind: 'hints', sessionId: line.sessionId, hints: shown });
        }
        await platform.saveState(session);
        return shown;
      });
    },

    /** The user named the card (an alternative, a chip, a drill question): record it and read what follows against it. */
    choose(choice: { sessionId: string; entryId: string; question: string; at: number }): Promise<void> {
      return serially(async () => {
        await ready();
        const session = forSession(choice.sessionId);
        session.current = choice.entryId;
        await record(choice.sessionId, [choice]);
        await platform.saveState(session);
      });
    },
  };
}

export type SessionOwner = ReturnType<typeof createSessionOwner>;
