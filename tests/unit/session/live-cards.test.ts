import { describe, expect, it } from 'vitest';
import { parseMarkdownPack } from '@/lib/knowledge/markdown-pack';
import { SHIPPED_PACKS } from '@/lib/knowledge/shipped-packs';
import { createQuestionIndex } from '@/lib/match/question-index';
import type { TranscriptLine } from '@/lib/messaging/runtime-messages';
import { nextCard, type LiveReading } from '@/lib/session/live-cards';

const { entries } = parseMarkdownPack(`
## How do you handle class imbalance?
- Metrics — PR AUC instead of accuracy
## Design a fraud detection system.
Category: system-design
Tags: fraud, monitoring
- Labels — chargebacks arrive late
Follow-ups:
- How would you monitor the model once it is live?
## How do you monitor a model in production?
Category: mlops
- Drift — compare live feature distributions with training
## What is dropout?
- Randomly zeroes activations during training
## What is the difference between L1 and L2 regularization?
- L1 gives sparse weights, L2 shrinks them
`);
// Matched as in the extension by default, with the shipped pack's vocabulary.
const index = createQuestionIndex(entries, { aliases: SHIPPED_PACKS.flatMap((pack) => pack.aliases ?? []) });
let seq = 0;
const say = (channel: 'interviewer' | 'candidate', text: string): TranscriptLine => ({
  sessionId: 's',
  seq: seq++,
  channel,
  text,
  startMs: seq * 1000,
  endMs: seq * 1000 + 800,
  at: seq,
});
const findEntry = (question: string) => entries.find((entry) => entry.question === question)!;
const questionsOf = (reading: LiveReading | null) =>
  reading?.kind === 'card' ? reading.questions.map((asked) => asked.entry.question) : [];

describe('nextCard', () => {
  it('shows a hint for a new interviewer question', () => {
    expect(
      questionsOf(nextCard(index, [say('interviewer', 'so how would you handle class imbalance')], undefined)),
    ).toEqual(['How do you handle class imbalance?']);
  });

  it('keeps the current card when the same question is repeated', () => {
    const lines = [say('interviewer', 'how do you handle class imbalance')];
    expect(
      nextCard(
        index,
        [...lines, say('interviewer', 'I mean the class imbalance')],
        findEntry('How do you handle class imbalance?'),
      ),
    ).toBeNull();
  });

  it('never reacts to the candidate, even when they name a topic', () => {
    expect(nextCard(index, [say('candidate', 'I would design a fraud detection system')], undefined)).toBeNull();
  });

  it('keeps the card through small talk', () => {
    expect(nextCard(index, [say('interviewer', 'can you see my screen')], findEntry('What is dropout?'))).toBeNull();
  });

  it('replaces the card on a new confident question', () => {
    const lines = [
      say('interviewer', 'how do you handle class imbalance'),
      say('candidate', 'I reweight'),
      say('interviewer', 'okay now design a fraud detection system'),
    ];
    expect(questionsOf(nextCard(index, lines, findEntry('How do you handle class imbalance?')))).toEqual([
      'Design a fraud detection system.',
    ]);
  });

  it('surfaces both questions of a turn that asks two, in the order asked', () => {
    const reading = nextCard(
      index,
      [say('interviewer', "what's dropout, and what is the difference between l one and l two regularization?")],
      undefined,
    );
    expect(questionsOf(reading)).toEqual([
      'What is dropout?',
      'What is the difference between L1 and L2 regularization?',
    ]);
  });

  it('leans a short follow-up towards what the card on screen lists', () => {
    const fraud = findEntry('Design a fraud detection system.');
    const reading = nextCard(index, [say('interviewer', 'and how would you monitor that')], fraud);
    expect(questionsOf(reading)).toEqual(['How do you monitor a model in production?']);
  });

  it('offers chips, not a card, for a close call', () => {
    const reading = nextCard(
      index,
      [say('interviewer', 'why is accuracy a bad metric when one class is rare')],
      undefined,
    );
    expect(reading?.kind).toBe('near-miss');
    expect(reading?.kind === 'near-miss' && reading.nearMisses[0]!.entry.question).toBe(
      'How do you handle class imbalance?',
    );
  });
});
