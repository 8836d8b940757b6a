import type { CompiledAliases } from '@/lib/match/pack-aliases';
import type { KnowledgeEntry } from '@/lib/knowledge/schema';
import type { TranscriptLine } from '@/lib/messaging/runtime-messages';
import {
  answerFiguresText,
  feedbackSummaryText,
  sessionFeedback,
  weakestText,
  type QuestionFeedback,
  type SessionFeedback,
} from '@/lib/review/answer-feedback';
import { sessionDate } from '@/lib/review/session-summary';
import type { CardRecord, SessionRecord } from '@/lib/session/session-db';
import { clock, sessionToMarkdown } from '@/lib/review/session-markdown';
import { downloadText } from '../common/download-text';
import { TranscriptView } from '../session/TranscriptView';

/** One past session read back: what was asked, how each answer went, the transcript; export or delete it. */
export function SessionReview({
  session,
  lines,
  cards,
  entryById,
  aliases,
  onBack,
  onDelete,
  onDrill,
}: {
  session: SessionRecord;
  lines: TranscriptLine[];
  cards: CardRecord[];
  entryById: (id: string) => KnowledgeEntry | undefined;
  aliases?: CompiledAliases;
  onBack: () => void;
  onDelete: () => void;
  /** Starts a drill on these entries (the session's weakest answers). */
  onDrill?: (entryIds: string[]) => void;
}) {
  const feedback = sessionFeedback(cards, lines, entryById, aliases);
  return (
    <section className="session-review" aria-label="Session review">
      <div className="pack-actions">
        <button type="button" onClick={onBack}>
          ← All sessions
        </button>
        <button
          type="button"
          onClick={() =>
            downloadText(
              `cuecard-session-${new Date(session.startedAt).toISOString().slice(0, 10)}.md`,
              sessionToMarkdown(session, lines, cards, feedback),
              'text/markdown',
            )
          }
        >
          Export .md
        </button>
        <button type="button" onClick={onDelete}>
          Delete
        </button>
      </div>
      <h2>{sessionDate(session.startedAt)}</h2>
      {feedback.answered > 0 && <ReviewSummary feedback={feedback} onDrill={onDrill} />}
      <section className="card-section" aria-label="Questions detected">
        <h3>Questions detected</h3>
        {cards.length === 0 ? (
          <p className="no-card">None.</p>
        ) : (
          <ul>
            {feedback.questions.map((question) => (
              <QuestionReview key={question.at} question={question} startedAt={session.startedAt} />
            ))}
          </ul>
        )}
      </section>
      <h3>Transcript</h3>
      <TranscriptView lines={lines} partials={{}} />
    </section>
  );
}

/** How the answers went on the whole, and the weakest ones to drill. */
function ReviewSummary({ feedback, onDrill }: { feedback: SessionFeedback; onDrill?: (entryIds: string[]) => void }) {
  return (
    <section className="card-section" aria-label="Summary">
      <h3>Summary</h3>
      <p>{feedbackSummaryText(feedback)}</p>
      {feedback.weakest.length > 0 && (
        <>
          <p>Weakest: {weakestText(feedback)}.</p>
          {onDrill && (
            <button type="button" onClick={() => onDrill(feedback.weakest.map((question) => question.entryId))}>
              Drill these
            </button>
          )}
        </>
      )}
    </section>
  );
}

/** One detected question: when it came, the answer's figures, and which key points the answer covered. */
function QuestionReview({ question, startedAt }: { question: QuestionFeedback; startedAt: number }) {
  return (
    <li>
      {clock(question.at - startedAt)} — {question.question}
      {question.answered && <p className="card-meta answer-figures">{answerFiguresText(question)}</p>}
      {question.coverage.length > 0 && (
        <ul className="coverage" aria-label="Key points you covered">
          <li className="card-meta">
            You covered {question.coverage.filter((point) => point.covered).length} of {question.coverage.length} key
            points
          </li>
          {question.coverage.map((point) => (
            <li key={point.point} className={point.covered ? 'covered' : 'missed'}>
              {point.covered ? '✓' : '✗'} {point.point}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
