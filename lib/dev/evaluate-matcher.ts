import { z } from 'zod';
import { matchQuestion, type MatchOptions, type QuestionMatch } from '../match/match-question';
import type { QuestionIndex } from '../match/question-index';

export const matchCaseSchema = z.object({ utterance: z.string(), expected: z.string().nullable() });
export type MatchCase = z.infer<typeof matchCaseSchema>;

export interface MatchFailure {
  caseIndex: number;
  kind: 'false-hint' | 'miss' | 'unknown-expected';
  utterance: string;
  expected: string | null;
  match: QuestionMatch;
}

export interface MatchReport {
  cases: number;
  positives: number;
  negatives: number;
  /** Share of answerable cases whose shown hint is the expected entry. */
  top1: number;
  /** Share of answerable cases where a hint showed and the expected entry is among the top 3 offered. */
  top3: number;
  /** Share of no-hint cases that showed a hint anyway. */
  falseHintRate: number;
  /** Share of answerable cases that showed no hint at all. */
  missRate: number;
  /** Of those misses, the share whose expected entry was offered as a near-miss chip. */
  nearMissRecall: number;
  /** Share of no-hint cases that offered chips (they should stay quiet). */
  chipRate: number;
  /** Share of answerable cases shown another entry's card: a confident wrong answer, worse than none. */
  wrongCardRate: number;
  /** Share of answerable cases whose entry is the card or one of the "Did they ask…?" chips: a tap away at most. */
  cardOrChip: number;
  failures: MatchFailure[];
  /** Matching time per case, in ms, in case order. */
  timingsMs: number[];
}

/**
 * Runs each case as a single interviewer utterance through the matcher and scores
 * the outcome. An expected question is compared to entry questions exactly (trimmed).
 */
export function evaluateMatcher(
  index: QuestionIndex,
  knownQuestions: ReadonlySet<string>,
  cases: readonly MatchCase[],
  options: MatchOptions = {},
  /** A later stage applied to each lexical match (the semantic stage), by case. */
  refine?: (match: QuestionMatch, caseIndex: number) => QuestionMatch,
): MatchReport {
  const timingsMs: number[] = [];
  const matches = cases.map((matchCase, caseIndex) => {
    const start = performance.now();
    const lexical = matchQuestion(index, [{ text: matchCase.utterance, speaker: 'interviewer' }], options);
    const match = refine ? refine(lexical, caseIndex) : lexical;
    timingsMs.push(performance.now() - start);
    return match;
  });
  return { ...scoreMatches(knownQuestions, cases, matches), timingsMs };
}

/** Scores what the matcher gave for each case (same order as the cases). */
export function scoreMatches(
  knownQuestions: ReadonlySet<string>,
  cases: readonly MatchCase[],
  matches: readonly QuestionMatch[],
): Omit<MatchReport, 'timingsMs'> {
  let top1 = 0;
  let top3 = 0;
  let misses = 0;
  let falseHints = 0;
  let positives = 0;
  let chipsOnNegatives = 0;
  let missesChipped = 0;
  let wrongCards = 0;
  let cardOrChip = 0;
  const failures: MatchFailure[] = [];

  cases.forEach((matchCase, caseIndex) => {
    const match = matches[caseIndex]!;
    const surfaced = match.outcome === 'card';
    const failure = (kind: MatchFailure['kind']) =>
      failures.push({ caseIndex, kind, utterance: matchCase.utterance, expected: matchCase.expected, match });

    const chipped = (question: string) =>
      match.nearMisses.some((candidate) => candidate.entry.question.trim() === question);
    if (matchCase.expected === null) {
      if (match.nearMisses.length > 0) chipsOnNegatives++;
      if (surfaced) {
        falseHints++;
        failure('false-hint');
      }
      return;
    }
    positives++;
    const expected = matchCase.expected.trim();
    const rank = surfaced
      ? match.candidates.findIndex((candidate) => candidate.entry.question.trim() === expected)
      : -1;
    if (rank === 0) top1++;
    if (rank >= 0 && rank < 3) top3++;
    if (!surfaced) misses++;
    if (!surfaced && chipped(expected)) missesChipped++;
    if (surfaced && rank !== 0) wrongCards++;
    if (rank === 0 || (!surfaced && chipped(expected))) cardOrChip++;
    if (!knownQuestions.has(expected)) failure('unknown-expected');
    else if (rank !== 0) failure('miss');
  });

  const negatives = cases.length - positives;
  return {
    cases: cases.length,
    positives,
    negatives,
    top1: positives ? top1 / positives : 0,
    top3: positives ? top3 / positives : 0,
    falseHintRate: negatives ? falseHints / negatives : 0,
    missRate: positives ? misses / positives : 0,
    nearMissRecall: misses ? missesChipped / misses : 0,
    chipRate: negatives ? chipsOnNegatives / negatives : 0,
    wrongCardRate: positives ? wrongCards / positives : 0,
    cardOrChip: positives ? cardOrChip / positives : 0,
    failures,
  };
}
