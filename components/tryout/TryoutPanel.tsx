import { useDeferredValue, useMemo, useState, type ReactNode } from 'react';
import { buildCard, type Verbosity } from '@/lib/card/build-card';
import { matchQuestion, type MatchOutcome, type QuestionMatch } from '@/lib/match/match-question';
import type { MyAnswer } from '@/lib/knowledge/schema';
import type { QuestionIndex } from '@/lib/match/question-index';
import { CardView } from '../card/CardView';

const OUTCOME_MESSAGES: Record<Exclude<MatchOutcome, 'card'>, string> = {
  'small-talk': 'That sounds like small talk or call logistics, so no card.',
  'no-match': 'No confident match in your knowledge base, so no card.',
  empty: 'Type or paste what the interviewer said.',
};

/**
 * Type or paste an interviewer utterance and see the hint Cuecard would show;
 * the same matcher the live session uses.
 */
export function TryoutPanel({
  index,
  verbosity,
  threshold,
  myAnswers = {},
  verbosityPicker,
}: {
  index: QuestionIndex;
  verbosity: Verbosity;
  threshold: number;
  /** The user's own answers by entry id, shown on the card. */
  myAnswers?: Readonly<Record<string, MyAnswer>>;
  /** Shown above the card when the live view has none of its own to show it with. */
  verbosityPicker?: ReactNode;
}) {
  const [text, setText] = useState('');
  const deferredText = useDeferredValue(text);
  const match = useMemo(
    () =>
      matchQuestion(index, deferredText.trim() ? [{ text: deferredText, speaker: 'interviewer' }] : [], { threshold }),
    [index, deferredText, threshold],
  );
  // A close call offers its question as a chip (the live rule for near misses); chatter offers nothing.
  const [picked, setPicked] = useState<{ text: string; entryId: string } | null>(null);
  const chosen =
    picked?.text === deferredText
      ? match.nearMisses.find((near) => near.entry.id === picked.entryId)?.entry
      : undefined;

  return (
    <section className="tryout" aria-label="Try a question">
      <label htmlFor="utterance">What the interviewer said</label>
      <textarea
        id="utterance"
        rows={3}
        value={text}
        placeholder="e.g. so moving on, how would you handle class imbalance"
        onChange={(event) => setText(event.target.value)}
      />
      <div aria-live="polite">
        {match.outcome === 'card' ? (
          match.best && (
            <>
              {verbosityPicker}
              <CardView
                card={buildCard(match.best.entry, verbosity)}
                confidence={match.confidence}
                myAnswer={myAnswers[match.best.entry.id]}
              />
            </>
          )
        ) : chosen ? (
          <>
            {verbosityPicker}
            <CardView card={buildCard(chosen, verbosity)} myAnswer={myAnswers[chosen.id]} />
          </>
        ) : (
          <>
            <p className="no-card" role="status">
              {OUTCOME_MESSAGES[match.outcome]}
            </p>
            {match.outcome === 'no-match' && (
              <NearMissOffer
                nearMisses={match.nearMisses}
                onPick={(entryId) => setPicked({ text: deferredText, entryId })}
              />
            )}
          </>
        )}
      </div>
    </section>
  );
}

/** A close call's questions as chips ("Did they ask…?"); one picked shows its card. */
function NearMissOffer({
  nearMisses,
  onPick,
}: {
  nearMisses: QuestionMatch['nearMisses'];
  onPick: (entryId: string) => void;
}) {
  if (nearMisses.length === 0) return null;
  return (
    <div className="near-misses">
      <p className="card-meta">Did they ask…?</p>
      {nearMisses.map(({ entry }) => (
        <button key={entry.id} type="button" className="chip" onClick={() => onPick(entry.id)}>
          {entry.question}
        </button>
      ))}
    </div>
  );
}
