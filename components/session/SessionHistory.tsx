import { useEffect, useState } from 'react';
import type { CompiledAliases } from '@/lib/match/pack-aliases';
import type { KnowledgeEntry } from '@/lib/knowledge/schema';
import type { TranscriptLine } from '@/lib/messaging/runtime-messages';
import { answerCoverage, answerLines } from '@/lib/session/answer-coverage';
import { deleteSession, hintsOf, linesOf, listSessions, restoreSession, snapshotSession, type HintRecord, type SessionDb, type SessionRecord, type SessionSnapshot } from '@/lib/session/session-db';
import { clock, sessionToMarkdown } from '@/lib/session/session-markdown';
import { downloadText } from '../common/download-text';
import { UndoToast } from '../common/UndoToast';
import { TranscriptView } from './TranscriptView';

const when = (session: SessionRecord) => new Date(session.startedAt).toLocaleString();

/** Past sessions, kept on this device: read one back, export it as Markdown, or delete it. */
export function SessionHistory({ db, entryById, aliases }: { db: Promise<SessionDb>; entryById: (id: string) => KnowledgeEntry | undefined; aliases?: CompiledAliases }) {
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
        <section className="hint-section" aria-label="Questions detected">
          <h3>Questions detected</h3>
          {hints.length === 0 ? (
            <p className="no-hint">None.</p>
          ) : (
            <ul>
              {hints.map((hint, i) => {
                const entry = entryById(hint.entryId);
                const answer = answerLines(lines, hint.at, hints[i + 1]?.at);
                const coverage = entry && answer.length ? answerCoverage(entry, answer, aliases) : [];
                return (
                  <li key={hint.at}>
                    {clock(hint.at - session.startedAt)} — {hint.question}
                    {coverage.length > 0 && (
                      <ul className="coverage" aria-label="Key points you covered">
                        <li className="hint-meta">
                          You covered {coverage.filter((point) => point.covered).length} of {coverage.length} key points
                        </li>
                        {coverage.map((point) => (
                          <li key={point.point} className={point.covered ? 'covered' : 'missed'}>
                            {point.covered ? '✓' : '✗'} {point.point}
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                );
              })}
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
        <p className="no-hint">No sessions yet. Press Start on the Live view during a mock interview.</p>
      </>
    );
  return (
    <>
    {undo}
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
