import { create } from 'zustand';
import type {
  Channel,
  NearMissOffer,
  RunDevice,
  SessionEvent,
  SessionStatus,
  ShownHint,
  TranscriptLine,
} from '../messaging/runtime-messages';

export type { NearMissOffer, ShownHint };

export interface Notice {
  kind: 'error' | 'info';
  text: string;
}

export interface SessionState {
  status: SessionStatus['state'] | 'stopping';
  /** Start was pressed and the background has not answered yet: a second press (on Start, or on the Stop it became) does nothing. */
  awaitingStart: boolean;
  /** What this panel started: an interview (the tab) or a drill (the microphone alone). */
  mode: 'interview' | 'drill';
  sessionId?: string;
  lines: TranscriptLine[];
  partials: Partial<Record<Channel, string>>;
  /** Who is speaking now (from speech start to their line): shown even where partial text is off. */
  speaking: Partial<Record<Channel, boolean>>;
  model: { state: 'idle' | 'loading' | 'ready'; device?: RunDevice; loaded: number; total: number; file?: string };
  /** The latest problem, said so the user knows what to do. */
  notice?: Notice;
  hint?: ShownHint;
  /** Chips for the latest close call; cleared when a card is shown. */
  nearMisses?: NearMissOffer;
  /** Questions detected this session, newest last, to jump back to. */
  questions: ShownHint[];
  apply: (event: SessionEvent) => void;
  setStatus: (status: SessionStatus) => void;
  /** Shows "starting" for a press of Start; false (and nothing changes) when a session is already starting or running. */
  claimStart: (mode: SessionState['mode']) => boolean;
  setStopping: () => void;
  resume: (sessionId: string, lines: TranscriptLine[], questions: ShownHint[]) => void;
  /** Shows the last of these as the card; all join the session's questions in order, each card once. */
  showHints: (hints: readonly ShownHint[]) => void;
  /** A card picked (here or in another panel) becomes the card; `replaces` is the entry of the same line's card it corrects. */
  showChosen: (card: ShownHint, replaces?: string) => void;
  offerNearMisses: (offer: NearMissOffer) => void;
  /** Shows an earlier question of this session again (keyboard or list). */
  stepHint: (direction: -1 | 1) => void;
  pickHint: (at: number) => void;
  notify: (notice: SessionState['notice']) => void;
}

/** One store for the live session: fed by runtime events, read by the live view. */
export function createSessionStore() {
  return create<SessionState>()((set, get) => {
    /** Switching to another session starts an empty view; the same session keeps what it has. */
    const forSession = (sessionId: string): Partial<SessionState> =>
      get().sessionId === sessionId
        ? {}
        : { sessionId, lines: [], partials: {}, speaking: {}, questions: [], hint: undefined, nearMisses: undefined };
    /** A card's identity within the session: the line that brought it and its entry. */
    const sameCard = (a: Pick<ShownHint, 'line' | 'entryId'>, b: Pick<ShownHint, 'line' | 'entryId'>) =>
      a.line === b.line && a.entryId === b.entryId;
    return {
      status: 'idle',
      awaitingStart: false,
      mode: 'interview',
      lines: [],
      partials: {},
      speaking: {},
      model: { state: 'idle', loaded: 0, total: 0 },
      questions: [],
      apply(event) {
        switch (event.kind) {
          case 'model-progress':
            set({ model: { state: 'loading', loaded: event.loaded, total: event.total, file: event.file } });
            return;
          case 'model-ready':
            set({ model: { state: 'ready', device: event.device, loaded: 0, total: 0 } });
            return;
          case 'capturing':
            set({ ...forSession(event.sessionId), status: 'capturing', awaitingStart: false, notice: undefined });
            return;
          case 'speech-start':
            set({ speaking: { ...get().speaking, [event.channel]: true } });
            return;
          case 'partial':
            set({
              partials: { ...get().partials, [event.channel]: event.text },
              speaking: { ...get().speaking, [event.channel]: true },
            });
            return;
          case 'line': {
            const { line } = event;
            if (line.sessionId !== get().sessionId || get().lines.some((known) => known.seq === line.seq)) return;
            set({
              lines: [...get().lines, line],
              partials: { ...get().partials, [line.channel]: undefined },
              speaking: { ...get().speaking, [line.channel]: false },
            });
            return;
          }
          case 'no-audio':
            set({
              notice: {
                kind: 'info',
                text: `No audio has reached Cuecard for ${event.seconds} s. Is the tab playing, and not muted?`,
              },
            });
            return;
          case 'notice':
            set({ notice: { kind: 'info', text: event.message } });
            return;
          case 'stopped':
            set({
              status: 'idle',
              awaitingStart: false,
              partials: {},
              speaking: {},
              notice:
                event.reason === 'tab-ended'
                  ? {
                      kind: 'info',
                      text: 'The captured tab was closed, so the session ended. Its transcript is saved.',
                    }
                  : event.message
                    ? { kind: 'error', text: event.message }
                    : get().notice,
            });
            return;
          case 'error':
            set({ notice: { kind: 'error', text: event.message } });
            return;
          case 'hints':
            if (event.sessionId === get().sessionId) get().showHints(event.hints);
            return;
          case 'near-misses':
            if (event.sessionId === get().sessionId) set({ nearMisses: event.offer });
            return;
          case 'card-chosen':
            if (event.sessionId === get().sessionId) get().showChosen(event.card, event.replaces);
            return;
          default: {
            const unhandled: never = event;
            return unhandled;
          }
        }
      },
      setStatus(status) {
        // The capture page's "capturing" event names the session that really runs, and can arrive
        // before the reply to Start: a "starting" reply never replaces it (nor switches the view away).
        if (status.state === 'starting' && get().status === 'capturing') {
          set({ awaitingStart: false });
          return;
        }
        set({
          status: status.state,
          awaitingStart: false,
          ...(status.state === 'idle' ? {} : forSession(status.sessionId)),
        });
      },
      claimStart(mode) {
        if (get().status !== 'idle') return false;
        set({ status: 'starting', awaitingStart: true, notice: undefined, mode });
        return true;
      },
      setStopping: () => set({ status: 'stopping' }),
      resume(sessionId, lines, questions) {
        // Events may have arrived while the record was read: keep them, merged in order, and the card on screen.
        const current = get().sessionId === sessionId ? get() : undefined;
        const bySeq = new Map([...lines, ...(current?.lines ?? [])].map((line) => [line.seq, line]));
        const merged = [...questions, ...(current?.questions ?? [])]
          .filter((question, position, all) => all.findIndex((other) => sameCard(other, question)) === position)
          .sort((a, b) => a.at - b.at);
        set({
          sessionId,
          lines: [...bySeq.values()].sort((a, b) => a.seq - b.seq),
          questions: merged,
          hint: current?.hint ?? merged.at(-1),
        });
      },
      showHints(hints) {
        if (!hints.length) return;
        // A card already here (read back from the record, delivered twice, or sent again with the
        // sentence model's alternatives) is shown, not added again; the newer copy takes its place.
        const known = get().questions.map((question) => hints.findLast((hint) => sameCard(hint, question)) ?? question);
        const fresh = hints.filter(
          (hint, position) =>
            !known.some((other) => sameCard(other, hint)) &&
            hints.findIndex((other) => sameCard(other, hint)) === position,
        );
        const card = hints[hints.length - 1]!;
        set({
          hint: [...known, ...fresh].find((question) => sameCard(question, card)),
          questions: [...known, ...fresh],
          nearMisses: undefined,
        });
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
        set({ hint: known ?? card, questions: next, nearMisses: undefined });
      },
      offerNearMisses: (nearMisses) => set({ nearMisses }),
      stepHint(direction) {
        const { questions, hint } = get();
        const position = questions.findIndex((question) => question.at === hint?.at);
        const next =
          questions[
            Math.min(questions.length - 1, Math.max(0, (position < 0 ? questions.length : position) + direction))
          ];
        if (next) set({ hint: next });
      },
      pickHint(at) {
        const hint = get().questions.find((question) => question.at === at);
        if (hint) set({ hint });
      },
      notify: (notice) => set({ notice }),
    };
  });
}
