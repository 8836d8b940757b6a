import { useEffect, useState, type ReactNode } from 'react';
import type { CompiledAliases } from '@/lib/match/pack-aliases';
import type { KnowledgeEntry } from '@/lib/knowledge/schema';
import type { TranscriptLine } from '@/lib/messaging/runtime-messages';
import {
  answerFiguresText,
  feedbackSummaryText,
  sessionFeedback,
  weakestText,
  type SessionFeedback,
} from '@/lib/session/answer-feedback';
import { sessionDate, sessionSummaryLine } from '@/lib/session/session-summary';
import {
  deleteSession,
  hintsOf,
  linesOf,
  listSessions,
  restoreSession,
  snapshotSession,
  type HintRecord,
  type SessionDb,
  type SessionRecord,
  type SessionSnapshot,
} from '@/lib/session/session-db';
import { clock, sessionToMarkdown } from '@/lib/session/session-markdown';
import { downloadText } from '../common/download-text';
import { UndoToast } from '../common/UndoToast';
import { TranscriptView } from './TranscriptView';

const when = (session: SessionRecord) => sessionDate(session.startedAt);

/** Past sessions, kept on this device: read one back, export it as Markdown, or delete it. */
export function SessionHistory({
  db,
  entryById,
  aliases,
  onDrill,
  overview,
}: {
  db: Promise<SessionDb>;
  entryById: (id: string) => KnowledgeEntry | undefined;
  aliases?: CompiledAliases;
  /** Starts a drill on these entries (the session's weakest answers). */
  onDrill?: (entryIds: string[]) => void;
  /** Shown above the list of sessions (progress across them); a session opened replaces it. */
  overview?: ReactNode;
}) {
  const [sessions, setSessions] = useState<Array<{ session: SessionRecord; feedback: SessionFeedback }> | null>(null);
  const [open, setOpen] = useState<{ session: SessionRecord; lines: TranscriptLine[]; hints: HintRecord[] } | null>(
    null,
  );
  const [deleted, setDeleted] = useState<SessionSnapshot | null>(null);

  // Each row says how the session went, so each is read back and scored as its review would be.
  const refresh = async () => {
    const handle = await db;
    const listed = await listSessions(handle);
    setSessions(
      await Promise.all(
        listed.map(async (session) => ({
          session,
          feedback: sessionFeedback(
            await hintsOf(handle, session.id),
            await linesOf(handle, session.id),
            entryById,
            aliases,
          ),
        })),
      ),
    );
  };
  useEffect(() => {
    void refresh();
  }, []);

  async function show(session: SessionRecord) {
    const handle = await db;
    setOpen({ session, lines: await linesOf(handle, session.id), hints: await hintsOf(handle, session.id) });
  }

  async function remove(session: SessionRecord) {
    const handle = await db;
    const snapshot = await snapshotSession(handle, session.id);
    await deleteSession(handle, session.id);
    setDeleted(snapshot ?? null);
    setOpen(null);
    await refresh();
  }

  async function undoDelete() {
    if (!deleted) return;
    await restoreSession(await db, deleted);
    setDeleted(null);
    await refresh();
  }

  const undo = deleted && (
    <UndoToast
      text={`Deleted the session of ${when(deleted.session)}.`}
      onUndo={() => void undoDelete()}
      onDismiss={() => setDeleted(null)}
    />
  );

  if (open) {
    const { session, lines, hints } = open;
    const feedback = sessionFeedback(hints, lines, entryById, aliases);
    return (
      <section className="session-review" aria-label="Session review">
        <div className="pack-actions">
          <button type="button" onClick={() => setOpen(null)}>
            ← All sessions
          </button>
          <button
            type="button"
            onClick={() =>
              downloadText(
                `cuecard-session-${new Date(session.startedAt).toISOString().slice(0, 10)}.md`,
                sessionToMarkdown(session, lines, hints, feedback),
                'text/markdown',
              )
            }
          >
            Export .md
          </button>
          <button type="button" onClick={() => void remove(session)}>
            Delete
          </button>
        </div>
        <h2>{when(session)}</h2>
        {feedback.answered > 0 && (
          <section className="hint-section" aria-label="Summary">
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
        )}
        <section className="hint-section" aria-label="Questions detected">
          <h3>Questions detected</h3>
          {hints.length === 0 ? (
            <p className="no-hint">None.</p>
          ) : (
            <ul>
              {feedback.questions.map((question) => (
                <li key={question.at}>
                  {clock(question.at - session.startedAt)} — {question.question}
                  {question.answered && <p className="hint-meta answer-figures">{answerFiguresText(question)}</p>}
                  {question.coverage.length > 0 && (
                    <ul className="coverage" aria-label="Key points you covered">
                      <li className="hint-meta">
                        You covered {question.coverage.filter((point) => point.covered).length} of{' '}
                        {question.coverage.length} key points
                      </li>
                      {question.coverage.map((point) => (
                        <li key={point.point} className={point.covered ? 'covered' : 'missed'}>
                          {point.covered ? '✓' : '✗'} {point.point}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
        <h3>Transcript</h3>
        <TranscriptView lines={lines} partials={{}} />
      </section>
    );
  }

  if (sessions === null) return <p className="no-hint">Loading sessions…</p>;
  if (sessions.length === 0)
    return (
      <>
        {undo}
        {overview}
        <p className="no-hint">No sessions yet. Press Start on the Live view during a mock interview.</p>
      </>
    );
  return (
    <>
      {undo}
      {overview}
      <ul className="session-list" aria-label="Sessions">
        {sessions.map(({ session, feedback }) => (
          <li key={session.id}>
            <button type="button" className="browser-item" onClick={() => void show(session)}>
              <span className="browser-question">{when(session)}</span>
              <span className="hint-meta">{sessionSummaryLine(session, feedback)}</span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
