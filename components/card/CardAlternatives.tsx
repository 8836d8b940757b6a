import type { ShownCard } from '@/lib/messaging/runtime-messages';

/** For a close call: the other likely questions, one click away. */
export function CardAlternatives({
  alternatives,
  onChoose,
}: {
  alternatives: ShownCard['alternatives'];
  onChoose: (entryId: string, question: string) => void;
}) {
  if (alternatives.length === 0) return null;
  return (
    <section className="alternatives" aria-label="Other possible questions">
      <p className="card-meta">Not this one? They may have meant:</p>
      {alternatives.map(({ entryId, question }) => (
        <button key={entryId} type="button" onClick={() => onChoose(entryId, question)}>
          {question}
        </button>
      ))}
    </section>
  );
}
