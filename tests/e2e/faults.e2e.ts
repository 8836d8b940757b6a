import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  finalLines,
  launchExtension,
  type LoadedExtension,
  openPanel,
  sessionState,
  useLocalTinyWhisper,
} from './launch-extension';
import { writeFigures } from '../support/test-figures';
import { startSpeechPageServer, type SpeechPageServer } from './speech-page-server';

/** Runs in extension pages, where `chrome` is the extension API. */
declare const chrome: { runtime: { sendMessage: (message: unknown) => Promise<unknown> } };

/** Faults in the middle of a live session, in a real Chromium: the session goes on or ends cleanly, and no line is lost. */
let loaded: LoadedExtension;
let speechPage: SpeechPageServer;
let panel: Page;
let interview: Page;

beforeAll(async () => {
  speechPage = await startSpeechPageServer();
  loaded = await launchExtension();
  interview = await loaded.context.newPage();
  await interview.goto(speechPage.url);
  panel = await openPanel(loaded);
  await useLocalTinyWhisper(panel);
}, 120_000);

afterAll(async () => {
  await loaded?.context.close();
  speechPage?.close();
});

/** Starts a session and waits for its first line (the view empties when a new session begins). */
async function startAndHearALine() {
  // Start captures the active tab (else the one used last): make that the interview, whatever earlier tests focused.
  await interview.bringToFront();
  await panel.getByRole('button', { name: 'Start listening to this tab' }).click();
  await expect.poll(() => sessionState(panel), { timeout: 30_000 }).toContain('Capturing tab audio');
  // The first line waits for the model to load and the looping speech to reach a pause: slow on a busy 2-core machine.
  await expect.poll(() => finalLines(panel).count(), { timeout: 90_000 }).toBeGreaterThanOrEqual(1);
}

describe('faults during a live session', { timeout: 240_000 }, () => {
  it('keeps going when Chrome stops the service worker: lines and cards keep coming, no card repeats, and Stop still works', async () => {
    await startAndHearALine();

    const cdp = await loaded.context.newCDPSession(panel);
    const statuses: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const version of versions)
        if (version.scriptURL.endsWith('/background.js')) statuses.push(version.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    // Lines from the offscreen document wake the worker again at once, so "stopped" need not stay the last status.
    await expect.poll(() => statuses.includes('stopped'), { timeout: 10_000 }).toBe(true);
    const before = await finalLines(panel).count();

    // Capture lives in the offscreen document, so lines keep coming with the worker gone.
    await expect.poll(() => finalLines(panel).count(), { timeout: 60_000 }).toBeGreaterThan(before);

    // Cards keep coming from the restarted worker: the looping speech repeats its question (no second card),
    // and a new question, sent as the capture page sends its lines, brings its card.
    const session = await panel.evaluate(
      () => chrome.runtime.sendMessage({ type: 'session/status' }) as Promise<{ status: { sessionId: string } }>,
    );
    const sessionId = session.status.sessionId;
    await panel.evaluate(
      (line) => chrome.runtime.sendMessage({ type: 'session/event', event: { kind: 'line', line } }),
      {
        sessionId,
        seq: 100_000,
        channel: 'interviewer',
        text: 'okay so how would you design a video recommendation system',
        startMs: 0,
        endMs: 3_000,
        at: Date.now(),
      },
    );
    await expect
      .poll(() => panel.getByRole('article', { name: 'Card' }).getByRole('paragraph').first().textContent(), {
        timeout: 30_000,
      })
      .toBe('Design a video recommendation system.');
    const record = await panel.evaluate(
      (id) =>
        new Promise<{ cards: Array<{ line: number; entryId: string; question: string }>; lines: number[] }>(
          (resolve, reject) => {
            const open = indexedDB.open('cuecard-sessions');
            open.onerror = () => reject(open.error ?? new Error('the session database did not open'));
            open.onsuccess = () => {
              const tx = open.result.transaction(['cards', 'lines']);
              const cards = tx.objectStore('cards').index('sessionId').getAll(id);
              const lines = tx.objectStore('lines').index('sessionId').getAll(id);
              tx.oncomplete = () => {
                open.result.close();
                resolve({
                  cards: cards.result,
                  lines: (lines.result as Array<{ seq: number }>).map((line) => line.seq),
                });
              };
            };
          },
        ),
      sessionId,
    );
    const shownSeqs = await panel.evaluate(
      () => [...document.querySelectorAll('.transcript-line:not(.transcript-line--partial)')].length,
    );
    // The speech loops one question: its card once, however many times it was heard and whatever worker read it.
    const repeatedCards = record.cards.length - new Set(record.cards.map((card) => card.entryId)).size;
    writeFigures('service-worker-stopped', {
      cards: record.cards.length,
      repeatedCards,
      linesLost: Math.max(0, shownSeqs - record.lines.length),
    });
    expect(record.cards.map((card) => card.question)).toEqual(
      expect.arrayContaining(['How do you handle class imbalance?', 'Design a video recommendation system.']),
    );
    expect(repeatedCards).toBe(0);
    expect(record.lines.length).toBeGreaterThanOrEqual(shownSeqs);

    // A restarted worker reads the session from storage.session and can stop it.
    await panel.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => sessionState(panel), { timeout: 30_000 }).toContain('Not capturing');
  });

  it('ends the session with a message when the capture page dies, keeps its lines, and starts again', async () => {
    await startAndHearALine();
    const before = await finalLines(panel).count();

    const cdp = await loaded.context.newCDPSession(panel);
    const { targetInfos } = await cdp.send('Target.getTargets');
    const offscreen = targetInfos.find((target) => target.url.endsWith('/offscreen.html'));
    expect(offscreen).toBeDefined();
    await cdp.send('Target.closeTarget', { targetId: offscreen!.targetId });

    await expect.poll(() => sessionState(panel), { timeout: 20_000 }).toContain('Not capturing');
    expect(await panel.getByRole('status').filter({ hasText: 'Capture stopped unexpectedly' }).count()).toBe(1);
    expect(await finalLines(panel).count()).toBeGreaterThanOrEqual(before);

    await interview.bringToFront();
    await panel.getByRole('button', { name: 'Start listening to this tab' }).click();
    await expect.poll(() => sessionState(panel), { timeout: 30_000 }).toContain('Capturing tab audio');
    await panel.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => sessionState(panel), { timeout: 30_000 }).toContain('Not capturing');
  });

  it('keeps listening when the captured tab reloads, and says so', async () => {
    await startAndHearALine();
    const before = await finalLines(panel).count();
    await interview.reload();
    await expect
      .poll(() => panel.getByRole('status').filter({ hasText: 'opened a new page; Cuecard keeps listening' }).count(), {
        timeout: 15_000,
      })
      .toBe(1);
    await expect.poll(() => finalLines(panel).count(), { timeout: 60_000 }).toBeGreaterThan(before);
    expect(await sessionState(panel)).toContain('Capturing tab audio');
    await panel.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => sessionState(panel), { timeout: 30_000 }).toContain('Not capturing');
  });
});
