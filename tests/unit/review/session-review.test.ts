import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  appendLine,
  deleteSession,
  cardsOf,
  linesOf,
  listSessions,
  openSessionDb,
  recordCard,
  startSessionRecord,
} from '@/lib/session/session-db';
import { clock, sessionToMarkdown } from '@/lib/review/session-markdown';
import { sessionFeedback } from '@/lib/review/answer-feedback';
import { parseMarkdownPack } from '@/lib/knowledge/markdown-pack';

describe('session review', () => {
  it('lists sessions newest first and deletes one with everything in it', async () => {
    const db = await openSessionDb(`review-${Math.random()}`);
    await startSessionRecord(db, { id: 'a', startedAt: 1 });
    await startSessionRecord(db, { id: 'b', startedAt: 2 });
    await appendLine(db, { sessionId: 'a', seq: 0, channel: 'interviewer', text: 'x', startMs: 0, endMs: 1, at: 1 });
    await appendLine(db, { sessionId: 'b', seq: 0, channel: 'interviewer', text: 'y', startMs: 0, endMs: 1, at: 1 });
    await recordCard(db, { sessionId: 'a', line: 0, entryId: 'e', question: 'Q?', at: 3 });

    expect((await listSessions(db)).map((session) => session.id)).toEqual(['b', 'a']);
    await deleteSession(db, 'a');
    expect((await listSessions(db)).map((session) => session.id)).toEqual(['b']);
    expect(await linesOf(db, 'a')).toEqual([]);
    expect(await cardsOf(db, 'a')).toEqual([]);
    expect(await linesOf(db, 'b')).toHaveLength(1);
  });

  it('exports a session as Markdown with times, speakers and the questions detected', () => {
    const startedAt = Date.UTC(2026, 10, 22, 18, 30);
    const markdown = sessionToMarkdown(
      { id: 's', startedAt, endedAt: startedAt + 125_000 },
      [
        {
          sessionId: 's',
          seq: 0,
          channel: 'interviewer',
          text: 'How would you handle class imbalance?',
          startMs: 4_000,
          endMs: 7_000,
          at: 0,
        },
        {
          sessionId: 's',
          seq: 1,
          channel: 'candidate',
          text: 'I would start with the metric.',
          startMs: 9_500,
          endMs: 12_000,
          at: 0,
        },
      ],
      [
        {
          sessionId: 's',
          line: 0,
          entryId: 'e',
          question: 'How do you handle class imbalance?',
          at: startedAt + 8_000,
        },
      ],
    );
    expect(markdown).toBe(`# Practice session, 2026-11-22 18:30 UTC

Length: 02:05

## Questions detected

- 00:08 — How do you handle class imbalance?

## Transcript

**00:04 Interviewer:** How would you handle class imbalance?

**00:10 You:** I would start with the metric.
`);
  });

  it('exports the feedback the review shows: summary, and per answer its figures and the key points covered and missed', () => {
    const startedAt = Date.UTC(2026, 10, 22, 18, 30);
    const entry = parseMarkdownPack(
      '## How do you handle class imbalance?\nId: imbalance\n- Metrics first — precision and recall\n- Resampling — over or under sample',
    ).entries[0]!;
    const hints = [
      {
        sessionId: 's',
        line: 0,
        entryId: 'imbalance',
        question: 'How do you handle class imbalance?',
        at: startedAt + 8_000,
      },
    ];
    const lines = [
      {
        sessionId: 's',
        seq: 1,
        channel: 'candidate' as const,
        text: 'Um I would look at the metrics first, precision and recall.',
        startMs: 9_000,
        endMs: 15_000,
        at: startedAt + 15_000,
      },
    ];
    const session = { id: 's', kind: 'drill' as const, startedAt, endedAt: startedAt + 60_000 };
    const markdown = sessionToMarkdown(
      session,
      lines,
      hints,
      sessionFeedback(hints, lines, () => entry),
    );
    expect(markdown).toContain('Kind: drill');
    expect(markdown).toContain(
      '## Summary\n\nYou answered 1 of 1 question, covering 50 % of their key points on average, with 10.0 fillers a minute.',
    );
    expect(markdown).toContain(
      '- 00:08 — How do you handle class imbalance?\n  - spoke 00:06 · 10.0 fillers a minute (“um” ×1)\n  - Key points covered: 1 of 2\n    - ✓ Metrics first — precision and recall\n    - ✗ Resampling — over or under sample',
    );
  });

  it.each([
    [0, '00:00'],
    [61_400, '01:01'],
    [3_600_000, '60:00'],
  ])('clock(%i) → %s', (ms, expected) => {
    expect(clock(ms)).toBe(expected);
  });
});
