import type { StateCreator } from 'zustand';
import type { NearMissOffer, SessionEvent, ShownCard } from '../messaging/runtime-messages';
import type { CardRecord } from '../session/session-db';
import type { SessionState } from './session-store';

type ProvisionalOutcome = Extract<SessionEvent, { kind: 'provisional-settled' }>['outcome'];

/** A card as the panel lists it: a card of a final line, or one shown on a partial line before the pause. */
export interface LiveCard extends ShownCard {
  /**
   * Only on a card shown on a partial line: the utterance it came from (where it began) and where it
   * stands — still listening, not confirmed by the final line, or replaced by another card (kept in the list).
   */
  provisional?: { startMs: number; state: 'listening' | 'not-confirmed' | 'replaced' };
}

export interface CardsSlice {
  card?: LiveCard;
  /** Chips for the latest close call; cleared when a card is shown. */
  nearMisses?: NearMissOffer;
  /** Questions detected this session, newest last, to jump back to. */
  questions: LiveCard[];
  /** Shows the last of these as the card; all join the session's questions in order, each card once. */
  showCards: (hints: readonly ShownCard[]) => void;
  /** A card picked (here or in another panel) becomes the card; `replaces` is the entry of the same line's card it corrects. */
  showChosen: (card: ShownCard, replaces?: string) => void;
  /** A card from a partial line of the utterance that began at startMs, shown as provisional; chips stay as they are. */
  showProvisional: (startMs: number, card: ShownCard, replaces?: string) => void;
  /** The utterance's final line settled its provisional card (see lib/session/provisional-card.ts); `hints` are the line's cards. */
  settleProvisional: (startMs: number, outcome: ProvisionalOutcome, hints: readonly ShownCard[]) => void;
  offerNearMisses: (offer: NearMissOffer) => void;
  /** Shows an earlier question of this session again (keyboard or list). */
  stepCard: (direction: -1 | 1) => void;
  pickCard: (at: number) => void;
}

type Identity = Pick<LiveCard, 'line' | 'entryId' | 'provisional'>;
/** A card's identity within the session: the line that brought it and its entry; a provisional card's, its utterance and entry. */
export const sameCard = (a: Identity, b: Identity) =>
  a.line === b.line && a.entryId === b.entryId && a.provisional?.startMs === b.provisional?.startMs;

/** The utterance's provisional card still standing (listening, or not confirmed), if this panel has it. */
const standing = (questions: readonly LiveCard[], startMs: number) =>
  questions.find((question) => question.provisional?.startMs === startMs && question.provisional.state !== 'replaced');

type View = Pick<CardsSlice, 'card' | 'questions'>;

/** The view with one card swapped for another; the card on screen follows it. */
function swap(view: View, from: LiveCard, to: LiveCard): View {
  return {
    questions: view.questions.map((question) => (question === from ? to : question)),
    card: view.card && sameCard(view.card, from) ? to : view.card,
  };
}

const marked = (card: LiveCard, state: NonNullable<LiveCard['provisional']>['state']): LiveCard => ({
  ...card,
  provisional: { ...card.provisional!, state },
});

/**
 * The view with these cards added: a card already here (read back from the record, delivered twice,
 * or sent again with the sentence model's alternatives) is not added again, the newer copy takes its
 * place. `show` puts the last one on screen.
 */
function withCards(view: View, hints: readonly ShownCard[], show = true): View {
  if (!hints.length) return view;
  const known = view.questions.map((question) => hints.findLast((hint) => sameCard(hint, question)) ?? question);
  const fresh = hints.filter(
    (hint, position) =>
      !known.some((other) => sameCard(other, hint)) && hints.findIndex((other) => sameCard(other, hint)) === position,
  );
  const questions = [...known, ...fresh];
  const card = hints[hints.length - 1]!;
  const hint = view.card && known.find((question) => sameCard(question, view.card!));
  return { questions, card: show ? questions.find((question) => sameCard(question, card)) : (hint ?? view.card) };
}

/**
 * The line's cards for an utterance whose provisional card this panel shows. Confirmed: the card
 * becomes the line's card in place (the same card on screen, now final; the line's other questions
 * go before it, as asked). Otherwise it is marked, and the line's cards join the list — on screen
 * only where they replace it.
 */
function settled(view: View, startMs: number, outcome: ProvisionalOutcome, hints: readonly ShownCard[]): View {
  const open = standing(view.questions, startMs);
  // A panel opened since the card was shown has nothing to settle: the line's cards show as any line's do.
  if (!open) return outcome === 'not-confirmed' ? view : withCards(view, hints);
  const final = outcome === 'confirmed' ? hints.find((hint) => hint.entryId === open.entryId) : undefined;
  if (final) {
    const position = view.questions.indexOf(open);
    const asked = hints.indexOf(final);
    const before = hints.slice(0, asked).filter((hint) => !view.questions.some((other) => sameCard(other, hint)));
    const questions = [...view.questions.slice(0, position), ...before, final, ...view.questions.slice(position + 1)];
    return withCards(swap({ ...view, questions }, open, final), hints);
  }
  const replaced = outcome === 'replaced';
  const next = swap(view, open, marked(open, replaced ? 'replaced' : 'not-confirmed'));
  return withCards(next, hints, replaced);
}

/** The slice of the session store that holds the session's cards and the one on screen. */
export const createCardsSlice: StateCreator<SessionState, [], [], CardsSlice> = (set, get) => ({
  questions: [],
  showCards(hints) {
    if (hints.length) set({ ...withCards(get(), hints), nearMisses: undefined });
  },
  showChosen(card, replaces) {
    const { questions } = get();
    const known = questions.find((question) => sameCard(question, card));
    const replaced =
      replaces === undefined || replaces === card.entryId
        ? -1
        : questions.findIndex((question) => sameCard(question, { line: card.line, entryId: replaces }));
    let next = known ? questions : [...questions, card];
    // The corrected card gives way: the pick takes its place in the list (or joins it, where the pick was there already).
    if (replaced >= 0)
      next = known
        ? questions.filter((_, position) => position !== replaced)
        : questions.map((question, position) => (position === replaced ? card : question));
    set({ card: known ?? card, questions: next, nearMisses: undefined });
  },
  showProvisional(startMs, card, replaces) {
    const { questions } = get();
    const provisional: LiveCard = { ...card, provisional: { startMs, state: 'listening' } };
    const known = questions.find((question) => sameCard(question, provisional));
    if (known) return set({ card: known });
    const gone = replaces === undefined ? undefined : standing(questions, startMs);
    const kept =
      gone?.entryId === replaces ? questions.map((q) => (q === gone ? marked(q, 'replaced') : q)) : questions;
    set({ card: provisional, questions: [...kept, provisional] });
  },
  settleProvisional(startMs, outcome, hints) {
    const next = settled(get(), startMs, outcome, hints);
    set(outcome === 'confirmed' || outcome === 'replaced' ? { ...next, nearMisses: undefined } : next);
  },
  offerNearMisses: (nearMisses) => set({ nearMisses }),
  stepCard(direction) {
    const { questions, card: hint } = get();
    const position = questions.findIndex((question) => question.at === hint?.at);
    const next =
      questions[Math.min(questions.length - 1, Math.max(0, (position < 0 ? questions.length : position) + direction))];
    if (next) set({ card: next });
  },
  pickCard(at) {
    const hint = get().questions.find((question) => question.at === at);
    if (hint) set({ card: hint });
  },
});

/** At the end of a session, a card still listening will not hear more: it is not confirmed (a late line may still confirm it). */
export const unconfirmedAtStop = (questions: readonly LiveCard[]): LiveCard[] =>
  questions.map((question) =>
    question.provisional?.state === 'listening' ? marked(question, 'not-confirmed') : question,
  );

/** A session's recorded cards as the panel lists them on reopening: what was heard and the chips are not kept. */
export const cardsFromRecords = (records: readonly CardRecord[]): ShownCard[] =>
  records.map(({ line, entryId, question, at }) => ({
    line,
    entryId,
    question,
    at,
    confidence: 1,
    alternatives: [],
    heard: '',
  }));
