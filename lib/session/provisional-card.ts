import type { KnowledgeEntry } from '../knowledge/schema';
import type { MatchOptions } from '../match/match-question';
import type { QuestionIndex } from '../match/question-index';
import type { PartialLine, ShownCard, TranscriptLine } from '../messaging/runtime-messages';
import { cardsToShow, readLine, WINDOW_LINES } from './live-cards';

/**
 * The card before the pause: a confident match on a partial line of the interviewer's shows
 * its card at once, marked provisional until the utterance's final line settles it. The
 * decisions, per utterance (identified by where it began, the recogniser's `startMs`):
 *
 * - Partials bring a card only when the final-line matcher and trust policy would: never chips,
 *   and they never change chips.
 * - No flicker: a partial that still reads the card on screen changes nothing; a DIFFERENT
 *   confident match (on a partial or on the final line) replaces it once, never twice.
 * - The final line decides what is recorded, exactly as without partials (same identity:
 *   session, line, entry). A final line that reads the provisional card confirms it in place.
 * - A final line that reads nothing confident does not withdraw the card: taking a card away
 *   the moment the interviewer stops is the worst flicker of all, and the card was confident on
 *   what had been said. It stays on screen marked "not confirmed", is not recorded as a card of
 *   that line (the record holds only what final lines read) and does not become the card that
 *   follow-ups lean to. Its cost, measured by `npm run bench:provisional` (BENCHMARKS.md): a line
 *   that asks nothing the pack covers leaves such a card up to one time in eight.
 * - A final line that reads a third question after the one replacement keeps the card on
 *   screen (marked not confirmed); the line's cards are recorded and join the history.
 * - A partial of an utterance whose line was already read is stale and changes nothing.
 */

/** An interviewer utterance with a provisional card and no final line yet. */
export interface OpenUtterance {
  startMs: number;
  /** The provisional card on screen for it. */
  card: ShownCard;
  /** The entry of the card this one replaced: set once, as an utterance changes its card at most once. */
  replaced?: string;
}

/** What the owner keeps of provisional cards between messages; small, saved with the owner's state. */
export interface ProvisionalState {
  /** Oldest first: one, or two when a partial of the next utterance came before the last one's line. */
  open: OpenUtterance[];
  /** Where the latest interviewer line began: an utterance that began at or before it has ended. */
  endedAt?: number;
}

/** What a final line made of an utterance's provisional card. */
export type ProvisionalOutcome =
  /** The line reads the same question: the card is final, under the line's identity. */
  | 'confirmed'
  /** The line reads another question, and the utterance had not changed its card yet: the line's card replaces it. */
  | 'replaced'
  /** The line reads another question after the one change: the card stays, not confirmed; the line's cards join the history. */
  | 'kept'
  /** The line reads no confident question (or the utterance ended with no line): the card stays, not confirmed. */
  | 'not-confirmed';

export interface Settlement {
  startMs: number;
  outcome: ProvisionalOutcome;
}

/** What a partial changes on screen. */
export type PartialStep = { kind: 'none' } | { kind: 'show'; card: ShownCard; replaces?: string };

/** A partial line's confident reading: the card it would show and every question it reads. */
export interface PartialReading {
  card: ShownCard;
  entryIds: string[];
}

/** At most this many utterances wait for their line; an older one can only be a recogniser hiccup. */
const MAX_OPEN = 2;

export const NO_PROVISIONAL: ProvisionalState = { open: [] };

/** Whether a partial of the utterance that began at `startMs` comes after that utterance's line. */
export function isStale(state: ProvisionalState, startMs: number): boolean {
  return state.endedAt !== undefined && startMs <= state.endedAt;
}

/**
 * Reads a partial line as the final line would be read (the same window of recent lines, the
 * same matcher and trust policy); the card it would show, or undefined when nothing is confident.
 * Provisional cards offer no alternatives: a close call is settled by the final line.
 */
export function readPartial(
  index: QuestionIndex,
  recent: readonly TranscriptLine[],
  partial: PartialLine,
  current: KnowledgeEntry | undefined,
  options: MatchOptions,
  at: number,
): PartialReading | undefined {
  if (partial.channel !== 'interviewer') return undefined;
  const line: TranscriptLine = { ...partial, seq: -1, at };
  const { reading } = readLine(index, [...recent, line].slice(-WINDOW_LINES), current, options);
  if (reading?.kind !== 'card') return undefined;
  const shown = cardsToShow(reading, line);
  return { card: { ...shown[shown.length - 1]!, alternatives: [] }, entryIds: shown.map((hint) => hint.entryId) };
}

/** What a partial of the utterance that began at `startMs` changes, given its reading. */
export function stepPartial(
  state: ProvisionalState,
  startMs: number,
  reading: PartialReading | undefined,
): { state: ProvisionalState; step: PartialStep } {
  const unchanged = { state, step: { kind: 'none' } as const };
  if (isStale(state, startMs) || !reading) return unchanged;
  const open = state.open.find((utterance) => utterance.startMs === startMs);
  const others = state.open.filter((utterance) => utterance !== open);
  if (!open) {
    const next = [...others, { startMs, card: reading.card }].sort((a, b) => a.startMs - b.startMs);
    return { state: { ...state, open: next.slice(-MAX_OPEN) }, step: { kind: 'show', card: reading.card } };
  }
  // Still reading the card on screen (perhaps with another question of the turn, which the line brings): no change.
  if (reading.entryIds.includes(open.card.entryId) || open.replaced !== undefined) return unchanged;
  const replacing = { startMs, card: reading.card, replaced: open.card.entryId };
  return {
    state: { ...state, open: state.open.map((utterance) => (utterance === open ? replacing : utterance)) },
    step: { kind: 'show', card: reading.card, replaces: open.card.entryId },
  };
}

/**
 * What an interviewer's final line settles: its own utterance's provisional card (by the cards
 * the line shows), and any earlier utterance still open, which ended with no line of its own
 * (the recogniser kept no text) and so is not confirmed. A candidate's line settles nothing.
 */
export function settleLine(
  state: ProvisionalState,
  line: Pick<TranscriptLine, 'channel' | 'startMs'>,
  shown: readonly ShownCard[],
): { state: ProvisionalState; settlements: Settlement[] } {
  if (line.channel !== 'interviewer') return { state, settlements: [] };
  const settlements = state.open
    .filter((utterance) => utterance.startMs <= line.startMs)
    .map((utterance): Settlement => {
      const outcome: ProvisionalOutcome =
        utterance.startMs < line.startMs || shown.length === 0
          ? 'not-confirmed'
          : shown.some((hint) => hint.entryId === utterance.card.entryId)
            ? 'confirmed'
            : utterance.replaced === undefined
              ? 'replaced'
              : 'kept';
      return { startMs: utterance.startMs, outcome };
    });
  return {
    state: {
      open: state.open.filter((utterance) => utterance.startMs > line.startMs),
      endedAt: Math.max(state.endedAt ?? line.startMs, line.startMs),
    },
    settlements,
  };
}
