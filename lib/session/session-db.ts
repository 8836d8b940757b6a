import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { TranscriptLine } from '../messaging/runtime-messages';

export interface SessionRecord {
  id: string;
  /** A mock interview (a tab) or a drill (the microphone alone); sessions stored before this was kept read as interviews. */
  kind?: 'interview' | 'drill';
  startedAt: number;
  endedAt?: number;
  endReason?: string;
}

export interface HintRecord {
  sessionId: string;
  entryId: string;
  question: string;
  at: number;
}

interface CuecardDb extends DBSchema {
  sessions: { key: string; value: SessionRecord; indexes: { startedAt: number } };
  lines: { key: [string, number]; value: TranscriptLine; indexes: { sessionId: string } };
  hints: { key: [string, number]; value: HintRecord; indexes: { sessionId: string } };
}

export type SessionDb = IDBPDatabase<CuecardDb>;

const SESSION_DB_NAME = 'cuecard-sessions';

/** Opens (and on first use creates) the session store; one writer per line, so nothing is rewritten. */
export function openSessionDb(name = SESSION_DB_NAME): Promise<SessionDb> {
  return openDB<CuecardDb>(name, 1, {
    upgrade(db) {
      db.createObjectStore('sessions', { keyPath: 'id' }).createIndex('startedAt', 'startedAt');
      db.createObjectStore('lines', { keyPath: ['sessionId', 'seq'] }).createIndex('sessionId', 'sessionId');
      db.createObjectStore('hints', { keyPath: ['sessionId', 'at'] }).createIndex('sessionId', 'sessionId');
    },
  });
}

export async function startSessionRecord(db: SessionDb, session: SessionRecord): Promise<void> {
  await db.put('sessions', session);
}

export async function endSessionRecord(db: SessionDb, id: string, endReason: string, endedAt = Date.now()): Promise<void> {
  const session = await db.get('sessions', id);
  if (session && session.endedAt === undefined) await db.put('sessions', { ...session, endedAt, endReason });
}

/** Appends a final transcript line as soon as it exists, so a closed panel or a killed worker loses nothing. */
export async function appendLine(db: SessionDb, line: TranscriptLine): Promise<void> {
  await db.put('lines', line);
}

export async function recordHint(db: SessionDb, hint: HintRecord): Promise<void> {
  await db.put('hints', hint);
}

export async function linesOf(db: SessionDb, sessionId: string): Promise<TranscriptLine[]> {
  const lines = await db.getAllFromIndex('lines', 'sessionId', sessionId);
  return lines.sort((a, b) => a.seq - b.seq);
}

export async function hintsOf(db: SessionDb, sessionId: string): Promise<HintRecord[]> {
  return db.getAllFromIndex('hints', 'sessionId', sessionId);
}

/** Every session, newest first. */
export async function listSessions(db: SessionDb): Promise<SessionRecord[]> {
  return (await db.getAllFromIndex('sessions', 'startedAt')).reverse();
}

/** Deletes a session with its transcript and hints, all at once. */
export interface SessionSnapshot {
  session: SessionRecord;
  lines: TranscriptLine[];
  hints: HintRecord[];
}

/** Everything stored for a session, to put back if its deletion is undone. */
export async function snapshotSession(db: SessionDb, id: string): Promise<SessionSnapshot | undefined> {
  const session = await db.get('sessions', id);
  return session && { session, lines: await linesOf(db, id), hints: await hintsOf(db, id) };
}

export async function restoreSession(db: SessionDb, snapshot: SessionSnapshot): Promise<void> {
  const tx = db.transaction(['sessions', 'lines', 'hints'], 'readwrite');
  await tx.objectStore('sessions').put(snapshot.session);
  for (const line of snapshot.lines) await tx.objectStore('lines').put(line);
  for (const hint of snapshot.hints) await tx.objectStore('hints').put(hint);
  await tx.done;
}

export async function deleteSession(db: SessionDb, id: string): Promise<void> {
  const tx = db.transaction(['sessions', 'lines', 'hints'], 'readwrite');
  await tx.objectStore('sessions').delete(id);
  for (const store of ['lines', 'hints'] as const) {
    for (const key of await tx.objectStore(store).index('sessionId').getAllKeys(id)) await tx.objectStore(store).delete(key);
  }
  await tx.done;
}

/** The most recent session, for reopening the panel where it was. */
export async function latestSession(db: SessionDb): Promise<SessionRecord | undefined> {
  const cursor = await db.transaction('sessions').store.index('startedAt').openCursor(null, 'prev');
  return cursor?.value;
}
