import type { RankedEntry } from '@/lib/match/question-index';

/** For a close call: the other likely questions, one click away. */
export function HintAlternatives({ alternatives, onChoose }: { alternatives: readonly RankedEntry[]; onChoose: (entryId: string, question: string) => void }) {
  if (alternatives.length === 0) return null;
  return (
    <section className="alternatives" aria-label="Other possible questions">
      <p className="hint-meta">Not this one? They may have meant:</p>
      {alternatives.map(({ entry }) => (
        <button key={entry.id} type="button" onClick={() => onChoose(entry.id, entry.question)}>
          {entry.question}
        </button>
      ))}
    </section>
  );
}
