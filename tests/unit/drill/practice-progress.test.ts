import { describe, expect, it } from 'vitest';
import { progressByCategory } from '@/lib/drill/practice-progress';
import { recordAttempt, type PracticeAttempt, type PracticeRecord } from '@/lib/drill/practice-schedule';

const day = (d: number, hour = 10) => new Date(2026, 10, d, hour).getTime();
const history = (attempts: PracticeAttempt[]): PracticeRecord =>
  attempts.reduce<PracticeRecord | undefined>((record, attempt) => recordAttempt(record, attempt), undefined)!;

describe('progressByCategory', () => {
  it('averages each day’s coverage per category, leaving out answers where nothing was heard', () => {
    const progress = progressByCategory(
      {
        a: history([
          { at: day(20), coveredShare: 0.2, rating: 'missed' },
          { at: day(22), coveredShare: 0.6, rating: 'shaky' },
        ]),
        b: history([
          { at: day(20, 15), coveredShare: 0.4, rating: 'shaky' },
          { at: day(22, 9), coveredShare: null, rating: 'missed' },
        ]),
        c: history([{ at: day(21), coveredShare: 1, rating: 'nailed' }]),
        gone: history([{ at: day(21), coveredShare: 1, rating: 'nailed' }]),
      },
      (id) => ({ a: 'ml-theory', b: 'ml-theory', c: 'behavioral' })[id],
    );
    expect(progress).toEqual([
      { category: 'behavioral', points: [{ day: day(21, 0), coverage: 1, attempts: 1 }] },
      {
        category: 'ml-theory',
        points: [
          { day: day(20, 0), coverage: (0.2 + 0.4) / 2, attempts: 2 },
          { day: day(22, 0), coverage: 0.6, attempts: 1 },
        ],
      },
    ]);
  });
});
