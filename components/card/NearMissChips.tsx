import type { NearMissOffer } from '@/lib/store/session-store';

/**
 * A close call with no confident card: the one or two likely questions as small chips.
 * One tap shows the card and teaches Cuecard the phrasing that was heard.
 */
export function NearMissChips({
  offer,
  onChoose,
}: {
  offer?: NearMissOffer;
  onChoose: (entryId: string, question: string) => void;
}) {
  if (!offer || offer.entries.length === 0) return null;
  return (
    <section className="near-misses" aria-label="Did they ask">
      <p className="card-meta">Did they ask…?</p>
      {offer.entries.map(({ entryId, question }) => (
        <button key={entryId} type="button" className="chip" onClick={() => onChoose(entryId, question)}>
          {question}
        </button>
      ))}
    </section>
  );
}
