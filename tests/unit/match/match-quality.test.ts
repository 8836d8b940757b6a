import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SHIPPED_PACKS } from '@/lib/knowledge/shipped-packs';
import { evaluateMatcher, matchCaseSchema } from '@/lib/match/evaluate-matcher';
import { createQuestionIndex } from '@/lib/match/question-index';

const entries = SHIPPED_PACKS.flatMap((pack) => pack.entries);
const index = createQuestionIndex(entries);
const known = new Set(entries.map((entry) => entry.question));
const readCases = (name: string) =>
  readFileSync(`tests/fixtures/match-cases.${name}.jsonl`, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => matchCaseSchema.parse(JSON.parse(line)));

describe('matching quality on the case sets', () => {
  it('meets the targets on the development cases', () => {
    const cases = readCases('dev');
    expect(cases.length).toBeGreaterThanOrEqual(150);
    const report = evaluateMatcher(index, known, cases);

    expect(report.failures.filter((failure) => failure.kind === 'unknown-expected')).toEqual([]);
    expect(report.top1).toBeGreaterThanOrEqual(0.9);
    expect(report.top3).toBeGreaterThanOrEqual(0.97);
    expect(report.falseHintRate).toBeLessThanOrEqual(0.05);
  });

  it('holds up on the held-out cases written apart from the lexicon', () => {
    const report = evaluateMatcher(index, known, readCases('holdout'));
    expect(report.top1).toBeGreaterThanOrEqual(0.85);
    expect(report.falseHintRate).toBeLessThanOrEqual(0.05);
  });
});
