import type { PracticeRecord } from './practice-schedule';

export interface ProgressPoint {
  /** Start of the day (local time) the attempts were made. */
  day: number;
  /** Mean share of key points covered that day (0…1). */
  coverage: number;
  attempts: number;
}

export interface CategoryProgress {
  category: string;
  points: ProgressPoint[];
}

const startOfDay = (at: number) => {
  const date = new Date(at);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
};

/**
 * Coverage over time per category, from the practice history: each day's mean share of key
 * points covered over the attempts made that day (attempts with nothing heard left out).
 * Categories in alphabetical order, days in order.
 */
export function progressByCategory(
  history: Readonly<Record<string, PracticeRecord>>,
  categoryOf: (entryId: string) => string | undefined,
): CategoryProgress[] {
  const sums = new Map<string, Map<number, { total: number; attempts: number }>>();
  for (const [entryId, record] of Object.entries(history)) {
    const category = categoryOf(entryId);
    if (!category) continue;
    const days = sums.get(category) ?? new Map<number, { total: number; attempts: number }>();
    sums.set(category, days);
    for (const attempt of record.attempts) {
      if (attempt.coveredShare === null) continue;
      const day = startOfDay(attempt.at);
      const sum = days.get(day) ?? { total: 0, attempts: 0 };
      days.set(day, { total: sum.total + attempt.coveredShare, attempts: sum.attempts + 1 });
    }
  }
  return [...sums]
    .filter(([, days]) => days.size > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([category, days]) => ({
      category,
      points: [...days]
        .sort(([a], [b]) => a - b)
        .map(([day, { total, attempts }]) => ({ day, coverage: total / attempts, attempts })),
    }));
}
