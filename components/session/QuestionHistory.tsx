import type { ShownHint } from '@/lib/store/session-store';

/** The questions detected so far this session, newest first; any one can be brought back. */
export function QuestionHistory({
  questions,
  current,
  onPick,
}: {
  questions: readonly ShownHint[];
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
                aria-current={question.at === current ? 'true' : undefined}
                onClick={() => onPick(question.at)}
              >
                {position + 1}. {question.question}
              </button>
            </li>
          ))}
      </ol>
    </nav>
  );
}
