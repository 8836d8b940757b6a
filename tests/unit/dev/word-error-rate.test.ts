import { describe, expect, it } from 'vitest';
import { wordErrorRate } from '@/lib/dev/word-error-rate';

describe('wordErrorRate', () => {
  it.each([
    ['How would you handle class imbalance?', 'how would you handle class imbalance', 0],
    ['how would you handle class imbalance', 'how would you handle glass imbalance', 1 / 6],
    ['how would you handle class imbalance', 'how you handle class imbalance', 1 / 6],
    ['a b', 'a b c d', 1],
    ['', '', 0],
  ])('%j vs %j → %d', (reference, hypothesis, expected) => {
    expect(wordErrorRate(reference, hypothesis)).toBeCloseTo(expected, 5);
  });
});
