import type { QuestionMatch } from '../match/match-question';
import type { QuestionIndex } from '../match/question-index';
import type { SessionEvent, ShownHint, TranscriptLine } from '../messaging/runtime-messages';
import { applySemanticStage } from '../match/semantic-stage';
import { hintsToShow, nearMissOffer, readLine, WINDOW_LINES, type LiveReading } from './live-hints';
import { semanticAddition, worthEmbedding, type SemanticPlatform } from './semantic-follow-up';
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
  /** The optional sentence model; absent, or resolving to undefined while its setting is off. */
  semantic?(): Promise<SemanticPlatform | undefined>;
}

/** A line's lexical match and what it showed, for the sentence model's second opinion. */
type LexicalReading = { match: QuestionMatch; reading: LiveReading | null; arrival: number };

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

  // A restarted service worker picks up where the last one stopped.
  const ready = () => (restored ??= platform.loadState().then((saved) => void (state ??= saved)));
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
      const addition = semanticAddition(result, lexical.reading, state.current, line.at);
      if (addition?.kind === 'near-misses') platform.publish({ kind: 'near-misses', sessionId: line.sessionId, offer: addition.offer });
      if (addition?.kind === 'alternatives') platform.publish({ kind: 'hints', sessionId: line.sessionId, hints: [addition.card] });
      if (addition?.kind === 'card') {
        state.current = addition.hints[addition.hints.length - 1]!.entryId;
        await record(line.sessionId, addition.hints);
        platform.publish({ kind: 'hints', sessionId: line.sessionId, hints: addition.hints });
        await platform.saveState(state);
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
        if (session.recent.some((known) => known.seq === line.seq)) return [];
        const arrival = ++arrivals;
        session.recent = [...session.recent, line].slice(-WINDOW_LINES);
        const [index, threshold] = await Promise.all([platform.index(), platform.threshold()]);
        const { reading, match } = readLine(index, session.recent, session.current ? index.entry(session.current) : undefined, { threshold });
        if (worthEmbedding(match)) lexical = { match, reading, arrival };
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
      // The lexical cards are out first; the sentence model may only add to them afterwards.
      void taken.then(() => lexical && addSemantic(line, lexical)).catch(() => undefined);
      return taken;
    },

    /** The user named the card (an alternative, a chip, a drill question): record it and read what follows against it. */
    choose(choice: { sessionId: string; entryId: string; question: string; at: number }): Promise<void> {
      return serially(async () => {
        arrivals++;
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
