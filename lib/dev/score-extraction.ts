import { z } from 'zod';
import type { ExtractedQuestion } from '../page/extract-questions';
import { comparable } from '../page/question-text';

/** A golden page's expectations: each question as the page asks it, and the first words of its answer ('' when the page gives none). */
export const goldenPageSchema = z.object({
  source: z.string(),
  questions: z.array(z.object({ question: z.string().min(1), answer: z.string() })),
});
export type GoldenPage = z.infer<typeof goldenPageSchema>;

export interface PageScore {
  expected: number;
  found: number;
  /** Expected questions that some extracted item asks. */
  matched: number;
  /** Extracted items that are one of the expected questions. */
  trueItems: number;
  /** Matched questions whose expected answer is non-empty, and of those the ones whose outline starts with it. */
  answersExpected: number;
  answersKept: number;
  missed: string[];
  extra: string[];
  wrongAnswers: Array<{ question: string; expected: string; got: string }>;
}

/**
 * An extracted question asks the expected one when their text is the same, or when it
 * only adds the page's context in front ("k-means clustering: How would you choose k?").
 */
function asks(found: string, expected: string): boolean {
  return found === expected || found.endsWith(` ${expected}`);
}

export function scorePage(golden: GoldenPage, extracted: readonly ExtractedQuestion[]): PageScore {
  const items = extracted.map((item) => ({ item, text: comparable(item.question), used: false }));
  const score: PageScore = {
    expected: golden.questions.length,
    found: extracted.length,
    matched: 0,
    trueItems: 0,
    answersExpected: 0,
    answersKept: 0,
    missed: [],
    extra: [],
    wrongAnswers: [],
  };
  for (const expected of golden.questions) {
    const target = comparable(expected.question);
    const hit = items.find((candidate) => !candidate.used && asks(candidate.text, target));
    if (!hit) {
      score.missed.push(expected.question);
      continue;
    }
    hit.used = true;
    score.matched += 1;
    if (!expected.answer) continue;
    score.answersExpected += 1;
    // The outline reads from the answer's first words: its first point starts the answer (a short first sentence runs on into the second).
    const start = hit.item.outline.join(' ');
    if (comparable(start).startsWith(comparable(expected.answer))) score.answersKept += 1;
    else score.wrongAnswers.push({ question: expected.question, expected: expected.answer, got: start.slice(0, 80) });
  }
  score.trueItems = items.filter((candidate) => candidate.used).length;
  score.extra = items.filter((candidate) => !candidate.used).map((candidate) => candidate.item.question);
  return score;
}

export interface ScoreTotals {
  recall: number;
  precision: number;
  answersKept: number;
}

/** Micro-averaged over every question: a long page weighs as many questions as it has. A page with nothing to find and nothing found scores 1. */
export function totalsOf(scores: readonly PageScore[]): ScoreTotals {
  const sum = (pick: (score: PageScore) => number) => scores.reduce((total, score) => total + pick(score), 0);
  const ratio = (top: number, bottom: number) => (bottom === 0 ? 1 : top / bottom);
  return {
    recall: ratio(
      sum((s) => s.matched),
      sum((s) => s.expected),
    ),
    precision: ratio(
      sum((s) => s.trueItems),
      sum((s) => s.found),
    ),
    answersKept: ratio(
      sum((s) => s.answersKept),
      sum((s) => s.answersExpected),
    ),
  };
}
