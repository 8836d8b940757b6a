import { isBlankAnswer } from '../../knowledge/my-answer';
import { myAnswerSchema, type MyAnswer } from '../../knowledge/schema';
import type { KnowledgeSlice } from '../knowledge-store';
import { firstIssue } from './first-issue';

export type SaveAnswerResult = { ok: true } | { ok: false; message: string };

/** What the user adds to any entry, shipped or imported: their own answers and the phrasings they taught. */
export interface AnswersSlice {
  /** Phrasings learned when the user picked the right card for what was said, by entry id. */
  learnedPhrasings: Record<string, string[]>;
  learnPhrasing: (entryId: string, text: string) => void;
  /** The user's own answers, by entry id: for any entry, shipped or imported, kept across pack updates. */
  myAnswers: Record<string, MyAnswer>;
  /** Stores (or, when blank, removes) the user's answer to an entry; an invalid one changes nothing. */
  saveMyAnswer: (entryId: string, answer: unknown) => SaveAnswerResult;
}

export const createAnswersSlice: KnowledgeSlice<AnswersSlice> = (set, get) => ({
  learnedPhrasings: {},
  myAnswers: {},
  saveMyAnswer(entryId, raw) {
    const parsed = myAnswerSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, message: firstIssue(parsed.error, 'answer') };
    const others = { ...get().myAnswers };
    delete others[entryId];
    set({ myAnswers: isBlankAnswer(parsed.data) ? others : { ...others, [entryId]: parsed.data } });
    return { ok: true };
  },
  learnPhrasing(entryId, text) {
    const phrasing = text.trim().slice(0, 300);
    const known = get().learnedPhrasings[entryId] ?? [];
    if (!phrasing || known.includes(phrasing)) return;
    set({ learnedPhrasings: { ...get().learnedPhrasings, [entryId]: [...known, phrasing] } });
  },
});
