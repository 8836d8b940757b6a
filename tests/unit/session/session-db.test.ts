import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { explainCaptureError } from '@/lib/session/capture-errors';
import { openDB } from 'idb';
import {
  appendLine,
  endSessionRecord,
  latestSession,
  linesOf,
  listSessions,
  openSessionDb,
  recordCard,
  cardsOf,
  SESSION_DB_VERSION,
  startSessionRecord,
} from '@/lib/session/session-db';

const line = (sessionId: string, seq: number, text: string) => ({
  sessionId,
  seq,
  channel: 'interviewer' as const,
  text,
  startMs: seq * 1000,
  endMs: seq * 1000 + 900,
  at: 1_700_000_000_000 + seq,
});

describe('session store (IndexedDB)', () => {
  it('keeps every line written, in order, across reopening the database', async () => {
    const name = `test-${Math.random()}`;
    const db = await openSessionDb(name);
    await startSessionRecord(db, { id: 's1', startedAt: 1 });
    await appendLine(db, line('s1', 1, 'second'));
    await appendLine(db, line('s1', 0, 'first'));
    await appendLine(db, line('other', 0, 'elsewhere'));
    db.close();

    const reopened = await openSessionDb(name);
    expect((await linesOf(reopened, 's1')).map((item) => item.text)).toEqual(['first', 'second']);
  });

  it('finds the latest session and records how it ended, once', async () => {
    const db = await openSessionDb(`test-${Math.random()}`);
    await startSessionRecord(db, { id: 'old', startedAt: 1 });
    await startSessionRecord(db, { id: 'new', startedAt: 2 });
    await endSessionRecord(db, 'new', 'tab-ended', 10);
    await endSessionRecord(db, 'new', 'user', 20);
    expect(await latestSession(db)).toEqual({ id: 'new', startedAt: 2, endedAt: 10, endReason: 'tab-ended' });
  });

  it('records the hints shown in a session', async () => {
    const db = await openSessionDb(`test-${Math.random()}`);
    await recordCard(db, { sessionId: 's', line: 0, entryId: 'e', question: 'Q?', at: 5 });
    expect(await cardsOf(db, 's')).toEqual([{ sessionId: 's', line: 0, entryId: 'e', question: 'Q?', at: 5 }]);
  });
});

describe('session database upgrades', () => {
  /** The database as version 1 of Cuecard created it: cards keyed by [sessionId, at]. */
  async function versionOne(name: string) {
    const db = await openDB(name, 1, {
      upgrade(v1) {
        v1.createObjectStore('sessions', { keyPath: 'id' }).createIndex('startedAt', 'startedAt');
        v1.createObjectStore('lines', { keyPath: ['sessionId', 'seq'] }).createIndex('sessionId', 'sessionId');
        v1.createObjectStore('hints', { keyPath: ['sessionId', 'at'] }).createIndex('sessionId', 'sessionId');
      },
    });
    await db.put('sessions', { id: 's1', startedAt: 1, endedAt: 9, endReason: 'user' });
    await db.put('sessions', { id: 's2', startedAt: 2 });
    const T = 1_700_000_000_000;
    for (const seq of [0, 1, 2]) await db.put('lines', { ...line('s1', seq, `line ${seq}`), at: T + seq * 10_000 });
    await db.put('lines', { ...line('s2', 0, 'other session'), at: T + 90_000 });
    // Two questions of one turn (the first a ms before its line), the same entry again on a later line,
    // a chip picked a few seconds after a line, and a card in another session.
    await db.put('hints', { sessionId: 's1', entryId: 'a', question: 'A?', at: T - 1 });
    await db.put('hints', { sessionId: 's1', entryId: 'b', question: 'B?', at: T });
    await db.put('hints', { sessionId: 's1', entryId: 'a', question: 'A?', at: T + 10_000 });
    await db.put('hints', { sessionId: 's1', entryId: 'c', question: 'C?', at: T + 23_000 });
    await db.put('hints', { sessionId: 's2', entryId: 'a', question: 'A?', at: T + 90_000 });
    db.close();
  }

  it('opens a version-1 database with sessions, lines and cards, and keeps every one of them', async () => {
    const name = `upgrade-${Math.random()}`;
    await versionOne(name);
    const db = await openSessionDb(name);
    expect(db.version).toBe(SESSION_DB_VERSION);
    expect((await listSessions(db)).map((session) => session.id)).toEqual(['s2', 's1']);
    expect(await latestSession(db)).toEqual({ id: 's2', startedAt: 2 });
    expect((await linesOf(db, 's1')).map((item) => item.text)).toEqual(['line 0', 'line 1', 'line 2']);
    expect((await cardsOf(db, 's1')).map((card) => [card.entryId, card.line])).toEqual([
      ['a', 0],
      ['b', 0],
      ['a', 1],
      ['c', 2],
    ]);
    expect(await cardsOf(db, 's2')).toEqual([
      { sessionId: 's2', line: 0, entryId: 'a', question: 'A?', at: 1_700_000_090_000 },
    ]);
    // The old store is gone; new cards go under their identity.
    expect([...db.objectStoreNames]).toEqual(['cards', 'lines', 'sessions']);
    await recordCard(db, { sessionId: 's1', line: 1, entryId: 'a', question: 'A?', at: 1_700_000_010_000 });
    expect(await cardsOf(db, 's1')).toHaveLength(4);
  });

  it('a page still holding the old version lets the upgrade through instead of blocking it', async () => {
    const name = `blocking-${Math.random()}`;
    await versionOne(name);
    const current = await openSessionDb(name);
    // A later version opened while this page still has the database open: this page closes its connection.
    const next = await openDB(name, SESSION_DB_VERSION + 1);
    expect(next.version).toBe(SESSION_DB_VERSION + 1);
    await expect(current.get('sessions', 's1')).rejects.toThrow();
    next.close();
  });

  it('the same card written twice is one record; two cards never overwrite each other', async () => {
    const db = await openSessionDb(`identity-${Math.random()}`);
    await recordCard(db, { sessionId: 's', line: 3, entryId: 'e', question: 'Q?', at: 5 });
    await recordCard(db, { sessionId: 's', line: 3, entryId: 'e', question: 'Q?', at: 5 });
    // Same time stamp, another entry: version 1 overwrote the first card here.
    await recordCard(db, { sessionId: 's', line: 3, entryId: 'f', question: 'F?', at: 5 });
    expect((await cardsOf(db, 's')).map((card) => card.entryId)).toEqual(['e', 'f']);
    // A corrected card gives way to the pick, in one step.
    await recordCard(db, { sessionId: 's', line: 3, entryId: 'g', question: 'G?', at: 5 }, 'f');
    expect((await cardsOf(db, 's')).map((card) => card.entryId)).toEqual(['e', 'g']);
  });
});

describe('explainCaptureError', () => {
  it.each([
    ['Cannot capture a tab with an active stream.', /already being captured/],
    [
      'Extension has not been invoked for the current page (see activeTab permission). Chrome pages cannot be captured.',
      /protected/,
    ],
    [
      'Extension has not been invoked for the current page (see activeTab permission).',
      /click the Cuecard toolbar button/,
    ],
    ['NotAllowedError: Permission denied', /refused/],
    ['No tab with id: 12.', /tab is gone/],
    ['Something odd', /Capture could not start: Something odd/],
  ])('%s', (raw, expected) => {
    expect(explainCaptureError(new Error(raw))).toMatch(expected);
  });
});
