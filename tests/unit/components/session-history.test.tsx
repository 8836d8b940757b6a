// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionHistory } from '@/components/review/SessionHistory';
import { parseMarkdownPack } from '@/lib/knowledge/markdown-pack';
import { appendLine, linesOf, openSessionDb, recordCard, startSessionRecord } from '@/lib/session/session-db';

afterEach(cleanup);

describe('SessionHistory', () => {
  it('deletes a session with an Undo that brings back its record, lines and cards', async () => {
    const db = openSessionDb(`history-${Math.random()}`);
    const handle = await db;
    await startSessionRecord(handle, {
      id: 's',
      startedAt: Date.UTC(2026, 10, 23, 9),
      endedAt: Date.UTC(2026, 10, 23, 9, 30),
      endReason: 'user',
    });
    await appendLine(handle, {
      sessionId: 's',
      seq: 0,
      channel: 'interviewer',
      text: 'what is dropout',
      startMs: 0,
      endMs: 900,
      at: 1,
    });
    await recordCard(handle, {
      sessionId: 's',
      line: 0,
      entryId: 'what-is-dropout',
      question: 'What is dropout?',
      at: 2,
    });
    render(<SessionHistory db={db} entryById={() => undefined} />);

    expect((await screen.findByText(/^Interview · /)).textContent).toBe(
      'Interview · 1 question · no answers heard · 30:00',
    );
    fireEvent.click(screen.getByText(/^Interview · /));
    fireEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    await screen.findByText(/No sessions yet/);
    expect(await linesOf(handle, 's')).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText(/· 30:00$/);
    expect((await linesOf(handle, 's')).map((line) => line.text)).toEqual(['what is dropout']);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull());
  });

  it('reviews a session from its transcript: a summary with the weakest questions, and per answer its figures and coverage', async () => {
    const pack = parseMarkdownPack(`## Tell me about a time you failed.
Id: failed
Category: behavioral
- Own it — say what you did wrong
- Repair — what you fixed
`);
    const db = openSessionDb(`review-${Math.random()}`);
    const handle = await db;
    const start = Date.UTC(2026, 10, 23, 9);
    await startSessionRecord(handle, { id: 'r', startedAt: start, endedAt: start + 120_000, endReason: 'user' });
    await recordCard(handle, {
      sessionId: 'r',
      line: 0,
      entryId: 'failed',
      question: 'Tell me about a time you failed.',
      at: start + 1_000,
    });
    await appendLine(handle, {
      sessionId: 'r',
      seq: 0,
      channel: 'interviewer',
      text: 'tell me about a time you failed',
      startMs: 0,
      endMs: 2_000,
      at: start + 2_000,
    });
    await appendLine(handle, {
      sessionId: 'r',
      seq: 1,
      channel: 'candidate',
      text: 'Um at my last job I rushed a launch, um, and I owned what I did wrong, so I wrote the fix.',
      startMs: 3_000,
      endMs: 33_000,
      at: start + 33_000,
    });
    const onDrill = vi.fn();
    render(
      <SessionHistory db={db} entryById={(id) => pack.entries.find((entry) => entry.id === id)} onDrill={onDrill} />,
    );
    const row = await screen.findByText(/· 02:00$/);
    // The row says what the session was and how it went; the date reads as a date.
    expect(row.textContent).toBe('Interview · 1 question · 100 % covered · 02:00');
    expect(row.previousElementSibling!.textContent).toBe(
      new Date(start).toLocaleString(undefined, {
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        hour: '2-digit',
        minute: '2-digit',
      }),
    );
    fireEvent.click(row);

    const summary = await screen.findByRole('region', { name: 'Summary' });
    // Both key points said ("did wrong", "fix") → 100 %; two "um" in 30 s of speech → 4.0 a minute.
    expect(summary.textContent).toContain(
      'You answered 1 of 1 question, covering 100 % of their key points on average, with 4.0 fillers a minute.',
    );
    expect(summary.textContent).toContain('Weakest: “Tell me about a time you failed.” (100 %).');
    expect(screen.getByText(/^spoke 00:30/).textContent).toBe(
      'spoke 00:30 · 4.0 fillers a minute (“um” ×2) · STAR: no Task, Result heard',
    );
    expect(screen.getByRole('list', { name: 'Key points you covered' }).textContent).toContain(
      'You covered 2 of 2 key points',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Drill these' }));
    expect(onDrill).toHaveBeenCalledWith(['failed']);
  });
});
