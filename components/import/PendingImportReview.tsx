import type { ReviewedQuestion } from '@/lib/page/imported-pack';
import type { ImportReviewStore, PendingReview, ReviewSource } from '@/lib/import/import-review-store';
import { ImportReview } from './ImportReview';

/**
 * The review under way for one source (the page or a file), drawn from the store that keeps
 * it across views; nothing while none is. Ticks and edits go to the store; `onSave` gets the
 * review and its questions as they stand.
 */
export function PendingImportReview({
  reviews,
  source,
  onSave,
}: {
  reviews: ImportReviewStore;
  source: ReviewSource;
  onSave: (review: PendingReview, reviewed: ReviewedQuestion[]) => void;
}) {
  const review = reviews((state) => state.reviews[source]);
  if (!review) return null;
  const actions = reviews.getState();
  return (
    <ImportReview
      // A new page (its address) or a new file (its name) starts a fresh filter and prompt.
      key={review.url || review.from}
      title={review.from}
      items={review.items}
      edited={review.edited}
      onUpdate={(position, change) => actions.update(source, position, change)}
      onSetKeep={(positions, keep) => actions.setKeep(source, positions, keep)}
      onSave={(reviewed) => onSave(review, reviewed)}
      onCancel={() => actions.end(source)}
    />
  );
}
