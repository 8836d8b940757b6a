import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMarkdownPack } from '@/lib/knowledge/markdown-pack';
import type { KnowledgeEntry } from '@/lib/knowledge/schema';
import { createGeneralLexicon } from '@/lib/match/general-lexicon';
import { matchQuestion } from '@/lib/match/match-question';
import { matchTerms } from '@/lib/match/match-terms';
import { createQuestionIndex, type QuestionIndexOptions } from '@/lib/match/question-index';

const FRONTEND = parseMarkdownPack(`
## Explain event delegation.
- One listener on a common ancestor instead of one per child
- Relies on events bubbling up from the clicked element
- Works for children added later and saves memory on long lists

## What is a closure?
- A function keeps access to the variables of the scope it was created in

## Describe the difference between a cookie, sessionStorage and localStorage.
- Cookies are sent to the server with every request
- localStorage keeps data per origin until cleared

## Explain how DNS resolution works.
- The resolver asks a root server, then the top-level domain server, then the authoritative server

## What happens when a Linux machine runs out of memory?
- The kernel reclaims page cache, then the OOM killer ends a process

## What is the CAP theorem?
- During a partition a store gives up consistency or availability
`).entries;

const ask = (entries: readonly KnowledgeEntry[], text: string, options?: QuestionIndexOptions) =>
  matchQuestion(createQuestionIndex(entries, options), [{ text, speaker: 'interviewer' }]);

describe('createQuestionIndex: outline fields', () => {
  const paraphrase = 'can one listener on a parent element handle clicks for all its children';

  it('finds an entry through what its outline says when the question shares no word with the heading', () => {
    const match = ask(FRONTEND, paraphrase);
    expect(match.outcome).toBe('card');
    expect(match.best?.entry.question).toBe('Explain event delegation.');
  });

  it('does not without the outline fields', () => {
    expect(ask(FRONTEND, paraphrase, { outlineFields: false }).best?.entry.question).not.toBe(
      'Explain event delegation.',
    );
  });

  it('does not index pitfalls, which name what an answer is not about', () => {
    const entries = parseMarkdownPack(
      '## Tell me about your proudest project.\n- Impact\nPitfalls:\n- Admitting a fake weakness\n## What is your greatest weakness?\n- A real one',
    ).entries;
    expect(createQuestionIndex(entries).rank(matchTerms('weakness'), 1)[0]!.entry.question).toBe(
      'What is your greatest weakness?',
    );
  });
});

describe('createQuestionIndex: confidence calibrated per pack', () => {
  const withPhrasings = parseMarkdownPack(`
## How do you handle class imbalance?
Also asked: what do you do when positives are rare | how do you train on skewed labels
- Metrics first — PR AUC
## Design a fraud detection system.
Also asked: how would you catch credit card fraud
- Labels arrive late through chargebacks
## Explain the bias-variance trade-off.
Also asked: why can a complex model generalize worse
- Bias is underfitting, variance is overfitting
## What is dropout?
Also asked: how does dropout regularize a network
- Randomly zeroes activations during training
`).entries;
  const stripped = withPhrasings.map((entry) => ({ ...entry, phrasings: [] }));

  it('reads a noise level of its own from each pack, within bounds', () => {
    const dense = createQuestionIndex(withPhrasings).calibration;
    const sparse = createQuestionIndex(FRONTEND).calibration;
    for (const calibration of [dense, sparse]) {
      expect(calibration.noiseFit).toBeGreaterThanOrEqual(0.2);
      expect(calibration.noiseFit).toBeLessThanOrEqual(0.7);
    }
    expect(dense.probes).toBe(4);
    expect(createQuestionIndex(withPhrasings, { calibrate: false }).calibration.probes).toBe(0);
  });

  it.each([
    ['how would you deal with imbalanced classes', 'How do you handle class imbalance?'],
    ['explain the tradeoff between bias and variance', 'Explain the bias-variance trade-off.'],
  ])('gives a card for "%s" whether or not the pack has phrasings', (text, expected) => {
    for (const entries of [withPhrasings, stripped]) {
      const match = ask(entries, text);
      expect(match.outcome).toBe('card');
      expect(match.best?.entry.question).toBe(expected);
    }
  });

  it('stays quiet on an uncovered question with either pack', () => {
    for (const entries of [withPhrasings, stripped])
      expect(ask(entries, 'how do you reverse a linked list').outcome).not.toBe('card');
  });

  it('caps the cost of calibration on a large pack', () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({
      ...stripped[i % stripped.length]!,
      id: `e${i}`,
      question: `${stripped[i % 4]!.question} (${i})`,
    }));
    expect(createQuestionIndex(many).calibration.probes).toBe(120);
  });
});

describe('createQuestionIndex: general English knowledge', () => {
  const entries = parseMarkdownPack(readFileSync('tests/fixtures/dev/sre/pack.md', 'utf8')).entries;
  const question = 'how does caching help and what can go wrong';

  it('weighs everyday words ("go", "wrong") less than topic words ("caching")', () => {
    expect(ask(entries, question).candidates[0]!.entry.question).toBe(
      'How does a cache improve performance, and what are the risks?',
    );
  });

  it('is what makes the difference: without it the everyday words win', () => {
    expect(ask(entries, question, { lexicon: null }).candidates[0]!.entry.question).toBe(
      'How do retries go wrong, and how do you make them safe?',
    );
  });

  it('credits a related word the pack uses for one it does not', () => {
    const lexicon = createGeneralLexicon({ source: 'test', relations: 'wane fade', frequencies: '' });
    const entries = parseMarkdownPack(
      '## Why does the signal fade?\n- Distance\n## What is a closure?\n- Scope',
    ).entries;
    const match = ask(entries, 'why does the signal wane', { lexicon });
    expect(match.best?.entry.question).toBe('Why does the signal fade?');
  });
});

describe("createQuestionIndex: the user's own entries", () => {
  const shipped = parseMarkdownPack(readFileSync('knowledge/ml-engineer/06-llm.md', 'utf8')).entries;
  const [mine] = parseMarkdownPack(
    '## How do you pick a vector database?\n- Scale — how many vectors\n- Filters — metadata filtering',
  ).entries;
  const entries = [...shipped, mine!];
  const question = 'so how would you choose a vector database';

  it('win a near-tie with a shipped entry, with their confidence unchanged', () => {
    const plain = ask(entries, question).candidates;
    const preferring = ask(entries, question, { ownEntryIds: new Set([mine!.id]) }).candidates;
    expect(plain[0]!.entry.question).not.toBe(mine!.question);
    expect(Math.abs(plain[0]!.fit - plain[1]!.fit)).toBeLessThan(0.02);
    expect(preferring[0]!.entry.question).toBe(mine!.question);
    expect(preferring.find((candidate) => candidate.entry === mine)!.score).toBe(
      plain.find((candidate) => candidate.entry === mine)!.score,
    );
  });

  it('do not beat a clearly better shipped entry', () => {
    const match = ask(entries, 'how do tokenizers split text for a language model', {
      ownEntryIds: new Set([mine!.id]),
    });
    expect(match.best?.entry.question).not.toBe(mine!.question);
  });
});

describe('QuestionIndex.entry', () => {
  it('looks an entry up by id', () => {
    const index = createQuestionIndex(FRONTEND);
    expect(index.entry(FRONTEND[1]!.id)?.question).toBe('What is a closure?');
    expect(index.entry('no-such-entry')).toBeUndefined();
  });
});
