import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { tokenBudget } from '../../lib/asr/whisper-transcriber';
import { randomWhisperWith } from '../../scripts/generated-models';
import { finalLines, launchExtension, type LoadedExtension, openPanel, sessionState, useLocalModel } from './launch-extension';
import { recordSessionEvents } from './session-events';
import { startSpeechPageServer, type SpeechPageServer } from './speech-page-server';

/**
 * The model users download, as far as this machine can have it: whisper-tiny.en's real
 * architecture, tokenizer and generation settings with generated weights, q8 as the WASM
 * path loads it, given through "Use a local model folder" and run by the recognition
 * worker on ONNX Runtime WASM (one thread) while the extension captures a playing tab.
 * The words are meaningless; that they are words of the real vocabulary is the point.
 */
let loaded: LoadedExtension;
let speechPage: SpeechPageServer;
let panel: Page;

beforeAll(async () => {
  const folder = randomWhisperWith('q8');
  speechPage = await startSpeechPageServer();
  loaded = await launchExtension();
  const interview = await loaded.context.newPage();
  await interview.goto(speechPage.url);
  panel = await openPanel(loaded);
  await useLocalModel(panel, folder, 120_000);
  await interview.bringToFront();
}, 300_000);

afterAll(async () => {
  await loaded?.context.close();
  speechPage?.close();
});

describe('real-size Whisper in the extension', () => {
  it('transcribes the tab with the full vocabulary, within the token budget, and records what it cost', async () => {
    const events = await recordSessionEvents(panel);
    await panel.getByRole('button', { name: 'Start listening to this tab' }).click();
    await expect.poll(() => sessionState(panel), { timeout: 60_000 }).toContain('Whisper on WASM');

    await expect.poll(async () => (await events()).filter((timed) => timed.event.kind === 'line').length, { timeout: 120_000, interval: 1_000 }).toBeGreaterThan(0);
    const line = (await events()).map((timed) => timed.event).find((event) => event.kind === 'line');
    if (line?.kind !== 'line') throw new Error('no line event');
    expect(line.line.text.trim()).not.toBe('');
    expect(line.line.text).not.toMatch(/<\|/);
    expect(line.line.recognition?.encoderMs).toBeGreaterThan(0);
    expect(line.line.recognition?.tokens).toBeGreaterThan(0);
    expect(line.line.recognition?.tokens).toBeLessThanOrEqual(tokenBudget(((line.line.endMs - line.line.startMs) * 16_000) / 1000));
    expect(await finalLines(panel).first().textContent()).toContain(line.line.text.trim());

    await panel.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => sessionState(panel), { timeout: 30_000 }).toContain('Not capturing');
  });
});
