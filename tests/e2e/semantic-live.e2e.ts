import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Route, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureRandomMiniLm } from '../../scripts/generated-models';
import { captureStandIn } from './session-events';
import { launchExtension, type LoadedExtension, openPanel, TEST_OUTPUT_DIR } from './launch-extension';

// "Understand paraphrases" in the real built extension: Get ready downloads the sentence
// model (all-MiniLM-L6-v2's architecture with seeded random weights, served as the hub would),
// the offscreen document's recognition worker runs it, the background's session owner reads
// lines with it. As in live-matching.e2e.ts the test plays the capture's part and chooses what
// the interviewer says; the offscreen document is the real one, opened as a session opens it.
let loaded: LoadedExtension;
let worker: Worker;
let panel: Page;

const SESSION = 'e2e-semantic-live';
const HUB_PREFIX = 'https://huggingface.co/Xenova/all-MiniLM-L6-v2/resolve/main/';
/** Runs in the service worker, where `chrome` is the extension API. */
declare const chrome: {
  offscreen: { createDocument: (options: { url: string; reasons: string[]; justification: string }) => Promise<void> };
};
const capture = captureStandIn(SESSION, () => ({ worker, panel }));
const card = () => panel.getByRole('article', { name: 'Card' });
const history = () => panel.getByRole('navigation', { name: 'Questions this session' }).getByRole('button');
const chips = () => panel.getByRole('region', { name: 'Did they ask' }).getByRole('button');
/** Packs whose entry vectors the sentence model wrote to IndexedDB (read in the service worker). */
const cachedPacks = () =>
  worker.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open('cuecard-semantic');
        open.onerror = () => resolve(0);
        open.onsuccess = () => {
          if (!open.result.objectStoreNames.contains('entry-vectors')) return resolve(0);
          const request = open.result.transaction('entry-vectors').objectStore('entry-vectors').count();
          request.onsuccess = () => resolve(request.result);
        };
      }),
  );

beforeAll(async () => {
  mkdirSync(TEST_OUTPUT_DIR, { recursive: true });
  const folder = ensureRandomMiniLm();
  loaded = await launchExtension();
  await loaded.context.route(`${HUB_PREFIX}**`, (route: Route) => {
    const path = join(folder, route.request().url().slice(HUB_PREFIX.length));
    const headers = { 'access-control-allow-origin': '*', 'content-type': 'application/octet-stream' };
    return existsSync(path)
      ? route.fulfill({ status: 200, headers, body: readFileSync(path) })
      : route.fulfill({ status: 404, headers, body: 'Entry not found' });
  });
  worker = loaded.context.serviceWorkers()[0]!;
  panel = await openPanel(loaded);
  await panel
    .locator('.app-status')
    .filter({ hasText: /questions ready/ })
    .waitFor();
}, 120_000);

afterAll(async () => {
  await loaded?.context.close();
});

describe('understand paraphrases, with a sentence model that knows nothing', () => {
  it('is off until switched on, then Get ready downloads the sentence model', async () => {
    await panel.getByRole('tab', { name: 'Settings', exact: true }).click();
    const section = panel.getByRole('region', { name: 'Paraphrase settings' });
    const setting = section.getByRole('checkbox', { name: 'Understand paraphrases (downloads ~23 MB)' });
    expect(await setting.isChecked()).toBe(false);
    await setting.check();
    await section.getByRole('button', { name: 'Get ready' }).click();
    await section.getByText(/Ready offline: The sentence model/).waitFor({ timeout: 60_000 });
  }, 90_000);

  it('keeps every lexical card, runs the model in the offscreen worker, and adds nothing when the model abstains', async () => {
    await panel.getByRole('tab', { name: 'Live', exact: true }).click();
    // The offscreen document a session opens, with its recognition worker (no capture needed here).
    await worker.evaluate(() =>
      chrome.offscreen.createDocument({
        url: 'offscreen.html',
        reasons: ['USER_MEDIA'],
        justification: 'Capture the interview tab audio and transcribe it on this device.',
      }),
    );
    for (
      let attempt = 0;
      attempt < 40 && !/Capturing/.test((await panel.locator('.session-state').textContent()) ?? '');
      attempt++
    ) {
      await capture.send({ kind: 'capturing', sessionId: SESSION, withMicrophone: false });
      await panel.waitForTimeout(250);
    }

    await capture.says('okay so how would you design a video recommendation system');
    await expect
      .poll(() => card().getByRole('paragraph').first().textContent())
      .toBe('Design a video recommendation system.');
    // The first line's embedding indexes the pack through the worker: its vectors land in IndexedDB.
    await expect.poll(cachedPacks, { timeout: 240_000, interval: 1_000 }).toBeGreaterThan(0);

    // A paraphrase sharing no words with its entry: random weights leave the calibration no room, so nothing is added.
    await capture.says('the bot keeps inventing stuff that is not true, thoughts?');
    // Time for the line's embedding (milliseconds, once the model is loaded) to come back and be read.
    await panel.waitForTimeout(8_000);
    expect(await card().getByRole('paragraph').first().textContent()).toBe('Design a video recommendation system.');

    await capture.says('what is dropout?');
    await expect
      .poll(() => card().getByRole('paragraph').first().textContent(), { timeout: 30_000 })
      .toBe('How does dropout work?');
    await panel.waitForTimeout(5_000);
    expect(await history().allTextContents()).toEqual([
      '2. How does dropout work?',
      '1. Design a video recommendation system.',
    ]);
    expect(await chips().count()).toBe(0);
  }, 400_000);
});
