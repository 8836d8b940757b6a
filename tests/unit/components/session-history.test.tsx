// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SessionHistory } from '@/components/session/SessionHistory';
import { appendLine, linesOf, openSessionDb, recordHint, startSessionRecord } from '@/lib/session/session-db';

afterEach(cleanup);

describe('SessionHistory', () => {
  it('deletes a session with an Undo that brings back its record, lines and cards', async () => {
    const db = openSessionDb(`history-${Math.random()}`);
    const handle = await db;
    await startSessionRecord(handle, { id: 's', startedAt: Date.UTC(2026, 10, 23, 9), endedAt: Date.UTC(2026, 10, 23, 9, 30), endReason: 'user' });
    await appendLine(handle, { sessionId: 's', seq: 0, channel: 'interviewer', text: 'what is dropout', startMs: 0, endMs: 900, at: 1 });
    await recordHint(handle, { sessionId: 's', entryId: 'what-is-dropout', question: 'What is dropout?', at: 2 });
    render(<SessionHistory db={db} entryById={() => undefined} />);

    fireEvent.click(await screen.findByText(/30:00 long/));
    fireEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    await screen.findByText(/No sessions yet/);
    expect(await linesOf(handle, 's')).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText(/30:00 long/);
    expect((await linesOf(handle, 's')).map((line) => line.text)).toEqual(['what is dropout']);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull());
  });
});
