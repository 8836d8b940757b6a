import { describe, expect, it } from 'vitest';
import {
  cleanAnswerText,
  cleanQuestion,
  hasDifficultyMark,
  looksLikeQuestion,
  splitSentences,
} from '@/lib/page/question-text';

describe('cleanQuestion', () => {
  it.each([
    ['12) What is gradient descent? [src]', 'What is gradient descent?'],
    ['1) What’s the trade-off between bias and variance? [[src]]', 'What’s the trade-off between bias and variance?'],
    ['Q3: Design a feed ranker', 'Design a feed ranker'],
    ['Question 4 — Compute the IoU of two boxes 🟢', 'Compute the IoU of two boxes'],
    ['#7 Explain one-stage detectors.', 'Explain one-stage detectors.'],
    ['[E] How would you choose the value of k?', 'How would you choose the value of k?'],
    ['What is regression? 👶', 'What is regression?'],
    ['Precision-recall trade-off ‍⭐️', 'Precision-recall trade-off'],
    ['Why do we use batch normalization? [[1]]', 'Why do we use batch normalization?'],
    ['Given data, why would this split be incorrect :', 'Given data, why would this split be incorrect'],
    ['3.5% of users churn: why?', '3.5% of users churn: why?'],
  ])('%s → %s', (raw, clean) => {
    expect(cleanQuestion(raw)).toBe(clean);
  });
});

describe('looksLikeQuestion', () => {
  it.each([
    ['Implement non-maximum suppression.', true],
    ['Epoch vs. batch vs. iteration.', true],
    ['Reverse a linked list in place.', true],
    ['How would you improve our product', true],
    ['Coding and Data Manipulation', false],
    ['The Interview Process', false],
    ['Table of contents', false],
    ['How to prepare for your interview', false],
    ['Where we stayed', false],
    ['Answer:', false],
  ])('%s → %s', (text, expected) => {
    expect(looksLikeQuestion(text)).toBe(expected);
  });
});

describe('answers and marks', () => {
  it('drops "Read more" and link-debris lines from answers', () => {
    expect(cleanAnswerText('Read more')).toBe('');
    expect(cleanAnswerText('[[Answer]]')).toBe('');
    expect(cleanAnswerText('Bias is error from wrong assumptions [[src]].')).toBe(
      'Bias is error from wrong assumptions.',
    );
  });

  it('splits a long answer into sentences without breaking at "e.g."', () => {
    const text =
      'Regularisation adds a penalty on the weights, e.g. the sum of their squares. It trades a little bias for less variance, which helps most when data is scarce and features are many.';
    expect(splitSentences(text)).toEqual([
      'Regularisation adds a penalty on the weights, e.g. the sum of their squares.',
      'It trades a little bias for less variance, which helps most when data is scarce and features are many.',
    ]);
  });

  it('knows difficulty marks in front', () => {
    expect(hasDifficultyMark('[M] Compare the two.')).toBe(true);
    expect(hasDifficultyMark('(Hard) Design a cache')).toBe(true);
    expect(hasDifficultyMark('Compare [M] and [N].')).toBe(false);
  });
});
