import { create } from 'zustand';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import type { KnowledgeEntry } from '../knowledge/schema';
import {
  answerTimeMs,
  ratingFromCoverage,
  recordAttempt,
  type PracticeRecord,
  type SelfRating,
} from './practice-schedule';

/** The drill question being answered: its card stays hidden until the answer is over. */
export interface DrillQuestion {
  entryId: string;
  askedAt: number;
  /** With the answer timer on: when the answer's time is up. */
  deadline?: number;
  revealed: boolean;
  rated: boolean;
  /** Without a microphone: why, and the answer typed instead (empty: thought through). */
  typed?: { problem: string; answer: string };
}

export interface PracticeState {
  /** Practice history and review schedule, by entry id. */
  history: Record<string, PracticeRecord>;
  /** Drill answers get a visible countdown. */
  timerOn: boolean;
  drill: DrillQuestion | null;
  /** Entries to drill next, in order ("drill these" from a session review); not stored. */
  queue: string[];
  queueDrill: (entryIds: readonly string[]) => void;
  dequeue: (entryId: string) => void;
  setTimerOn: (on: boolean) => void;
  /** Asks a drill question; with `withoutMicrophone` (why there is none) it is answered by typing. */
  startQuestion: (entry: KnowledgeEntry, now: number, withoutMicrophone?: string) => void;
  setTypedAnswer: (answer: string) => void;
  /** Shows the card: the user asked, stopped answering, or the time ran out. */
  reveal: () => void;
  /** Keeps the attempt (self-rating and coverage) and moves the entry on in the schedule. */
  rate: (rating: SelfRating, coveredShare: number | null, now: number) => void;
  endDrill: () => void;
  /**
   * Keeps the answers of a mock interview (heard on the microphone) in the history, rated by
   * their coverage; an entry already rated in a drill after it was asked is left alone.
   */
  recordInterviewAnswers: (
    answers: ReadonlyArray<{ entryId: string; askedAt: number; coveredShare: number }>,
    now: number,
  ) => void;
}

export const PRACTICE_STORAGE_KEY = 'cuecard-practice';

/** One store for practice: the drill question in progress and every entry's history. */
export function createPracticeStore(storage: StateStorage) {
  return create<PracticeState>()(
    persist(
      (set, get) => ({
        history: {},
        timerOn: false,
        drill: null,
        queue: [],
        queueDrill: (entryIds) => set({ queue: [...new Set(entryIds)] }),
        dequeue: (entryId) => set({ queue: get().queue.filter((id) => id !== entryId) }),
        setTimerOn: (timerOn) => set({ timerOn }),
        startQuestion(entry, now, withoutMicrophone) {
          const deadline = get().timerOn ? now + answerTimeMs(entry) : undefined;
          set({
            drill: {
              entryId: entry.id,
              askedAt: now,
              deadline,
              revealed: false,
              rated: false,
              ...(withoutMicrophone ? { typed: { problem: withoutMicrophone, answer: '' } } : {}),
            },
          });
        },
        setTypedAnswer(answer) {
          const drill = get().drill;
          if (drill?.typed && !drill.revealed) set({ drill: { ...drill, typed: { ...drill.typed, answer } } });
        },
        reveal() {
          const drill = get().drill;
          if (drill && !drill.revealed) set({ drill: { ...drill, revealed: true } });
        },
        rate(rating, coveredShare, now) {
          const drill = get().drill;
          if (!drill || drill.rated) return;
          const history = get().history;
          set({
            history: {
              ...history,
              [drill.entryId]: recordAttempt(history[drill.entryId], { at: now, coveredShare, rating }),
            },
            drill: { ...drill, revealed: true, rated: true },
          });
        },
        endDrill: () => set({ drill: null }),
        recordInterviewAnswers(answers, now) {
          const history = { ...get().history };
          for (const { entryId, askedAt, coveredShare } of answers) {
            const last = history[entryId]?.attempts.at(-1);
            if (last && last.at >= askedAt) continue;
            history[entryId] = recordAttempt(history[entryId], {
              at: now,
              coveredShare,
              rating: ratingFromCoverage(coveredShare),
            });
          }
          set({ history });
        },
      }),
      {
        name: PRACTICE_STORAGE_KEY,
        version: 1,
        storage: createJSONStorage(() => storage),
        partialize: ({ history, timerOn }) => ({ history, timerOn }),
      },
    ),
  );
}

export const selectPracticeHistory = (state: PracticeState) => state.history;
export const selectDrill = (state: PracticeState) => state.drill;
