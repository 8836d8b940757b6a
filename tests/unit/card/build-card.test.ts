import { describe, expect, it } from 'vitest';
import { buildCard, formatCard, keywordOf } from '@/lib/card/build-card';
import { parseMarkdownPack } from '@/lib/knowledge/markdown-pack';

const [entry] = parseMarkdownPack(`## How do you handle class imbalance?
Category: ml-theory
- Metrics first — PR AUC, not accuracy
- Reweight — class weights in the loss
- Resample: undersample negatives, then recalibrate
- Threshold from costs
- More signal — collect positives
- Sixth point — never shown at a glance
Pitfalls:
- Resampling before the split
Follow-ups:
- How do you correct the probabilities?
Numbers:
- 1% positives → 99% accuracy for free
`).entries;

describe('buildCard', () => {
  it('glance: the frame and at most five keywords, nothing to read at length', () => {
    const card = buildCard(entry!, 'glance');
    // No frame named: the question asks how to handle something, so techniques to weigh, not a definition.
    expect(card.frame.steps).toEqual(['Diagnose', 'Options', 'Trade-offs', 'What I would pick']);
    expect(card.keywords).toEqual(['Metrics first', 'Reweight', 'Resample', 'Threshold from costs', 'More signal']);
    expect(card.keyPoints).toEqual([]);
    expect(card.pitfalls).toEqual([]);
  });

  it('standard: the frame and every key point', () => {
    const card = buildCard(entry!, 'standard');
    expect(card.keyPoints).toHaveLength(6);
    expect([card.pitfalls, card.followUps, card.numbers]).toEqual([[], [], []]);
  });

  it('detailed: everything, including pitfalls, follow-ups and numbers', () => {
    const card = buildCard(entry!, 'detailed');
    expect(card.pitfalls).toEqual(['Resampling before the split']);
    expect(card.followUps).toEqual(['How do you correct the probabilities?']);
    expect(card.numbers).toEqual(['1% positives → 99% accuracy for free']);
    expect(formatCard(card)).toContain('Numbers:\n  - 1% positives');
  });
});

describe('keywordOf', () => {
  it.each([
    ['Scope — pick a project where you chose', 'Scope'],
    ['Two pointers - walk both lists', 'Two pointers'],
    ['Ties: average rank', 'Ties'],
    ['Bagging reduces variance by averaging many deep trees', 'Bagging reduces variance by…'],
  ])('%s → %s', (keyPoint, expected) => {
    expect(keywordOf(keyPoint)).toBe(expected);
  });
});
