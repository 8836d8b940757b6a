import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { SHIPPED_PACKS } from '@/lib/knowledge/shipped-packs';
import { createPackIndex } from '@/lib/match/question-index';
import { replaySession } from '@/lib/dev/replay-session';
import { createSessionOwner, type OwnerState, type SessionOwnerPlatform } from '@/lib/session/session-owner';
import {
  appendLine,
  cardId,
  linesOf,
  openSessionDb,
  startSessionRecord,
  endSessionRecord,
  recordCard,
  cardsOf,
  latestSession,
} from '@/lib/session/session-db';
import { sessionToMarkdown } from '@/lib/review/session-markdown';
import { createSessionStore } from '@/lib/store/session-store';
import { cardsFromRecords } from '@/lib/store/session-cards';
import { writeFigures } from '../../support/test-figures';

const index = createPackIndex(SHIPPED_PACKS);

describe('a two-hour session replayed at full speed', () => {
  it('stores every line, shows hints without flicker, and stays readable and exportable, through service-worker restarts', async () => {
    const db = await openSessionDb(`endurance-${Math.random()}`);
    const store = createSessionStore();
    await startSessionRecord(db, { id: 'long', startedAt: 1_700_000_000_000 });
    store.getState().apply({ kind: 'capturing', sessionId: 'long', withMicrophone: true });
    // storage.session: outlives a service worker, as Chrome keeps it for the browser session.
    let saved: OwnerState | undefined;
    const platform: SessionOwnerPlatform = {
      index: () => index,
      threshold: () => 0.45,
      recordCard: (hint, replaces) => recordCard(db, hint, replaces),
      publish: (event) => store.getState().apply(event),
      loadState: () => Promise.resolve(saved ? structuredClone(saved) : undefined),
      saveState: (state) => Promise.resolve(void (saved = structuredClone(state))),
    };
    /** A worker that dies after its next card is recorded: nothing it starts afterwards finishes, nothing is published. */
    const dyingAfterNextCard = (): SessionOwnerPlatform => {
      let dead = false;
      const never = () => new Promise<never>(() => undefined);
      return {
        ...platform,
        recordCard: async (hint, replaces) => {
          if (dead) return never();
          await platform.recordCard(hint, replaces);
          dead = true;
        },
        saveState: (state) => (dead ? never() : platform.saveState(state)),
        publish: (event) => void (dead || platform.publish(event)),
      };
    };
    // The extension's path: the capture page saves the line, the owner reads it and records cards, the panel shows what it publishes.
    let owner = createSessionOwner(platform);
    let restarts = 0;
    let written = 0;
    for (const line of replaySession('long', 2)) {
      await appendLine(db, line);
      store.getState().apply({ kind: 'line', line });
      if (line.seq % 300 === 150) {
        // Chrome stops the idle service worker, in the middle of a card: the next line starts a new one.
        const dying = dyingAfterNextCard();
        void createSessionOwner(dying).takeLine(line);
        await new Promise((resolve) => setTimeout(resolve, 20));
        owner = createSessionOwner(platform);
        restarts++;
        // The panel was not told of that card: reopened, it reads the record back.
        const questions = cardsFromRecords(await cardsOf(db, 'long'));
        store.getState().resume('long', await linesOf(db, 'long'), questions);
      } else if (line.seq % 300 === 0 && line.seq > 0) {
        // A plain restart between lines.
        owner = createSessionOwner(platform);
        restarts++;
      }
      await owner.takeLine(line);
      written++;
    }
    await endSessionRecord(db, 'long', 'user', 1_700_000_000_000 + 2 * 3600 * 1000);

    const stored = await linesOf(db, 'long');
    const hints = await cardsOf(db, 'long');
    // Four distinct questions cycle; a card changes only when a different one is asked.
    const repeatedCards =
      hints.filter((hint, i) => i > 0 && hint.entryId === hints[i - 1]!.entryId).length +
      hints.length -
      new Set(hints.map(cardId)).size;
    const figures = {
      restarts,
      linesWritten: written,
      linesLost: written - stored.length,
      cardsExpected: 400,
      cardsLost: 400 - hints.length,
      repeatedCards,
    };
    // Written before the checks, so the reliability report shows what was measured even when they fail.
    writeFigures('endurance', figures);

    expect(restarts).toBeGreaterThanOrEqual(10);
    expect(written).toBe(1800);
    expect(stored.map((line) => line.seq)).toEqual([...Array(1800).keys()]);
    expect(new Set(hints.map((hint) => hint.entryId)).size).toBe(4);
    expect(repeatedCards).toBe(0);
    // Every fourth-of-six interviewer line is small talk; each of the other four brings its card (600 / 6 × 4): none lost to a restart.
    expect(hints).toHaveLength(400);
    // The panel showed exactly what was recorded, each card once.
    expect(store.getState().questions.map((question) => cardId({ sessionId: 'long', ...question }))).toEqual(
      hints.map(cardId),
    );

    const markdown = sessionToMarkdown((await latestSession(db))!, stored, hints);
    expect(markdown).toContain('Length: 120:00');
    expect(markdown.split('\n').filter((line) => line.startsWith('**'))).toHaveLength(1800);
    expect(new TextEncoder().encode(markdown).length).toBeLessThan(1024 * 1024);
  }, 120_000);
});
