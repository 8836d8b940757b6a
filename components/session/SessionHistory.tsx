import { useEffect, useState, type ReactNode } from 'react';
import type { CompiledAliases } from '@/lib/match/pack-aliases';
import type { KnowledgeEntry } from '@/lib/knowledge/schema';
import type { TranscriptLine } from '@/lib/messaging/runtime-messages';
import { sessionFeedback, type QuestionFeedback } from '@/lib/session/answer-feedback';
import { deleteSession, hintsOf, linesOf, listSessions, restoreSession, snapshotSession, type HintRecord, type SessionDb, type SessionRecord, type SessionSnapshot } from '@/lib/session/session-db';
import { clock, sessionToMarkdown } from '@/lib/session/session-markdown';
import { downloadText } from '../common/download-text';
import { UndoToast } from '../common/UndoToast';
import { countOf, percentOf } from '../common/count-of';
import { TranscriptView } from './TranscriptView';

const when = (session: SessionRecord) => new Date(session.startedAt).toLocaleString();

/** One line of figures on an answer: speaking time, fillers, repeated words, frame steps not heard. */
function answerFigures({ stats, frame }: QuestionFeedback): string {
  const parts = [`spoke ${clock(stats.spokenMs)}`];
  const fillers = Object.entries(stats.fillers)
    .sort((a, b) => b[1] - a[1])
    .map(([filler, count]) => `“${filler}” ×${count}`);
  parts.push(`${stats.fillersPerMinute.toFixed(1)} fillers a minute${fillers.length ? ` (${fillers.join(', ')})` : ''}`);
  if (stats.repeated.length) parts.push(`said often: ${stats.repeated.map(({ word, count }) => `${word} ×${count}`).join(', ')}`);
  const missing = frame?.steps.filter((step) => !step.heard).map((step) => step.step) ?? [];
  if (frame) parts.push(missing.length ? `${frame.frame}: no ${missing.join(', ')} heard` : `${frame.frame}: every step heard`);
  return parts.join(' · ');
}

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
  const [sessions, setSessions] = useState<SessionRecord[] | null>(null);
  const [open, setOpen] = useState<{ session: SessionRecord; lines: TranscriptLine[]; hints: HintRecord[] } | null>(null);
  const [deleted, setDeleted] = useState<SessionSnapshot | null>(null);

  const refresh = async () => setSessions(await listSessions(await db));
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

  const undo = deleted && <UndoToast text={`Deleted the session of ${when(deleted.session)}.`} onUndo={() => void undoDelete()} onDismiss={() => setDeleted(null)} />;

  if (open) {
    const { session, lines, hints } = open;
    const feedback = sessionFeedback(hints, lines, entryById, aliases);
    return (
      <section className="session-review" aria-label="Session review">
        <div className="pack-actions">
          <button type="button" onClick={() => setOpen(null)}>
            ← All sessions
          </button>
          <button type="button" onClick={() => downloadText(`cuecard-session-${new Date(session.startedAt).toISOString().slice(0, 10)}.md`, sessionToMarkdown(session, lines, hints), 'text/markdown')}>
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
            <p>
              You answered {feedback.answered} of {countOf(hints.length, 'question')}, covering {percentOf(feedback.meanCoverage)} of their key points on average, with{' '}
              {feedback.fillersPerMinute.toFixed(1)} fillers a minute.
            </p>
            {feedback.weakest.length > 0 && (
              <>
                <p>
                  Weakest: {feedback.weakest.map((question) => `“${question.question}” (${percentOf(question.coveredShare)})`).join(', ')}.
                </p>
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
                  {question.answered && <p className="hint-meta answer-figures">{answerFigures(question)}</p>}
                  {question.coverage.length > 0 && (
                    <ul className="coverage" aria-label="Key points you covered">
                      <li className="hint-meta">
                        You covered {question.coverage.filter((point) => point.covered).length} of {question.coverage.length} key points
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
      {sessions.map((session) => (
        <li key={session.id}>
          <button type="button" className="browser-item" onClick={() => void show(session)}>
            <span className="browser-question">{when(session)}</span>
            <span className="hint-meta">
              {session.endedAt ? `${clock(session.endedAt - session.startedAt)} long` : 'in progress or interrupted'}
            </span>
          </button>
        </li>
      ))}
    </ul>
    </>
  );
}
