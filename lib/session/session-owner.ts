import type { QuestionMatch } from '../match/match-question';
import type { QuestionIndex } from '../match/question-index';
import type { SessionEvent, ShownHint, TranscriptLine } from '../messaging/runtime-messages';
import { applySemanticStage } from '../match/semantic-stage';
import { hintsToShow, nearMissOffer, readLine, WINDOW_LINES, type LiveReading } from './live-hints';
import { semanticAddition, worthEmbedding, type SemanticPlatform } from './semantic-follow-up';
import type { HintRecord } from './session-db';

/** A card being recorded: written into the owner's state first, so a worker that dies midway records it on restart. */
interface PendingCard {
  card: HintRecord;
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
}

export interface SessionOwnerPlatform {
  /** The index for the knowledge the user has on now; may wait for it to load. */
  index(): QuestionIndex | Promise<QuestionIndex>;
  threshold(): number | Promise<number>;
  /** Keeps a card under its identity (writing it twice is harmless); `replaces` drops the same line's corrected card. */
  recordHint(hint: HintRecord, replaces?: string): Promise<void>;
  /** Tells open panels (none may be open). */
  publish(event: SessionEvent): void;
  loadState(): Promise<OwnerState | undefined>;
  saveState(state: OwnerState): Promise<void>;
  /** The optional sentence model; absent, or resolving to undefined while its setting is off. */
  semantic?(): Promise<SemanticPlatform | undefined>;
}

/** A line's lexical match and what it showed, for the sentence model's second opinion. */
type LexicalReading = { match: QuestionMatch; reading: LiveReading | null; arrival: number };

/** The records of cards shown for a session's line, to be committed. */
const pendingCards = (sessionId: string, shown: readonly ShownHint[]): PendingCard[] =>
  shown.map(({ line, entryId, question, at }) => ({ card: { sessionId, line, entryId, question, at } }));

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
  /**
   * Bumped by every new line and choice, in the queue's order: a semantic addition, published
   * through the queue too, is dropped when anything came after its line.
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
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  const forSession = (sessionId: string): OwnerState => {
    if (state?.sessionId !== sessionId) state = { sessionId, recent: [] };
    return state;
  };

  /** Records the state's pending cards; recording is idempotent, so a restart that repeats it adds nothing. */
  async function recordPending(session: OwnerState) {
    for (const { card, replaces } of session.pending ?? []) await platform.recordHint(card, replaces);
  }

  /**
   * The decision first, then its effects: the state (with the new card and the cards still
   * to record) is saved before anything is recorded or published. A worker that dies in
   * between leaves a state that already knows the card, so a repeated question does not
   * bring it a second time, and the next owner records what was left.
   */
  async function commit(session: OwnerState, cards: PendingCard[]) {
    session.pending = cards.length ? cards : undefined;
    await platform.saveState(session);
    await recordPending(session);
  }

  /**
   * The sentence model's second opinion on a line, outside the queue so the next line never
   * waits for it; published only if no newer line or choice came meanwhile. Any failure (no
   * model, a closed offscreen document) leaves the lexical reading as it was.
   */
  async function addSemantic(line: TranscriptLine, lexical: LexicalReading): Promise<void> {
    const semantic = await platform.semantic?.();
    if (!semantic) return;
    const [index, query] = await Promise.all([semantic.index(), semantic.embed(lexical.match.questionText)]);
    const result = applySemanticStage(lexical.match, index, query);
    await serially(async () => {
      if (lexical.arrival !== arrivals || state?.sessionId !== line.sessionId) return;
      const addition = semanticAddition(result, lexical.reading, state.current, line);
      if (addition?.kind === 'near-misses')
        platform.publish({ kind: 'near-misses', sessionId: line.sessionId, offer: addition.offer });
      if (addition?.kind === 'alternatives')
        platform.publish({ kind: 'hints', sessionId: line.sessionId, hints: [addition.card] });
      if (addition?.kind === 'card') {
        state.current = addition.hints[addition.hints.length - 1]!.entryId;
        await commit(state, pendingCards(line.sessionId, addition.hints));
        platform.publish({ kind: 'hints', sessionId: line.sessionId, hints: addition.hints });
      }
    });
  }

  return {
    /** Reads one final line; returns the cards it showed (already recorded and published). */
    takeLine(line: TranscriptLine): Promise<ShownHint[]> {
      let lexical: LexicalReading | undefined;
      const taken = serially(async () => {
        await ready();
        const session = forSession(line.sessionId);
        if (line.seq <= (session.readUpTo ?? -1)) return [];
        session.readUpTo = line.seq;
        const arrival = ++arrivals;
        session.recent = [...session.recent, line].slice(-WINDOW_LINES);
        const [index, threshold] = await Promise.all([platform.index(), platform.threshold()]);
        const { reading, match } = readLine(
          index,
          session.recent,
          session.current ? index.entry(session.current) : undefined,
          { threshold },
        );
        if (worthEmbedding(match)) lexical = { match, reading, arrival };
        let shown: ShownHint[] = [];
        if (reading?.kind === 'hint') {
          shown = hintsToShow(reading, line);
          session.current = shown[shown.length - 1]!.entryId;
        }
        await commit(session, pendingCards(line.sessionId, shown));
        if (reading?.kind === 'near-miss')
          platform.publish({ kind: 'near-misses', sessionId: line.sessionId, offer: nearMissOffer(reading, line) });
        if (shown.length) platform.publish({ kind: 'hints', sessionId: line.sessionId, hints: shown });
        return shown;
      });
      // The lexical cards are out first; the sentence model may only add to them afterwards.
      void taken.then(() => lexical && addSemantic(line, lexical)).catch(() => undefined);
      return taken;
    },

    /**
     * The user named the card (an alternative, a chip, a drill question) in one panel: record it,
     * read what follows against it, and tell every panel, so all show the same card.
     */
    choose(choice: { sessionId: string; card: ShownHint; replaces?: string }): Promise<void> {
      return serially(async () => {
        arrivals++;
        await ready();
        const session = forSession(choice.sessionId);
        const { card } = choice;
        session.current = card.entryId;
        await commit(session, [
          {
            card: {
              sessionId: choice.sessionId,
              line: card.line,
              entryId: card.entryId,
              question: card.question,
              at: card.at,
            },
            replaces: choice.replaces,
          },
        ]);
        platform.publish({ kind: 'card-chosen', sessionId: choice.sessionId, card, replaces: choice.replaces });
      });
    },
  };
}

export type SessionOwner = ReturnType<typeof createSessionOwner>;
