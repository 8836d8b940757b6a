import { createEmptyCard, fsrs, Rating, type Card, type Grade } from 'ts-fsrs';
import type { KnowledgeEntry } from '../knowledge/schema';

/** How the candidate judged their own answer after seeing the card. */
export const SELF_RATINGS = ['nailed', 'shaky', 'missed'] as const;
export type SelfRating = (typeof SELF_RATINGS)[number];

export interface PracticeAttempt {
  at: number;
  /** Share of the card's key points the spoken answer covered; null when nothing was heard or the card has none. */
  coveredShare: number | null;
  rating: SelfRating;
}

/** An FSRS card as stored (dates as epoch milliseconds, so it survives JSON). */
export type StoredCard = Omit<Card, 'due' | 'last_review'> & { due: number; last_review?: number };

/** An entry's practice history and its place in the review schedule. */
export interface PracticeRecord {
  attempts: PracticeAttempt[];
  card: StoredCard;
}

export type PracticeStatus = 'never' | 'due' | 'weak' | 'learned';

// FSRS with its published default parameters; fuzz off so the same history gives the same schedule.
const scheduler = fsrs({ enable_fuzz: false });

const GRADE: Record<SelfRating, Grade> = { nailed: Rating.Good, shaky: Rating.Hard, missed: Rating.Again };

/** The share of a card's key points an answer covered; null when nothing was heard or the card has none. */
export function coveredShare(covered: number | null, keyPoints: number): number | null {
  return covered === null || keyPoints === 0 ? null : covered / keyPoints;
}

/**
 * A mock interview's answer has no self-rating (nobody stops a call to rate): its coverage
 * stands in — three quarters of the key points or more is nailed, under two fifths missed.
 */
export function ratingFromCoverage(coveredShare: number): SelfRating {
  return coveredShare >= 0.75 ? 'nailed' : coveredShare >= 0.4 ? 'shaky' : 'missed';
}

const toStored = (card: Card): StoredCard => ({
  ...card,
  due: card.due.getTime(),
  last_review: card.last_review?.getTime(),
});
const fromStored = (card: StoredCard): Card => ({
  ...card,
  due: new Date(card.due),
  last_review: card.last_review === undefined ? undefined : new Date(card.last_review),
});

/** The record after one more attempt: history appended, the FSRS card moved on by the self-rating. */
export function recordAttempt(record: PracticeRecord | undefined, attempt: PracticeAttempt): PracticeRecord {
  const card = record ? fromStored(record.card) : createEmptyCard(new Date(attempt.at));
  const next = scheduler.next(card, new Date(attempt.at), GRADE[attempt.rating]).card;
  return { attempts: [...(record?.attempts ?? []), attempt].slice(-50), card: toStored(next) };
}

/**
 * Weak: the last attempt was rated shaky or missed, or covered under half of the key
 * points. Due: FSRS says it is time. A weak entry that is not yet due stays weak.
 */
export function practiceStatus(record: PracticeRecord | undefined, now: number): PracticeStatus {
  if (!record || record.attempts.length === 0) return 'never';
  if (record.card.due <= now) return 'due';
  const last = record.attempts.at(-1)!;
  return last.rating !== 'nailed' || (last.coveredShare !== null && last.coveredShare < 0.5) ? 'weak' : 'learned';
}

/** The entries a drill asks from: those of the chosen categories, or all when none is chosen. */
export function drillPool(entries: readonly KnowledgeEntry[], categories: readonly string[]): KnowledgeEntry[] {
  return entries.filter((entry) => categories.length === 0 || categories.includes(entry.category));
}

/**
 * The next drill question from the chosen categories (all when none): the most overdue
 * first, then ones never practised, then weak ones, then any; never one already asked in
 * this drill while others remain.
 */
export function pickPracticeQuestion(
  entries: readonly KnowledgeEntry[],
  categories: readonly string[],
  history: Readonly<Record<string, PracticeRecord>>,
  askedIds: ReadonlySet<string>,
  now: number,
  random: () => number = Math.random,
): KnowledgeEntry | undefined {
  const pool = drillPool(entries, categories);
  const fresh = pool.filter((entry) => !askedIds.has(entry.id));
  const from = fresh.length > 0 ? fresh : pool;
  const status = (entry: KnowledgeEntry) => practiceStatus(history[entry.id], now);
  const due = from
    .filter((entry) => status(entry) === 'due')
    .sort((a, b) => history[a.id]!.card.due - history[b.id]!.card.due);
  if (due.length) return due[0];
  for (const wanted of ['never', 'weak'] as const) {
    const group = from.filter((entry) => status(entry) === wanted);
    if (group.length) return group[Math.floor(random() * group.length)];
  }
  return from[Math.floor(random() * from.length)];
}

/** How long an answer may take with the timer on: two minutes for a story, five for a design, three otherwise. */
export function answerTimeMs(entry: KnowledgeEntry): number {
  const frame = entry.outline.frame.name;
  return frame === 'STAR' ? 120_000 : frame === 'Design' ? 300_000 : 180_000;
}

/** How long a silence after an answer has begun counts as the answer being over. */
export const ANSWER_DONE_SILENCE_MS = 6_000;

/**
 * Whether a drill question's card should be shown now: the candidate answered and then
 * fell silent, or the answer timer ran out.
 */
export function answerFinished(
  drill: { askedAt: number; deadline?: number },
  candidateLineTimes: readonly number[],
  speaking: boolean,
  now: number,
): boolean {
  if (drill.deadline !== undefined && now >= drill.deadline) return true;
  const last = Math.max(-Infinity, ...candidateLineTimes.filter((at) => at >= drill.askedAt));
  return !speaking && Number.isFinite(last) && now - last >= ANSWER_DONE_SILENCE_MS;
}
