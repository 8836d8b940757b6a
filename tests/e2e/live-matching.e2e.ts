import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureStandIn } from './session-events';
import { launchExtension, type LoadedExtension, openPanel, TEST_OUTPUT_DIR } from './launch-extension';

// The live path (transcript line → session owner in the background → cards, chips,
// history in the panel) in the real built extension. The test plays the offscreen
// document's part, so it chooses exactly what the interviewer says: the capture page's
// one broadcast reaches the panel and the service worker; here the service worker sends
// it to the panel and the panel page sends it to the service worker (a sender never
// receives its own message).
let loaded: LoadedExtension;
let worker: Worker;
let panel: Page;

const SESSION = 'e2e-live-matching';
const capture = captureStandIn(SESSION, () => ({ worker, panel }));
/** The cards the session record holds, read in the panel's IndexedDB. */
const recordedCards = () =>
  panel.evaluate(
    (sessionId) =>
      new Promise<Array<{ line: number; entryId: string; question: string }>>((resolve, reject) => {
        const open = indexedDB.open('cuecard-sessions');
        open.onerror = () => reject(new Error(`IndexedDB did not open: ${String(open.error)}`));
        open.onsuccess = () => {
          const request = open.result.transaction('cards').objectStore('cards').index('sessionId').getAll(sessionId);
          request.onsuccess = () =>
            resolve(request.result as Array<{ line: number; entryId: string; question: string }>);
        };
      }),
    SESSION,
  );
const card = () => panel.getByRole('article', { name: 'Card' });
const history = () => panel.getByRole('navigation', { name: 'Questions this session' }).getByRole('button');
const chips = () => panel.getByRole('region', { name: 'Did they ask' }).getByRole('button');

beforeAll(async () => {
  mkdirSync(TEST_OUTPUT_DIR, { recursive: true });
  loaded = await launchExtension();
  worker = loaded.context.serviceWorkers()[0]!;
  panel = await openPanel(loaded);
  // Wait until the panel listens: the knowledge base is loaded and the session view is up.
  await panel
    .locator('.app-status')
    .filter({ hasText: /questions ready/ })
    .waitFor();
  for (
    let attempt = 0;
    attempt < 40 && !/Capturing/.test((await panel.locator('.session-state').textContent()) ?? '');
    attempt++
  ) {
    await capture.send({ kind: 'capturing', sessionId: SESSION, withMicrophone: false });
    await panel.waitForTimeout(250);
  }
});

afterAll(async () => {
  await loaded?.context.close();
});

describe('live matching in the side panel', () => {
  it('surfaces both questions of a turn that asks two, the last as the card, newest first in the history', async () => {
    await capture.says("what's dropout, and what is the difference between l one and l two regularization?");
    await expect
      .poll(() => card().getByRole('paragraph').first().textContent())
      .toBe('What is the difference between L1 and L2 regularization?');
    await expect
      .poll(() => history().allTextContents())
      .toEqual(['2. What is the difference between L1 and L2 regularization?', '1. How does dropout work?']);
  });

  it('offers "Did they ask…?" chips for a close call, and a tap shows that card', async () => {
    // At the strictest sensitivity a likely question is a close call, not a card.
    await panel.getByRole('tab', { name: 'Settings', exact: true }).click();
    await panel.getByLabel(/Match sensitivity/).focus();
    await panel.keyboard.press('End');
    await expect.poll(() => panel.getByText(/cards need 80% confidence/).count()).toBe(1);
    await panel.getByRole('tab', { name: 'Live', exact: true }).click();

    await capture.says('why would accuracy be a bad metric for rare fraud');
    await expect.poll(() => chips().allTextContents()).toContain('How do you handle class imbalance?');
    // The card of the previous question stays until the user picks.
    expect(await card().getByRole('paragraph').first().textContent()).toBe(
      'What is the difference between L1 and L2 regularization?',
    );
    for (const width of [320, 400]) {
      await panel.setViewportSize({ width, height: 900 });
      await panel.screenshot({ path: join(TEST_OUTPUT_DIR, `live-near-miss-${width}.png`), fullPage: true });
      expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }

    await chips().filter({ hasText: 'How do you handle class imbalance?' }).click();
    await expect
      .poll(() => card().getByRole('paragraph').first().textContent())
      .toBe('How do you handle class imbalance?');
    expect(await chips().count()).toBe(0);
    await expect.poll(() => history().first().textContent()).toBe('3. How do you handle class imbalance?');
  });

  it('with two panels open, a question is read once: both show the card and list it once, the session record holds it under one identity', async () => {
    const second = await openPanel(loaded);
    await second
      .locator('.app-status')
      .filter({ hasText: /questions ready/ })
      .waitFor();
    // The second panel joins the session the test's capture page is running.
    await capture.send({ kind: 'capturing', sessionId: SESSION, withMicrophone: false });
    await capture.says('okay so how would you design a video recommendation system');
    for (const view of [panel, second]) {
      await expect
        .poll(() => view.getByRole('article', { name: 'Card' }).getByRole('paragraph').first().textContent())
        .toBe('Design a video recommendation system.');
    }
    // Cards are keyed by their identity (session, line, entry): a second recording of the same card
    // would overwrite, so what can fail is a card under another identity, and what each panel lists.
    const recorded = await recordedCards();
    expect(
      recorded.filter((card) => card.question === 'Design a video recommendation system.').map((card) => card.line),
    ).toEqual([capture.seq]);
    expect(new Set(recorded.map((card) => `${card.line} ${card.entryId}`)).size).toBe(recorded.length);
    // Each panel lists it once (the second joined late: its list shows from two questions on, so at most once there).
    const listed = async (view: Page) =>
      (
        await view.getByRole('navigation', { name: 'Questions this session' }).getByRole('button').allTextContents()
      ).filter((text) => text.includes('Design a video recommendation system.'));
    await expect.poll(() => listed(panel)).toHaveLength(1);
    expect((await listed(second)).length).toBeLessThanOrEqual(1);
    // The chip picked earlier was recorded by the owner too.
    expect(recorded.map((card) => card.question)).toContain('How do you handle class imbalance?');
    await second.close();
  });

  it('shows the card while the question is still being asked, marked provisional; its line makes it final in place, recorded once', async () => {
    const question = 'How do you detect model drift when labels arrive late or never?';
    await capture.says('i would start with candidate generation, then a ranking model', 'candidate');
    await capture.isSaying('so how would you detect data drift');
    await expect.poll(() => card().getByRole('paragraph').first().textContent()).toBe(question);
    expect(await card().getByRole('status').textContent()).toBe('Provisional · listening…');
    await panel.setViewportSize({ width: 400, height: 900 });
    await panel.screenshot({ path: join(TEST_OUTPUT_DIR, 'live-provisional-400.png'), fullPage: true });
    // Marks the card's element: a card drawn again on confirmation (a flash) would lose the mark.
    await card().evaluate((element) => element.setAttribute('data-seen', 'provisional'));
    // A later partial of the same question changes nothing.
    await capture.isSaying('so how would you detect data drift in');

    await capture.says('so how would you detect data drift in production');
    await expect.poll(() => card().getByRole('status').textContent()).toBe('');
    expect(await card().getByRole('paragraph').first().textContent()).toBe(question);
    expect(await card().getAttribute('data-seen')).toBe('provisional');
    const recorded = (await recordedCards()).filter((known) => known.question === question);
    expect(recorded.map((known) => known.line)).toEqual([capture.seq]);
    await expect.poll(() => history().first().textContent()).toBe(`5. ${question}`);
  });
});
