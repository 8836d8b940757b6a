import { describe, expect, it } from 'vitest';
import { confidenceWords } from '@/lib/card/confidence-words';
import { categoryName } from '@/lib/knowledge/category-names';

describe('words on the card', () => {
  it.each([
    [0.95, 'strong match'],
    [0.8, 'strong match'],
    [0.62, 'likely match'],
    [0.48, 'possible match'],
  ])('confidence %s reads "%s"', (confidence, words) => {
    expect(confidenceWords(confidence)).toBe(words);
  });

  it.each([
    ['ml-theory', 'ML theory'],
    ['llm', 'LLMs'],
    ['mlops', 'MLOps'],
    ['system-design', 'System design'],
    ['behavioral', 'Behavioural'],
    ['data-engineering', 'Data engineering'],
    ['constructor', 'Constructor'],
  ])('category %s reads "%s"', (slug, name) => {
    expect(categoryName(slug)).toBe(name);
  });
});
