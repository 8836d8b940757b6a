import { describe, expect, it } from 'vitest';
import { scoreMatches } from '@/lib/dev/evaluate-matcher';
import type { KnowledgeEntry } from '@/lib/knowledge/schema';
import type { QuestionMatch } from '@/lib/match/match-question';

const entry = (question: string) => ({ id: question, question }) as KnowledgeEntry;
const ranked = (question: string, score = 0.7) => ({ entry: entry(question), score, fit: score, unexplained: 0 });
const quiet = { asked: [], nearMisses: [], candidates: [], ambiguous: false, questionText: '', confidence: 0 };
const card = (question: string, runnerUp = 'Other'): QuestionMatch => ({
  ...quiet,
  outcome: 'card',
  best: ranked(question),
  asked: [ranked(question)],
  candidates: [ranked(question), ranked(runnerUp, 0.5)],
});
const chips = (...questions: string[]): QuestionMatch => ({
  ...quiet,
  outcome: 'no-match',
  nearMisses: questions.map((q) => ranked(q, 0.35)),
  candidates: questions.map((q) => ranked(q, 0.35)),
});
const nothing: QuestionMatch = { ...quiet, outcome: 'no-match' };

describe('scoreMatches', () => {
  const known = new Set(['A', 'B', 'C']);

  it('counts a wrong card apart from a silence, and the right entry among chips as a tap away', () => {
    const cases = [
      { utterance: 'right card', expected: 'A' },
      { utterance: 'wrong card', expected: 'A' },
      { utterance: 'right entry as the second chip', expected: 'B' },
      { utterance: 'chips without it', expected: 'C' },
      { utterance: 'silence', expected: 'C' },
      { utterance: 'chatter with a card', expected: null },
      { utterance: 'chatter, quiet', expected: null },
    ];
    const matches = [card('A'), card('B', 'A'), chips('A', 'B'), chips('A'), nothing, card('C'), nothing];
    const report = scoreMatches(known, cases, matches);
    expect(report.positives).toBe(5);
    expect(report.top1).toBeCloseTo(1 / 5);
    expect(report.wrongCardRate).toBeCloseTo(1 / 5);
    expect(report.cardOrChip).toBeCloseTo(2 / 5);
    expect(report.missRate).toBeCloseTo(3 / 5);
    expect(report.nearMissRecall).toBeCloseTo(1 / 3);
    expect(report.falseHintRate).toBeCloseTo(1 / 2);
  });

  it('a wrong card whose runner-up is right is still a wrong card, and not a chip', () => {
    const report = scoreMatches(known, [{ utterance: 'x', expected: 'A' }], [card('B', 'A')]);
    expect(report.wrongCardRate).toBe(1);
    expect(report.cardOrChip).toBe(0);
    expect(report.top3).toBe(1);
  });

  it('gives zero rates, not NaN, for a set without answerable cases', () => {
    const report = scoreMatches(known, [{ utterance: 'x', expected: null }], [nothing]);
    expect(report.wrongCardRate).toBe(0);
    expect(report.cardOrChip).toBe(0);
  });
});
