import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { explainCaptureError } from '@/lib/session/capture-errors';
import { appendLine, endSessionRecord, latestSession, linesOf, openSessionDb, recordHint, hintsOf, startSessionRecord } from '@/lib/session/session-db';

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
    await recordHint(db, { sessionId: 's', entryId: 'e', question: 'Q?', at: 5 });
    expect(await hintsOf(db, 's')).toEqual([{ sessionId: 's', entryId: 'e', question: 'Q?', at: 5 }]);
  });
});

describe('explainCaptureError', () => {
  it.each([
    ['Cannot capture a tab with an active stream.', /already being captured/],
    ['Extension has not been invoked for the current page (see activeTab permission). Chrome pages cannot be captured.', /protected/],
    ['Extension has not been invoked for the current page (see activeTab permission).', /click the Cuecard toolbar button/],
    ['NotAllowedError: Permission denied', /refused/],
    ['No tab with id: 12.', /tab is gone/],
    ['Something odd', /Capture could not start: Something odd/],
  ])('%s', (raw, expected) => {
    expect(explainCaptureError(new Error(raw))).toMatch(expected);
  });
});
