import { create, type StoreApi } from 'zustand';
import type {
  Channel,
  NearMissOffer,
  RunDevice,
  SessionEvent,
  SessionStatus,
  ShownCard,
  TranscriptLine,
} from '../messaging/runtime-messages';
import { createCardsSlice, sameCard, unconfirmedAtStop, type CardsSlice, type LiveCard } from './session-cards';

export type { LiveCard, NearMissOffer, ShownCard };

export interface Notice {
  kind: 'error' | 'info';
  text: string;
}

export interface SessionState extends CardsSlice {
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
  apply: (event: SessionEvent) => void;
  setStatus: (status: SessionStatus) => void;
  /** Shows "starting" for a press of Start; false (and nothing changes) when a session is already starting or running. */
  claimStart: (mode: SessionState['mode']) => boolean;
  setStopping: () => void;
  resume: (sessionId: string, lines: TranscriptLine[], questions: ShownCard[]) => void;
  notify: (notice: SessionState['notice']) => void;
}

type Set = StoreApi<SessionState>['setState'];
type Get = StoreApi<SessionState>['getState'];
type CardEvent = Extract<
  SessionEvent,
  { kind: 'cards' | 'near-misses' | 'card-chosen' | 'provisional-card' | 'provisional-settled' }
>;

/** Switching to another session starts an empty view; the same session keeps what it has. */
const forSession = (get: Get, sessionId: string): Partial<SessionState> =>
  get().sessionId === sessionId
    ? {}
    : { sessionId, lines: [], partials: {}, speaking: {}, questions: [], card: undefined, nearMisses: undefined };

/** What the session's cards do with an event from the session owner (for this panel's session only). */
function applyCardEvent(event: CardEvent, get: Get) {
  if (event.sessionId !== get().sessionId) return;
  const state = get();
  switch (event.kind) {
    case 'cards':
      return state.showCards(event.cards);
    case 'near-misses':
      return state.offerNearMisses(event.offer);
    case 'card-chosen':
      return state.showChosen(event.card, event.replaces);
    case 'provisional-card':
      return state.showProvisional(event.startMs, event.card, event.replaces);
    case 'provisional-settled':
      return state.settleProvisional(event.startMs, event.outcome, event.cards);
  }
}

/** The stopped session's last words: why it ended, and cards still listening are not confirmed. */
function stopped(event: Extract<SessionEvent, { kind: 'stopped' }>, get: Get): Partial<SessionState> {
  const notice: Notice | undefined =
    event.reason === 'tab-ended'
      ? { kind: 'info', text: 'The captured tab was closed, so the session ended. Its transcript is saved.' }
      : event.message
        ? { kind: 'error', text: event.message }
        : get().notice;
  const questions = unconfirmedAtStop(get().questions);
  const { card: hint } = get();
  return {
    status: 'idle',
    awaitingStart: false,
    partials: {},
    speaking: {},
    notice,
    questions,
    card: hint && (questions.find((question) => sameCard(question, hint)) ?? hint),
  };
}

/** What an event of the capture page does to the view: the model, the session, the transcript, notices. */
function applyCaptureEvent(event: SessionEvent, set: Set, get: Get) {
  switch (event.kind) {
    case 'model-progress':
      return set({ model: { state: 'loading', loaded: event.loaded, total: event.total, file: event.file } });
    case 'model-ready':
      return set({ model: { state: 'ready', device: event.device, loaded: 0, total: 0 } });
    case 'capturing':
      return set({ ...forSession(get, event.sessionId), status: 'capturing', awaitingStart: false, notice: undefined });
    case 'speech-start':
      return set({ speaking: { ...get().speaking, [event.channel]: true } });
    case 'partial':
      return set({
        partials: { ...get().partials, [event.channel]: event.text },
        speaking: { ...get().speaking, [event.channel]: true },
      });
    case 'line': {
      const { line } = event;
      if (line.sessionId !== get().sessionId || get().lines.some((known) => known.seq === line.seq)) return;
      return set({
        lines: [...get().lines, line],
        partials: { ...get().partials, [line.channel]: undefined },
        speaking: { ...get().speaking, [line.channel]: false },
      });
    }
    case 'no-audio':
      return set({
        notice: {
          kind: 'info',
          text: `No audio has reached Cuecard for ${event.seconds} s. Is the tab playing, and not muted?`,
        },
      });
    case 'notice':
      return set({ notice: { kind: 'info', text: event.message } });
    case 'stopped':
      return set(stopped(event, get));
    case 'error':
      return set({ notice: { kind: 'error', text: event.message } });
    case 'cards':
    case 'near-misses':
    case 'card-chosen':
    case 'provisional-card':
    case 'provisional-settled':
      return applyCardEvent(event, get);
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
}

/** One store for the live session: fed by runtime events, read by the live view. */
export function createSessionStore() {
  return create<SessionState>()((set, get, api) => ({
    ...createCardsSlice(set, get, api),
    status: 'idle',
    awaitingStart: false,
    mode: 'interview',
    lines: [],
    partials: {},
    speaking: {},
    model: { state: 'idle', loaded: 0, total: 0 },
    apply: (event) => applyCaptureEvent(event, set, get),
    setStatus(status) {
      // The capture page's "capturing" event names the session that really runs, and can arrive
      // before the reply to Start: a "starting" reply never replaces it (nor switches the view away).
      if (status.state === 'starting' && get().status === 'capturing') return set({ awaitingStart: false });
      set({
        status: status.state,
        awaitingStart: false,
        ...(status.state === 'idle' ? {} : forSession(get, status.sessionId)),
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
      const merged: LiveCard[] = [...questions, ...(current?.questions ?? [])]
        .filter((question, position, all) => all.findIndex((other) => sameCard(other, question)) === position)
        .sort((a, b) => a.at - b.at);
      set({
        sessionId,
        lines: [...bySeq.values()].sort((a, b) => a.seq - b.seq),
        questions: merged,
        card: current?.card ?? merged.at(-1),
      });
    },
    notify: (notice) => set({ notice }),
  }));
}
