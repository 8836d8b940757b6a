import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { SHIPPED_PACKS } from '@/lib/knowledge/shipped-packs';
import { createPackIndex } from '@/lib/match/question-index';
import { replaySession } from '@/lib/dev/replay-session';
import { createSessionOwner } from '@/lib/session/session-owner';
import { appendLine, linesOf, openSessionDb, startSessionRecord, endSessionRecord, recordHint, hintsOf, latestSession } from '@/lib/session/session-db';
import { sessionToMarkdown } from '@/lib/session/session-markdown';
import { createSessionStore } from '@/lib/store/session-store';

const index = createPackIndex(SHIPPED_PACKS);

describe('a two-hour session replayed at full speed', () => {
  it('stores every line, shows hints without flicker, and stays readable and exportable', async () => {
    const db = await openSessionDb(`endurance-${Math.random()}`);
    const store = createSessionStore();
    await startSessionRecord(db, { id: 'long', startedAt: 1_700_000_000_000 });
    store.getState().apply({ kind: 'capturing', sessionId: 'long', withMicrophone: true });
    // The extension's path: the capture page saves the line, the owner reads it and records cards, the panel shows what it publishes.
    const owner = createSessionOwner({
      index: () => index,
      threshold: () => 0.45,
      recordHint: (hint) => recordHint(db, hint),
      publish: (event) => store.getState().apply(event),
      loadState: async () => undefined,
      saveState: async () => undefined,
    });
    let written = 0;
    for (const line of replaySession('long', 2)) {
      await appendLine(db, line);
      store.getState().apply({ kind: 'line', line });
      await owner.takeLine(line);
      written++;
    }
    await endSessionRecord(db, 'long', 'user', 1_700_000_000_000 + 2 * 3600 * 1000);

    expect(written).toBe(1800);
    const stored = await linesOf(db, 'long');
    expect(stored).toHaveLength(1800);
    expect(stored.map((line) => line.seq)).toEqual([...Array(1800).keys()]);
    const hints = await hintsOf(db, 'long');
    // Four distinct questions cycle; a card changes only when a different one is asked.
    expect(new Set(hints.map((hint) => hint.entryId)).size).toBe(4);
    expect(hints.every((hint, i) => i === 0 || hint.entryId !== hints[i - 1]!.entryId)).toBe(true);
    // The panel showed exactly what was recorded.
    expect(store.getState().questions.map((question) => [question.entryId, question.at])).toEqual(hints.map((hint) => [hint.entryId, hint.at]));

    const markdown = sessionToMarkdown((await latestSession(db))!, stored, hints);
    expect(markdown).toContain('Length: 120:00');
    expect(markdown.split('\n').filter((line) => line.startsWith('**'))).toHaveLength(1800);
    expect(new TextEncoder().encode(markdown).length).toBeLessThan(1024 * 1024);
  });
});
