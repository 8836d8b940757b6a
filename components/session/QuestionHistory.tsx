import type { LiveCard } from '@/lib/store/session-store';

/** How a card from a partial line is marked in the list. */
const MARKS = { listening: 'listening…', 'not-confirmed': 'not confirmed', replaced: 'replaced' } as const;

/** The questions detected so far this session, newest first; any one can be brought back. */
export function QuestionHistory({
  questions,
  current,
  onPick,
}: {
  questions: readonly LiveCard[];
  current?: number;
  onPick: (at: number) => void;
}) {
  if (questions.length < 2) return null;
  return (
    <nav className="question-history" aria-label="Questions this session">
      <ol>
        {questions
          .map((question, position) => ({ question, position }))
          .reverse()
          .map(({ question, position }) => (
            <li key={question.at}>
              <button
                type="button"
                className={question.provisional?.state === 'replaced' ? 'replaced' : undefined}
                aria-current={question.at === current ? 'true' : undefined}
                onClick={() => onPick(question.at)}
              >
                {position + 1}. {question.question}
                {question.provisional && (
                  <span className="question-history-mark"> ({MARKS[question.provisional.state]})</span>
                )}
              </button>
            </li>
          ))}
      </ol>
    </nav>
  );
}
