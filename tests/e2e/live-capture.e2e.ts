import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TINY_WHISPER_PHRASE } from '../../scripts/generated-models';
import {
  finalLines,
  launchExtension,
  type LoadedExtension,
  openPanel,
  sessionState,
  TEST_OUTPUT_DIR,
  useLocalTinyWhisper,
} from './launch-extension';
import { startSpeechPageServer, type SpeechPageServer } from './speech-page-server';

/**
 * The whole live path in a real Chromium: a local page plays spoken audio, the
 * extension captures that tab (tabCapture → offscreen document → AudioWorklet →
 * recognition worker with Silero VAD and the transformers.js Whisper pipeline on
 * ONNX Runtime WASM), and transcript lines and a hint card appear in the side panel.
 * The Whisper model is the generated stand-in (it always decodes one phrase); it is
 * given to the extension through "Use a local model folder", so nothing is downloaded.
 */
let loaded: LoadedExtension;
let speechPage: SpeechPageServer;
let audioPageUrl: string;
let panel: Page;
const outsideRequests: string[] = [];

beforeAll(async () => {
  speechPage = await startSpeechPageServer();
  audioPageUrl = speechPage.url;

  loaded = await launchExtension();
  loaded.context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('chrome-extension://') && !url.startsWith(audioPageUrl)) outsideRequests.push(url);
  });
  const interview = await loaded.context.newPage();
  await interview.goto(audioPageUrl);
  await interview.waitForFunction(() => !(document.getElementById('a') as HTMLAudioElement).paused);

  panel = await openPanel(loaded);
  panel.on('console', (message) => {
    if (message.type() === 'error') console.log(`[panel] ${message.text()}`);
  });
  await useLocalTinyWhisper(panel);
}, 120_000);

afterAll(async () => {
  await loaded?.context.close();
  speechPage?.close();
});

const transcriptLines = () => finalLines(panel);

describe('live capture of a playing tab', () => {
  it('transcribes the tab and shows the hint for the question it hears', async () => {
    await panel.getByRole('button', { name: 'Start listening to this tab' }).click();
    await expect.poll(() => sessionState(panel), { timeout: 30_000 }).toContain('Capturing tab audio');

    // On failure, the session controls say why (the panel shows every session error).
    await expect
      .poll(
        async () =>
          (await transcriptLines().count()) > 0
            ? 'transcribed'
            : await panel.locator('.session-controls').textContent(),
        {
          timeout: 60_000,
          interval: 1_000,
        },
      )
      .toBe('transcribed');
    expect(await transcriptLines().first().textContent()).toBe(`Interviewer ${TINY_WHISPER_PHRASE}`);
    await expect
      .poll(() => panel.getByRole('article', { name: 'Card' }).getByRole('paragraph').first().textContent(), {
        timeout: 10_000,
      })
      .toBe('How do you handle class imbalance?');
    expect(await sessionState(panel)).toContain('recognising on the processor');
    await panel.screenshot({ path: join(TEST_OUTPUT_DIR, 'live-session.png'), fullPage: true });
  });

  it('keeps the transcript when the panel is closed and reopened mid-session', async () => {
    const before = await transcriptLines().count();
    await panel.close();
    panel = await openPanel(loaded);
    await expect.poll(() => transcriptLines().count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(before);
    expect(await sessionState(panel)).toContain('Capturing tab audio');
  });

  it('stops cleanly, and can start again with a double press', async () => {
    await panel.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => sessionState(panel), { timeout: 30_000 }).toContain('Not capturing');
    const afterStop = await transcriptLines().count();
    expect(afterStop).toBeGreaterThanOrEqual(1);

    // A double press: one session (the Sessions list below counts two in all), neither stopped by the second press nor lost by the panel.
    await panel.getByRole('button', { name: 'Start listening to this tab' }).dblclick();
    await expect.poll(() => sessionState(panel), { timeout: 30_000 }).toContain('Capturing tab audio');
    await expect.poll(() => transcriptLines().count(), { timeout: 60_000, interval: 500 }).toBeGreaterThanOrEqual(1);
    await panel.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => sessionState(panel), { timeout: 30_000 }).toContain('Not capturing');
  });

  it('lists past sessions, reads one back, exports it as Markdown and deletes it', async () => {
    await panel.getByRole('tab', { name: 'Sessions', exact: true }).click();
    const sessions = panel.getByRole('list', { name: 'Sessions' }).getByRole('listitem');
    await expect.poll(() => sessions.count()).toBe(2);
    await sessions.first().getByRole('button').click();
    await expect
      .poll(() =>
        panel.getByRole('region', { name: 'Session review' }).getByRole('list', { name: 'Transcript' }).textContent(),
      )
      .toContain(TINY_WHISPER_PHRASE);
    expect(await panel.getByRole('region', { name: 'Questions detected' }).textContent()).toContain(
      'How do you handle class imbalance?',
    );
    await panel.screenshot({ path: join(TEST_OUTPUT_DIR, 'session-review.png'), fullPage: true });

    const [download] = await Promise.all([
      panel.waitForEvent('download'),
      panel.getByRole('button', { name: 'Export .md' }).click(),
    ]);
    const markdown = readFileSync(await download.path(), 'utf8');
    expect(markdown).toMatch(/^# Practice session, /);
    expect(markdown).toContain(`Interviewer:** ${TINY_WHISPER_PHRASE}`);

    await panel.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => sessions.count()).toBe(1);
  });

  it('made no network request except to the page it captured', () => {
    expect(outsideRequests).toEqual([]);
  });
});
