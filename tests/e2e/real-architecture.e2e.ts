import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { tokenBudget } from '../../lib/asr/whisper-transcriber';
import { randomMoonshineWith, randomWhisperWith } from '../../scripts/generated-models';
import {
  finalLines,
  launchExtension,
  type LoadedExtension,
  openPanel,
  sessionState,
  useLocalModel,
} from './launch-extension';
import { recordSessionEvents } from './session-events';
import { startSpeechPageServer, type SpeechPageServer } from './speech-page-server';

/**
 * The models users download, as far as this machine can have them: whisper-tiny.en's and
 * moonshine-tiny's real architectures, tokenizers and generation settings with generated
 * weights, q8 as the WASM path loads them, given through "Use a local model folder" and run by the recognition
 * worker on ONNX Runtime WASM (one thread) while the extension captures a playing tab.
 * The words are meaningless; that they are words of the real vocabulary, within the token
 * budget, line after line, is the point. `npm run bench:asr:browser` times the same path.
 */
const MODELS = [
  ['Whisper tiny.en', () => randomWhisperWith('q8')],
  ['Moonshine tiny', () => randomMoonshineWith('q8')],
] as const;

describe.each(MODELS)('real-size %s in the extension', (_name, makeFolder) => {
  let loaded: LoadedExtension;
  let speechPage: SpeechPageServer;
  let panel: Page;

  beforeAll(async () => {
    const folder = makeFolder();
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

  it('transcribes the tab with the full vocabulary, within the token budget, recording what each line cost', async () => {
    const events = await recordSessionEvents(panel);
    await panel.getByRole('button', { name: 'Start listening to this tab' }).click();
    await expect.poll(() => sessionState(panel), { timeout: 90_000 }).toContain('recognising on the processor');

    const lines = async () => (await events()).map((timed) => timed.event).filter((event) => event.kind === 'line');
    await expect
      .poll(async () => (await lines()).length, { timeout: 150_000, interval: 1_000 })
      .toBeGreaterThanOrEqual(2);
    for (const event of await lines()) {
      if (event.kind !== 'line') continue;
      expect(event.line.text.trim()).not.toBe('');
      expect(event.line.text).not.toMatch(/<\||<\/?s>|<unk>/);
      expect(event.line.recognition?.encoderMs).toBeGreaterThan(0);
      expect(event.line.recognition?.tokens).toBeGreaterThan(0);
      expect(event.line.recognition?.tokens).toBeLessThanOrEqual(
        tokenBudget(((event.line.endMs - event.line.startMs) * 16_000) / 1000),
      );
    }
    // Two lines means decodes after the first worked too: a second ONNX run started while one
    // was in flight used to break the runtime for the rest of the session.
    expect((await events()).filter((timed) => timed.event.kind === 'error')).toEqual([]);
    expect(await finalLines(panel).count()).toBeGreaterThanOrEqual(2);

    await panel.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => sessionState(panel), { timeout: 60_000 }).toContain('Not capturing');
  });
});
