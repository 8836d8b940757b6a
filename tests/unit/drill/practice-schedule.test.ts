import { describe, expect, it } from 'vitest';
import { parseMarkdownPack } from '@/lib/knowledge/markdown-pack';
import {
  answerFinished,
  answerTimeMs,
  pickPracticeQuestion,
  practiceStatus,
  ratingFromCoverage,
  recordAttempt,
  type PracticeRecord,
} from '@/lib/drill/practice-schedule';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 11, 1, 9);
const pack = parseMarkdownPack(
  [
    '## Tell me about a time you failed.',
    'Id: failed',
    'Category: behavioral',
    '- Own it',
    '',
    '## Design a feed.',
    'Id: feed',
    'Category: system-design',
    '- Clarify',
    '',
    '## What is dropout?',
    'Id: dropout',
    'Category: ml-theory',
    '- Zeroing',
    '',
    '## What is L2?',
    'Id: l2',
    'Category: ml-theory',
    '- Weight decay',
  ].join('\n'),
);
const byId = (id: string) => pack.entries.find((entry) => entry.id === id)!;

describe('recordAttempt and practiceStatus (FSRS via ts-fsrs)', () => {
  it('schedules a nailed answer further out than a shaky one, and a missed one soonest', () => {
    const next = (rating: 'nailed' | 'shaky' | 'missed') =>
      recordAttempt(undefined, { at: T0, coveredShare: 0.8, rating }).card.due - T0;
    expect(next('missed')).toBeLessThan(next('shaky'));
    expect(next('shaky')).toBeLessThanOrEqual(next('nailed'));
  });

  it('moves from never to learned, to due when its day comes, and keeps the history', () => {
    expect(practiceStatus(undefined, T0)).toBe('never');
    let record: PracticeRecord = recordAttempt(undefined, { at: T0, coveredShare: 1, rating: 'nailed' });
    record = recordAttempt(record, { at: record.card.due, coveredShare: 1, rating: 'nailed' });
    expect(record.attempts).toHaveLength(2);
    expect(practiceStatus(record, record.card.due - 1)).toBe('learned');
    expect(practiceStatus(record, record.card.due)).toBe('due');
    // Survives being stored as JSON.
    expect(practiceStatus(JSON.parse(JSON.stringify(record)) as PracticeRecord, record.card.due)).toBe('due');
  });

  it('calls an entry weak after a shaky rating or an answer that covered under half, until it is due', () => {
    const shaky = recordAttempt(undefined, { at: T0, coveredShare: 0.9, rating: 'shaky' });
    expect(practiceStatus(shaky, T0 + 1)).toBe('weak');
    const thin = recordAttempt(undefined, { at: T0, coveredShare: 0.25, rating: 'nailed' });
    expect(practiceStatus(thin, T0 + 1)).toBe('weak');
  });
});

describe('pickPracticeQuestion', () => {
  const history: Record<string, PracticeRecord> = {
    failed: recordAttempt(undefined, { at: T0 - 30 * DAY, coveredShare: 1, rating: 'nailed' }), // long overdue
    feed: recordAttempt(undefined, { at: T0 - 1_000, coveredShare: 0.2, rating: 'missed' }), // weak, due in minutes
    dropout: recordAttempt(undefined, { at: T0 - 1_000, coveredShare: 1, rating: 'nailed' }), // learned
  };

  it('asks what is due first, then what was never practised, then what is weak', () => {
    expect(pickPracticeQuestion(pack.entries, [], history, new Set(), T0)!.id).toBe('failed');
    expect(pickPracticeQuestion(pack.entries, [], history, new Set(['failed']), T0)!.id).toBe('l2');
    expect(pickPracticeQuestion(pack.entries, [], history, new Set(['failed', 'l2']), T0)!.id).toBe('feed');
  });

  it('keeps to the chosen categories, and repeats only when all were asked', () => {
    expect(pickPracticeQuestion(pack.entries, ['ml-theory'], history, new Set(), T0)!.id).toBe('l2');
    expect(
      pickPracticeQuestion(pack.entries, ['ml-theory'], history, new Set(['l2', 'dropout']), T0, () => 0)!.category,
    ).toBe('ml-theory');
    expect(pickPracticeQuestion(pack.entries, ['no-such'], history, new Set(), T0)).toBeUndefined();
  });
});

describe('the answer timer and its end', () => {
  it('gives a story two minutes, a design five, anything else three', () => {
    expect([answerTimeMs(byId('failed')), answerTimeMs(byId('feed')), answerTimeMs(byId('dropout'))]).toEqual([
      120_000, 300_000, 180_000,
    ]);
  });

  it('ends the answer after six seconds of silence once it has begun, or at the deadline', () => {
    const drill = { askedAt: 1_000 };
    expect(answerFinished(drill, [], false, 60_000)).toBe(false); // nothing said yet: wait
    expect(answerFinished(drill, [500], false, 60_000)).toBe(false); // a line from before the question
    expect(answerFinished(drill, [5_000], false, 10_000)).toBe(false);
    expect(answerFinished(drill, [5_000], true, 20_000)).toBe(false); // still speaking
    expect(answerFinished(drill, [5_000], false, 11_000)).toBe(true);
    expect(answerFinished({ askedAt: 1_000, deadline: 30_000 }, [], false, 30_000)).toBe(true);
  });
});

describe('ratingFromCoverage', () => {
  it('rates a mock interview answer by the share of key points it covered', () => {
    expect([0, 0.39, 0.4, 0.74, 0.75, 1].map(ratingFromCoverage)).toEqual([
      'missed',
      'missed',
      'shaky',
      'shaky',
      'nailed',
      'nailed',
    ]);
  });
});
