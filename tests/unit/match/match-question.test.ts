import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMarkdownPack } from '@/lib/knowledge/markdown-pack';
import { matchQuestion, STRONG_MATCH_CONFIDENCE, type Utterance } from '@/lib/match/match-question';
import { createQuestionIndex } from '@/lib/match/question-index';

const pack = parseMarkdownPack(`
## How do you handle class imbalance?
Also asked: what do you do when positives are rare
- Metrics — use PR AUC

## Design a fraud detection system for payments.
Also asked: how would you catch credit card fraud
- Labels — chargebacks arrive late

## Explain the bias-variance trade-off.
- Bias — underfitting

## What is the difference between L1 and L2 regularization?
- L1 — sparse

## What is regularization in general?
- Penalties — L1, L2
`);
const index = createQuestionIndex(pack.entries);
const interviewer = (text: string, endMs?: number): Utterance => ({ text, speaker: 'interviewer', endMs });
const questionOf = (window: Utterance[]) => matchQuestion(index, window).best?.entry.question;

describe('matchQuestion', () => {
  it('finds the entry behind noisy speech', () => {
    const match = matchQuestion(index, [interviewer('um so uh how do you deal with like imbalanced classes')]);
    expect(match.outcome).toBe('card');
    expect(match.best?.entry.question).toBe('How do you handle class imbalance?');
    expect(match.confidence).toBeGreaterThan(0.45);
  });

  it('reads a question split across two utterances', () => {
    const window = [
      interviewer('okay so next i want to talk about payments', 1_000),
      interviewer('how would you design a system to catch fraud', 3_000),
    ];
    expect(questionOf(window)).toBe('Design a fraud detection system for payments.');
  });

  it('skips a preamble before the question', () => {
    expect(questionOf([interviewer('okay thanks that was great so moving on explain bias and variance')])).toBe(
      'Explain the bias-variance trade-off.',
    );
  });

  it('does not reach back past the candidate speaking', () => {
    const window: Utterance[] = [
      interviewer('how do you handle class imbalance'),
      { text: 'I would start with the metrics', speaker: 'candidate' },
      interviewer('mm okay'),
    ];
    expect(matchQuestion(index, window).outcome).toBe('small-talk');
  });

  it('does not join utterances far apart in time', () => {
    const window = [interviewer('fraud', 0), interviewer('how do you handle that in payments', 60_000)];
    const match = matchQuestion(index, window);
    expect(match.questionText).not.toContain('fraud');
  });

  it.each(['can you see my screen', 'we have ten minutes left', 'great to meet you'])(
    'shows nothing for small talk: %s',
    (text) => {
      expect(matchQuestion(index, [interviewer(text)]).outcome).toBe('small-talk');
    },
  );

  it('shows nothing for a question the pack does not cover', () => {
    const match = matchQuestion(index, [interviewer('how do you reverse a linked list')]);
    expect(match.outcome).toBe('no-match');
    expect(match.best).toBeUndefined();
  });

  it('asks for more confidence when nothing is asked', () => {
    const text = 'regularization';
    expect(matchQuestion(index, [interviewer(`what about ${text}`)], { threshold: 0.4 }).outcome).toBe('card');
    expect(matchQuestion(index, [interviewer(text)], { threshold: 0.4, statementPenalty: 0.7 }).outcome).toBe(
      'no-match',
    );
  });

  it('flags a close call and offers the alternatives', () => {
    const closeIndex = createQuestionIndex(
      parseMarkdownPack(
        '## How do you evaluate search ranking offline?\n- x\n## How do you evaluate ads ranking offline?\n- y',
      ).entries,
    );
    const match = matchQuestion(closeIndex, [interviewer('how do you evaluate search and ads ranking offline')]);
    expect(match.outcome).toBe('card');
    expect(match.ambiguous).toBe(true);
    expect(match.candidates).toHaveLength(2);
    expect(match.candidates[0]!.score).toBeGreaterThanOrEqual(match.candidates[1]!.score);
  });

  it('answers an empty window with "empty"', () => {
    expect(matchQuestion(index, []).outcome).toBe('empty');
  });
});

describe('matchQuestion: a card only when it clearly wins (issue #19)', () => {
  const shippedPack = parseMarkdownPack(readFileSync('knowledge/ml-engineer/03-ml-theory.md', 'utf8'));
  const lexicon = parseMarkdownPack(readFileSync('knowledge/ml-engineer/00-lexicon.md', 'utf8'));
  const theory = createQuestionIndex(
    [...shippedPack.entries, ...parseMarkdownPack(readFileSync('knowledge/ml-engineer/02-coding.md', 'utf8')).entries],
    {
      aliases: lexicon.aliases,
    },
  );
  const ask = (text: string) => matchQuestion(theory, [interviewer(text)]);

  it.each([
    'we use xgboost a lot here',
    'our data is heavily imbalanced which makes things interesting',
    "okay great that's a good answer on dropout",
  ])('gives a statement that names field terms no card and no chips: "%s"', (text) => {
    const match = ask(text);
    expect(match.outcome).not.toBe('card');
    expect(match.nearMisses).toEqual([]);
  });

  it('offers chips, not a card, when the best entry leads the runner-up by no more than chance', () => {
    // Three k-means entries fit about equally well (the pack's phrasings decide nothing here).
    const match = ask('how does k-means work');
    expect(match.outcome).toBe('no-match');
    expect(match.nearMisses.map((chip) => chip.entry.question)).toEqual(
      expect.arrayContaining([
        'Implement k-means clustering from scratch.',
        'How do you evaluate a clustering without labels?',
      ]),
    );
  });

  it('never answers "choose k" with the card of another k-means entry', () => {
    const match = ask('how do you choose k in k-means');
    const offered =
      match.outcome === 'card' ? [match.best!.entry.question] : match.nearMisses.map((chip) => chip.entry.question);
    expect(offered).toContain('How do you evaluate a clustering without labels?');
    if (match.outcome === 'card')
      expect(match.best!.entry.question).toBe('How do you evaluate a clustering without labels?');
  });

  it('keeps the card for a question that clearly asks one entry', () => {
    const match = ask('how does dropout work');
    expect(match.best?.entry.question).toBe('How does dropout work?');
    expect(match.confidence).toBeGreaterThanOrEqual(STRONG_MATCH_CONFIDENCE);
  });

  it('labels a card "strong" only when it leads the runner-up by twice the chance lead', () => {
    for (const text of [
      'how does gradient boosting differ from random forests',
      'how does dropout work',
      'explain principal component analysis',
    ]) {
      const match = ask(text);
      if (match.outcome !== 'card' || match.confidence < STRONG_MATCH_CONFIDENCE) continue;
      const [top, runnerUp] = match.candidates;
      expect(top!.fit - (runnerUp?.fit ?? 0)).toBeGreaterThanOrEqual(2 * theory.calibration.noiseMargin);
    }
    expect(ask('how does gradient boosting differ from random forests').confidence).toBeLessThan(
      STRONG_MATCH_CONFIDENCE,
    );
  });
});

describe('matchQuestion: a question wrapped in context is read at the clause that asks', () => {
  const llm = parseMarkdownPack(readFileSync('knowledge/ml-engineer/06-llm.md', 'utf8'));
  const index = createQuestionIndex(llm.entries);

  it('finds the entry when the asking clause follows a long description', () => {
    const match = matchQuestion(index, [
      interviewer(
        "users paste whole contracts into our chatbot which are longer than the model's window how would you handle that",
      ),
    ]);
    expect(match.best?.entry.question).toBe('How do you handle long documents that do not fit in the context window?');
  });
});

describe("matchQuestion: the user's own entry wins a close call", () => {
  const llm = parseMarkdownPack(readFileSync('knowledge/ml-engineer/06-llm.md', 'utf8')).entries;
  const own = parseMarkdownPack(
    '## How do you pick a vector database?\nCategory: system-design\n- Scale — how many vectors\n- Filters — metadata filtering\n',
  ).entries;
  const text = 'so how would you choose a vector database';

  it('shows the own entry as the card where a shipped entry fits about as well', () => {
    const index = createQuestionIndex([...llm, ...own], { ownEntryIds: new Set(own.map((entry) => entry.id)) });
    const match = matchQuestion(index, [interviewer(text)]);
    expect(match.outcome).toBe('card');
    expect(match.best?.entry.question).toBe('How do you pick a vector database?');
  });

  it('offers the same two as chips when neither is the user’s', () => {
    const match = matchQuestion(createQuestionIndex([...llm, ...own]), [interviewer(text)]);
    expect(match.outcome).toBe('no-match');
    expect(match.nearMisses.map((chip) => chip.entry.question)).toContain('How do you pick a vector database?');
  });
});
