import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finalLines, launchExtension, type LoadedExtension, openPanel, sessionState, useLocalTinyWhisper } from './launch-extension';
import { startSpeechPageServer, type SpeechPageServer } from './speech-page-server';

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
  it('keeps going when Chrome stops the service worker, and Stop still works', async () => {
    await startAndHearALine();

    const cdp = await loaded.context.newCDPSession(panel);
    const statuses: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const version of versions) if (version.scriptURL.endsWith('/background.js')) statuses.push(version.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    // Lines from the offscreen document wake the worker again at once, so "stopped" need not stay the last status.
    await expect.poll(() => statuses.includes('stopped'), { timeout: 10_000 }).toBe(true);
    const before = await finalLines(panel).count();

    // Capture lives in the offscreen document, so lines keep coming with the worker gone.
    await expect.poll(() => finalLines(panel).count(), { timeout: 60_000 }).toBeGreaterThan(before);
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
    await expect.poll(() => panel.getByRole('status').filter({ hasText: 'opened a new page; Cuecard keeps listening' }).count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => finalLines(panel).count(), { timeout: 60_000 }).toBeGreaterThan(before);
    expect(await sessionState(panel)).toContain('Capturing tab audio');
    await panel.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => sessionState(panel), { timeout: 30_000 }).toContain('Not capturing');
  });
});
