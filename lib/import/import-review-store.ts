import { create } from 'zustand';
import type { ReviewedQuestion } from '../page/imported-pack';

/** Where a review's questions came from: the current web page, or a Markdown file. */
export type ReviewSource = 'page' | 'file';

export interface PendingReview {
  /** Where the questions were found, as the review names it: the page's title or the file's name. */
  from: string;
  /** The saved pack's title and source address (empty for a file). */
  title: string;
  url: string;
  items: ReviewedQuestion[];
  /** The user has ticked, unticked or edited something: discarding loses work. */
  edited: boolean;
}

export interface ImportReviewState {
  reviews: Partial<Record<ReviewSource, PendingReview>>;
  begin: (source: ReviewSource, review: Omit<PendingReview, 'edited'>) => void;
  /** Changes one question (by its place in the whole list). */
  update: (source: ReviewSource, position: number, change: Partial<ReviewedQuestion>) => void;
  /** Ticks or unticks the questions at these places. */
  setKeep: (source: ReviewSource, positions: readonly number[], keep: boolean) => void;
  /** Drops the review (saved, or given up). */
  end: (source: ReviewSource) => void;
}

/**
 * The import reviews under way, kept outside the views so that a review and its edits
 * survive a switch to another tab of the panel (the views unmount). Not stored: a review
 * is minutes of work on one page, and the page can be read again.
 */
export function createImportReviewStore() {
  return create<ImportReviewState>()((set, get) => {
    const change = (source: ReviewSource, items: (current: ReviewedQuestion[]) => ReviewedQuestion[]) => {
      const review = get().reviews[source];
      if (review)
        set({ reviews: { ...get().reviews, [source]: { ...review, items: items(review.items), edited: true } } });
    };
    return {
      reviews: {},
      begin: (source, review) => set({ reviews: { ...get().reviews, [source]: { ...review, edited: false } } }),
      update: (source, position, update) =>
        change(source, (items) => items.map((item, i) => (i === position ? { ...item, ...update } : item))),
      setKeep(source, positions, keep) {
        const chosen = new Set(positions);
        change(source, (items) => items.map((item, i) => (chosen.has(i) ? { ...item, keep } : item)));
      },
      end(source) {
        const rest = { ...get().reviews };
        delete rest[source];
        set({ reviews: rest });
      },
    };
  });
}

export type ImportReviewStore = ReturnType<typeof createImportReviewStore>;
