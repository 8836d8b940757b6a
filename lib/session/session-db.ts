import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { TranscriptLine } from '../messaging/runtime-messages';

export interface SessionRecord {
  id: string;
  /** A mock interview (a tab) or a drill (the microphone alone); sessions stored before this was kept read as interviews. */
  kind?: 'interview' | 'drill';
  startedAt: number;
  endedAt?: number;
  endReason?: string;
}

/** A question card shown in a session. */
export interface CardRecord {
  sessionId: string;
  /** The transcript line (its seq) that brought the card; -1 before the session's first line. */
  line: number;
  entryId: string;
  question: string;
  at: number;
}

/**
 * A card's identity: its session, the line that brought it and its entry. Stored cards
 * are keyed by it, and the panel and the owner de-duplicate on it, so the same card
 * read twice (a resume racing a live event, a line read again after a restart) is one card.
 */
export const cardKey = (card: Pick<CardRecord, 'sessionId' | 'line' | 'entryId'>): [string, number, string] => [
  card.sessionId,
  card.line,
  card.entryId,
];
export const cardId = (card: Pick<CardRecord, 'sessionId' | 'line' | 'entryId'>): string =>
  JSON.stringify(cardKey(card));

/** Cards as version 1 stored them: keyed by [sessionId, at], with no line, so a duplicate with the same time overwrote the first. */
type CardV1 = Omit<CardRecord, 'line'>;

interface CuecardDb extends DBSchema {
  sessions: { key: string; value: SessionRecord; indexes: { startedAt: number } };
  lines: { key: [string, number]; value: TranscriptLine; indexes: { sessionId: string } };
  cards: { key: [string, number, string]; value: CardRecord; indexes: { sessionId: string } };
}

export type SessionDb = IDBPDatabase<CuecardDb>;

const SESSION_DB_NAME = 'cuecard-sessions';
export const SESSION_DB_VERSION = 2;

/**
 * The line a version-1 card belongs to. The owner stamped its cards at their line's time
 * (earlier questions of one turn a few ms before it); a pick was stamped later, when made.
 * So: the line at or just after the card, else the last line before it. Two version-1
 * records that land on one identity were the same card twice, the duplicate version 1 let in.
 */
function lineOfV1Card(card: CardV1, lines: readonly TranscriptLine[]): number {
  const owners = lines.find((line) => line.at >= card.at && line.at - card.at < 50);
  if (owners) return owners.seq;
  return lines.findLast((line) => line.at <= card.at)?.seq ?? -1;
}

/** Version 1 kept cards in "hints" keyed by time: each moves to the card's identity. */
async function moveVersion1Cards(
  db: IDBPDatabase<CuecardDb>,
  transaction: IDBPTransaction<CuecardDb, ('sessions' | 'lines' | 'cards')[], 'versionchange'>,
): Promise<void> {
  const untyped = db as unknown as IDBPDatabase;
  if (!untyped.objectStoreNames.contains('hints')) return;
  const upgrading = transaction as unknown as IDBPTransaction<unknown, string[], 'versionchange'>;
  const old = (await upgrading.objectStore('hints').getAll()) as CardV1[];
  const lines = (await transaction.objectStore('lines').getAll()).sort((a, b) => a.at - b.at);
  const bySession = new Map<string, TranscriptLine[]>();
  for (const line of lines) bySession.set(line.sessionId, [...(bySession.get(line.sessionId) ?? []), line]);
  const cards = transaction.objectStore('cards');
  for (const card of old) await cards.put({ ...card, line: lineOfV1Card(card, bySession.get(card.sessionId) ?? []) });
  untyped.deleteObjectStore('hints');
}

/**
 * Opens (and on first use creates, or upgrades) the session store; one writer per line,
 * so nothing is rewritten. Each version's step runs only for a database older than it,
 * so an upgrade keeps every session, line and card already stored.
 */
export function openSessionDb(name = SESSION_DB_NAME): Promise<SessionDb> {
  return openDB<CuecardDb>(name, SESSION_DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, transaction) {
      if (oldVersion < 1) {
        db.createObjectStore('sessions', { keyPath: 'id' }).createIndex('startedAt', 'startedAt');
        db.createObjectStore('lines', { keyPath: ['sessionId', 'seq'] }).createIndex('sessionId', 'sessionId');
      }
      if (oldVersion < 2) {
        const cards = db.createObjectStore('cards', { keyPath: ['sessionId', 'line', 'entryId'] });
        cards.createIndex('sessionId', 'sessionId');
        // A migration that fails aborts the upgrade, so the version-1 database stays as it was.
        moveVersion1Cards(db, transaction).catch(() => transaction.abort());
      }
    },
    // Another tab or panel still has an older version open: it is asked to close (below); the user is told if it does not.
    blocked() {
      console.warn(
        'Cuecard: the session database is waiting for another open Cuecard page to close before it can upgrade.',
      );
    },
    // A newer version wants the database: let it go, so this (older) page does not block the upgrade.
    blocking(_currentVersion, _blockedVersion, event) {
      (event.target as IDBDatabase).close();
    },
  });
}

export async function startSessionRecord(db: SessionDb, session: SessionRecord): Promise<void> {
  await db.put('sessions', session);
}

export async function endSessionRecord(
  db: SessionDb,
  id: string,
  endReason: string,
  endedAt = Date.now(),
): Promise<void> {
  const session = await db.get('sessions', id);
  if (session && session.endedAt === undefined) await db.put('sessions', { ...session, endedAt, endReason });
}

/** Appends a final transcript line as soon as it exists, so a closed panel or a killed worker loses nothing. */
export async function appendLine(db: SessionDb, line: TranscriptLine): Promise<void> {
  await db.put('lines', line);
}

/**
 * Keeps a card under its identity: the same card written twice is one record, two cards
 * never share a key. `replaces` names the entry of the same line's card that the user
 * corrected (picked an alternative): that card goes, in the same transaction.
 */
export async function recordCard(db: SessionDb, hint: CardRecord, replaces?: string): Promise<void> {
  const tx = db.transaction('cards', 'readwrite');
  if (replaces !== undefined && replaces !== hint.entryId)
    await tx.store.delete(cardKey({ ...hint, entryId: replaces }));
  await tx.store.put(hint);
  await tx.done;
}

export async function linesOf(db: SessionDb, sessionId: string): Promise<TranscriptLine[]> {
  const lines = await db.getAllFromIndex('lines', 'sessionId', sessionId);
  return lines.sort((a, b) => a.seq - b.seq);
}

export async function cardsOf(db: SessionDb, sessionId: string): Promise<CardRecord[]> {
  return (await db.getAllFromIndex('cards', 'sessionId', sessionId)).sort((a, b) => a.at - b.at);
}

/** Every session, newest first. */
export async function listSessions(db: SessionDb): Promise<SessionRecord[]> {
  return (await db.getAllFromIndex('sessions', 'startedAt')).reverse();
}

/** A session with everything stored for it: what undoing its deletion puts back. */
export interface SessionSnapshot {
  session: SessionRecord;
  lines: TranscriptLine[];
  cards: CardRecord[];
}

/** Everything stored for a session, to put back if its deletion is undone. */
export async function snapshotSession(db: SessionDb, id: string): Promise<SessionSnapshot | undefined> {
  const session = await db.get('sessions', id);
  return session && { session, lines: await linesOf(db, id), cards: await cardsOf(db, id) };
}

/** Puts a deleted session back as it was, all at once. */
export async function restoreSession(db: SessionDb, snapshot: SessionSnapshot): Promise<void> {
  const tx = db.transaction(['sessions', 'lines', 'cards'], 'readwrite');
  await tx.objectStore('sessions').put(snapshot.session);
  for (const line of snapshot.lines) await tx.objectStore('lines').put(line);
  for (const card of snapshot.cards) await tx.objectStore('cards').put(card);
  await tx.done;
}

/** Deletes a session with its transcript and cards, all at once. */
export async function deleteSession(db: SessionDb, id: string): Promise<void> {
  const tx = db.transaction(['sessions', 'lines', 'cards'], 'readwrite');
  await tx.objectStore('sessions').delete(id);
  for (const store of ['lines', 'cards'] as const) {
    for (const key of await tx.objectStore(store).index('sessionId').getAllKeys(id))
      await tx.objectStore(store).delete(key);
  }
  await tx.done;
}

/** The most recent session, for reopening the panel where it was. */
export async function latestSession(db: SessionDb): Promise<SessionRecord | undefined> {
  const cursor = await db.transaction('sessions').store.index('startedAt').openCursor(null, 'prev');
  return cursor?.value;
}
