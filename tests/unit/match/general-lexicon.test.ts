import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createGeneralLexicon, generalLexicon } from '@/lib/match/general-lexicon';
import { matchTerms } from '@/lib/match/match-terms';
import { buildGeneralLexicon } from '../../../scripts/build-lexicon';

const term = (word: string) => matchTerms(word)[0]!;

describe('the general lexicon built from WordNet', () => {
  it("is current: the shipped table is what the builder makes from today's normaliser", () => {
    const shipped = JSON.parse(readFileSync('lib/match/generated/general-lexicon.json', 'utf8'));
    expect(shipped).toEqual(buildGeneralLexicon());
  }, 30_000);

  it('tells everyday words from technical ones', () => {
    for (const everyday of ['happen', 'look', 'need', 'wrong'])
      expect(generalLexicon.frequency(term(everyday))).toBeGreaterThan(30);
    for (const technical of ['cache', 'latency', 'closure', 'browser', 'kubernetes'])
      expect(generalLexicon.frequency(term(technical))).toBeLessThan(5);
  });

  it('lends no everyday frequency to a term the domain lexicon renames a word into ("slow" → latency)', () => {
    expect(generalLexicon.frequency(term('latency'))).toBe(0);
  });

  it('relates derivations that stemming does not join', () => {
    expect(generalLexicon.related(term('predict'))).toContain(term('predictor'));
  });

  it('reads a table into lookups, with nothing for unknown terms', () => {
    const lexicon = createGeneralLexicon({
      source: 't',
      relations: 'alpha beta gamma\nlonely',
      frequencies: 'alpha 12',
    });
    expect(lexicon.related('alpha')).toEqual(['beta', 'gamma']);
    expect(lexicon.related('lonely')).toEqual([]);
    expect(lexicon.related('constructor')).toEqual([]);
    expect(lexicon.frequency('alpha')).toBe(12);
    expect(lexicon.frequency('toString')).toBe(0);
  });
});
