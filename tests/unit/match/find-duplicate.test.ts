import { describe, expect, it } from 'vitest';
import { SHIPPED_PACKS } from '@/lib/knowledge/shipped-packs';
import { findDuplicate } from '@/lib/match/find-duplicate';
import { createPackIndex } from '@/lib/match/question-index';

const index = createPackIndex(SHIPPED_PACKS);

describe('findDuplicate', () => {
  it.each([
    [
      'What is the difference between L1 and L2 regularization?',
      'What is the difference between L1 and L2 regularization?',
    ],
    ['How do you decide when to retrain a model?', 'How do you decide when and how to retrain a model?'],
  ])('flags "%s" as a question already stored', (question, stored) => {
    expect(findDuplicate(index, question).duplicateOf?.question).toBe(stored);
  });

  it('keeps a related but different question, suggesting the category of the closest entry', () => {
    const result = findDuplicate(index, 'Explain how you would detect data drift without labels');
    expect(result.duplicateOf).toBeUndefined();
    expect(result.similar?.category).toBe('mlops');
  });

  it('finds nothing for a question from another field', () => {
    expect(findDuplicate(index, 'What is the difference between inline and inline-block?')).toEqual({
      similar: undefined,
      duplicateOf: undefined,
    });
  });
});
