import { useEffect, useState, type ReactNode } from 'react';
import type { CompiledAliases } from '@/lib/match/pack-aliases';
import type { KnowledgeEntry } from '@/lib/knowledge/schema';
import type { TranscriptLine } from '@/lib/messaging/runtime-messages';
import { sessionFeedback, type SessionFeedback } from '@/lib/review/answer-feedback';
import { sessionDate, sessionSummaryLine } from '@/lib/review/session-summary';
import {
  deleteSession,
  cardsOf,
  linesOf,
  listSessions,
  restoreSession,
  snapshotSession,
  type CardRecord,
  type SessionDb,
  type SessionRecord,
  type SessionSnapshot,
} from '@/lib/session/session-db';
import { UndoToast } from '../common/UndoToast';
import { SessionReview } from './SessionReview';

const when = (session: SessionRecord) => sessionDate(session.startedAt);

interface SessionHistoryProps {
  db: Promise<SessionDb>;
  entryById: (id: string) => KnowledgeEntry | undefined;
  aliases?: CompiledAliases;
  /** Starts a drill on these entries (the session's weakest answers). */
  onDrill?: (entryIds: string[]) => void;
  /** Shown above the list of sessions (progress across them); a session opened replaces it. */
  overview?: ReactNode;
}

/** Every stored session, each read back and scored as its review would be (each row says how it went). */
async function scoredSessions(
  handle: SessionDb,
  entryById: SessionHistoryProps['entryById'],
  aliases: CompiledAliases | undefined,
): Promise<Array<{ session: SessionRecord; feedback: SessionFeedback }>> {
  const listed = await listSessions(handle);
  return Promise.all(
    listed.map(async (session) => ({
      session,
      feedback: sessionFeedback(
        await cardsOf(handle, session.id),
        await linesOf(handle, session.id),
        entryById,
        aliases,
      ),
    })),
  );
}

/** The stored sessions, each scored as its review would be; one read back, deleted, or brought back by Undo. */
function useStoredSessions({ db, entryById, aliases }: Pick<SessionHistoryProps, 'db' | 'entryById' | 'aliases'>) {
  const [sessions, setSessions] = useState<Array<{ session: SessionRecord; feedback: SessionFeedback }> | null>(null);
  const [open, setOpen] = useState<{ session: SessionRecord; lines: TranscriptLine[]; cards: CardRecord[] } | null>(
    null,
  );
  const [deleted, setDeleted] = useState<SessionSnapshot | null>(null);

  const refresh = async () => setSessions(await scoredSessions(await db, entryById, aliases));
  useEffect(() => {
    // The list can arrive after the view was closed: a closed view is not updated.
    let shown = true;
    void db.then((handle) => scoredSessions(handle, entryById, aliases)).then((rows) => shown && setSessions(rows));
    return () => {
      shown = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- read once as the view opens: the parent passes a new entryById each render
  }, []);

  async function show(session: SessionRecord) {
    const handle = await db;
    setOpen({ session, lines: await linesOf(handle, session.id), cards: await cardsOf(handle, session.id) });
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

  return { sessions, open, setOpen, show, remove, deleted, setDeleted, undoDelete };
}

/** Past sessions, kept on this device: read one back, export it as Markdown, or delete it. */
export function SessionHistory(props: SessionHistoryProps) {
  const { entryById, aliases, onDrill, overview } = props;
  const { sessions, open, setOpen, show, remove, deleted, setDeleted, undoDelete } = useStoredSessions(props);

  const undo = deleted && (
    <UndoToast
      text={`Deleted the session of ${when(deleted.session)}.`}
      onUndo={() => void undoDelete()}
      onDismiss={() => setDeleted(null)}
    />
  );

  if (open) {
    return (
      <SessionReview
        {...open}
        entryById={entryById}
        aliases={aliases}
        onBack={() => setOpen(null)}
        onDelete={() => void remove(open.session)}
        onDrill={onDrill}
      />
    );
  }

  if (sessions === null) return <p className="no-card">Loading sessions…</p>;
  if (sessions.length === 0)
    return (
      <>
        {undo}
        {overview}
        <p className="no-card">No sessions yet. Press Start on the Live view during a mock interview.</p>
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
              <span className="card-meta">{sessionSummaryLine(session, feedback)}</span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
