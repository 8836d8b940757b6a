import { describe, expect, it } from 'vitest';
import { matchTerms } from '@/lib/match/match-terms';
import { normalizeTranscript } from '@/lib/match/normalize-transcript';
import { digitsFromSpokenNumbers } from '@/lib/match/spoken-numbers';
import { SHIPPED_PACKS } from '@/lib/knowledge/shipped-packs';
import { compilePackAliases } from '@/lib/match/match-terms';
import { NO_ALIASES } from '@/lib/match/pack-aliases';

const ML_VOCABULARY = compilePackAliases(SHIPPED_PACKS.flatMap((pack) => pack.aliases ?? []));

describe('digitsFromSpokenNumbers', () => {
  it.each([
    ['ninety nine percent', '99 percent'],
    ['fifty milliseconds', '50 milliseconds'],
    ['two point five', '2.5'],
    ['one hundred and twenty three', '123'],
    ['ten thousand entries', '10000 entries'],
    ['two hundred thousand', '200000'],
    ['top hundred', 'top 100'],
    ['millions of rows', 'millions of rows'],
    ['twenty thirty', '20 30'],
    ['oh no', 'oh no'],
    ['point of view', 'point of view'],
    // Words that are also Object.prototype keys are words, not numbers.
    ['a class constructor', 'a class constructor'],
    ['tostring point valueof', 'tostring point valueof'],
  ])('%s → %s', (spoken, expected) => {
    expect(digitsFromSpokenNumbers(spoken.split(' ')).join(' ')).toBe(expected);
  });
});

describe('normalizeTranscript', () => {
  it.each([
    ['Um, so yeah, what is the A U C?', 'what is the auc'],
    ['explain s g d', 'explain sgd'],
    ['x g boost versus neural nets', 'gbdt versus neuralnet'],
    ['the too tower model', 'the twotower model'],
    ["cayman's clustering", 'kmeans cluster'],
    ['K-means clustering', 'kmeans cluster'],
    ['l two regularisation', 'l2'],
    ['the p ninety nine latency', 'the p99 latency'],
    ['a b testing', 'abtest'],
    ['write a k n n', 'write a knn'],
    ['is a rag system', 'is a rag system'],
    ['implement it without using sklearn', 'implement it scratch'],
    ['like, you know, overfitting', 'overfit'],
  ])("%s → %s (with the ML pack's vocabulary)", (transcript, expected) => {
    expect(normalizeTranscript(transcript, ML_VOCABULARY)).toBe(expected);
  });

  it('brings speech and the written pack to the same terms', () => {
    expect(matchTerms('how would you compute a u c for ninety nine percent imbalanced data', ML_VOCABULARY)).toEqual(
      matchTerms('How would you compute AUC for 99% imbalanced data?', ML_VOCABULARY),
    );
    expect(matchTerms('design a too tower retrieval model', ML_VOCABULARY)).toEqual(
      matchTerms('Design a two-tower retrieval model', ML_VOCABULARY),
    );
  });

  it('leaves a field\'s words alone without that field\'s pack: "slow" stays slow, "timeline" a timeline', () => {
    expect(normalizeTranscript('why is the timeline slow to render')).toBe('why is the timeline slow to render');
    expect(normalizeTranscript('why is the timeline slow to render', ML_VOCABULARY)).toBe(
      'why is the feed latency to render',
    );
  });

  it('applies a user pack\'s own aliases: a final "s" optional, "#" a number, longer variants first', () => {
    const aliases = compilePackAliases([
      { term: 'ssr', variants: ['server side rendering', 'server rendering'] },
      { term: 'http2', variants: ['http #', 'http version #'] },
    ]);
    expect(normalizeTranscript('server side renderings over http version two', aliases)).toBe('ssr over http2');
    expect(normalizeTranscript('server side rendering', NO_ALIASES)).toBe('server side rendering');
  });

  it('drops words that carry no topic', () => {
    expect(matchTerms('okay so um can you tell me about it')).toEqual([]);
  });
});

describe('matchTerms on words that are Object.prototype keys', () => {
  it('keeps them as ordinary terms', () => {
    expect(matchTerms('what does a class constructor do')).toEqual(['class', 'constructor']);
    expect(matchTerms('hasOwnProperty and toString')).toEqual(['hasownproperti', 'tostr']);
  });
});

describe('filler phrases', () => {
  it('drops "you know" as a filler but keeps it in a question', () => {
    expect(normalizeTranscript('so you know what is a transformer')).toBe('so what is a transformer');
    expect(normalizeTranscript('how would you know the new model is better')).toBe(
      'how would you know the new model is better',
    );
    expect(normalizeTranscript('do you know what dropout is')).toBe('do you know what dropout is');
  });
});
