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
  ])('"%s" asks something: %s', (text, expected) => {
    expect(detectQuestion(text).asksSomething).toBe(expected);
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
