import { SELF_RATINGS, type SelfRating } from '@/lib/drill/practice-schedule';
import type { DrillQuestion as Drill } from '@/lib/drill/practice-store';
import { clock } from '@/lib/session/clock';
import { countOf } from '../common/count-of';

const RATING_WORDS: Record<SelfRating, string> = { nailed: 'Nailed it', shaky: 'Shaky', missed: 'Missed it' };

/**
 * While the candidate answers a drill question: the question, the countdown, and a way to
 * end the answer. Without a microphone: why, and a box to type the answer in.
 */
export function DrillPrompt({
  question,
  drill,
  now,
  onReveal,
  onType = () => undefined,
}: {
  question: string;
  drill: Drill;
  now: number;
  onReveal: () => void;
  onType?: (answer: string) => void;
}) {
  const left = drill.deadline === undefined ? undefined : Math.max(0, drill.deadline - now);
  return (
    <section className="drill-prompt" aria-label="Drill question">
      <p className="card-question">{question}</p>
      {drill.typed ? (
        <>
          <p role="alert" className="message message--error">
            {drill.typed.problem}
          </p>
          <label className="drill-typed">
            Your answer
            <textarea rows={4} value={drill.typed.answer} onChange={(event) => onType(event.target.value)} />
          </label>
        </>
      ) : (
        <p className="card-meta">
          Answer out loud. The card shows when you pause for a few seconds
          {left !== undefined ? ' or the time is up' : ''}.
        </p>
      )}
      {left !== undefined && (
        <p className="drill-timer" role="timer" aria-label="Time left">
          {clock(left)}
        </p>
      )}
      <button type="button" onClick={onReveal}>
        I’m done: show the card
      </button>
    </section>
  );
}

/** After the card is shown: how the answer went, in the candidate's own judgement, beside what was covered. */
export function DrillRating({
  covered,
  total,
  typed = false,
  onRate,
}: {
  covered: number | null;
  total: number;
  typed?: boolean;
  onRate: (rating: SelfRating) => void;
}) {
  const nothing = typed
    ? 'Nothing typed: compare what you thought with the card.'
    : 'Nothing was heard from you for this question.';
  return (
    <section className="drill-rating" aria-label="Rate your answer">
      <p className="card-meta">
        {covered === null ? nothing : `You covered ${covered} of ${countOf(total, 'key point')}.`} How did it go?
      </p>
      <div className="pack-actions">
        {SELF_RATINGS.map((rating) => (
          <button key={rating} type="button" onClick={() => onRate(rating)}>
            {RATING_WORDS[rating]}
          </button>
        ))}
      </div>
    </section>
  );
}
