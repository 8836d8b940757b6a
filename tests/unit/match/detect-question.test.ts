import { describe, expect, it } from 'vitest';
import { detectQuestion } from '@/lib/match/detect-question';
import { matchTerms } from '@/lib/match/match-terms';

describe('detectQuestion', () => {
  it.each([
    ['how would you handle class imbalance', true],
    ['design a fraud detection system', true],
    ['tell me about a time you failed', true],
    ['so we use gradient boosting a lot here', false],
    ['Class imbalance?', true],
    ['should you alert on high cpu', true],
    ['which model would you pick', true],
    ['our data is heavily imbalanced which makes things interesting', false],
    ['our model looked great offline but when we shipped it nothing moved', false],
  ])('"%s" asks something: %s', (text, expected) => {
    expect(detectQuestion(text).asksSomething).toBe(expected);
  });

  it.each([
    ['we use xgboost a lot here', true],
    ["you'd be joining the search relevance team", true],
    ['Most of our pipelines run on Airflow and Kubernetes.', true],
    ['horizontal versus vertical scaling', false],
    ['how would you handle class imbalance', false],
  ])('"%s" is a statement: %s', (text, expected) => {
    expect(detectQuestion(text).isStatement).toBe(expected);
  });

  it.each([
    [
      'so in our case only one in a thousand visitors buys something how would you train a classifier on that',
      'how would you train a classifier on that',
    ],
    ['We run a marketplace with lots of fraud. How would you catch it?', 'how would you catch it'],
    ['how would you handle class imbalance', undefined],
    ['what is dropout and how does it work', undefined],
  ])('reads the clause that asks in "%s"', (text, expected) => {
    expect(detectQuestion(text).askingText).toBe(expected);
  });

  it.each([
    'can you see my screen',
    'sorry you are on mute',
    'we have about ten minutes left',
    'can you hear me',
    'thanks for joining',
  ])('leaves no topic in "%s"', (text) => {
    expect(matchTerms(detectQuestion(text).topicText)).toEqual([]);
  });

  it('keeps the question that follows logistics in the same breath', () => {
    const { topicText } = detectQuestion('can you hear me okay great so explain dropout');
    expect(topicText).not.toContain('hear');
    expect(matchTerms(topicText)).toEqual(matchTerms('explain dropout'));
  });
});
