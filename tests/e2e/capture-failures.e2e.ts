import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTinyWhisper } from '../../scripts/generated-models';
import {
  finalLines,
  launchExtension,
  type LoadedExtension,
  openPanel,
  sessionState,
  useLocalTinyWhisper,
} from './launch-extension';
import { startSpeechPageServer, type SpeechPageServer } from './speech-page-server';

/**
 * What the user sees when a session cannot start or ends on its own, in a real Chromium.
 * (Browser pages such as chrome:// cannot be tested here: the test-only allowlist flag
 * lets the extension capture them; the message for that case is unit-tested.)
 */
let loaded: LoadedExtension;
let speechPage: SpeechPageServer;
let audioPageUrl: string;

beforeAll(async () => {
  speechPage = await startSpeechPageServer();
  audioPageUrl = speechPage.url;
  loaded = await launchExtension();
}, 120_000);

afterAll(async () => {
  await loaded?.context.close();
  speechPage?.close();
});

describe('capture failures', () => {
  it('says when the speech model cannot be downloaded, and stops', async () => {
    const interview = await loaded.context.newPage();
    await interview.goto(audioPageUrl);
    const panel = await openPanel(loaded);
    // The default model comes from the model hub, which this machine cannot reach.
    await panel.getByRole('button', { name: 'Start listening to this tab' }).click();
    await expect
      .poll(() => panel.getByRole('alert').textContent(), { timeout: 60_000 })
      .toMatch(
        /^The speech model is not on this device yet\. Cuecard could not reach the model host \(huggingface\.co\)\. Are you offline\? Connect and press Start again, or use a local model folder \(Settings\)\.$/,
      );
    await expect.poll(() => sessionState(panel), { timeout: 15_000 }).toContain('Not capturing');
    await panel.close();
    await interview.close();
  });

  it('says a damaged model cannot be loaded, and stops', async () => {
    // A model folder whose decoder is cut short, as an interrupted copy leaves it.
    const broken = join(mkdtempSync(join(tmpdir(), 'cuecard-model-')), 'broken-whisper');
    cpSync(ensureTinyWhisper(), broken, { recursive: true });
    const decoder = join(broken, 'onnx/decoder_model_merged.onnx');
    writeFileSync(decoder, readFileSync(decoder).subarray(0, 200));

    const interview = await loaded.context.newPage();
    await interview.goto(audioPageUrl);
    const panel = await openPanel(loaded);
    await panel.getByRole('tab', { name: 'Settings', exact: true }).click();
    await panel.getByLabel('Use a local model folder').setInputFiles(broken);
    await panel.getByRole('status').filter({ hasText: 'Stored "broken-whisper"' }).waitFor({ timeout: 30_000 });
    await panel.getByRole('tab', { name: 'Live', exact: true }).click();
    await interview.bringToFront();
    await panel.getByRole('button', { name: 'Start listening to this tab' }).click();

    await expect
      .poll(() => panel.getByRole('alert').textContent(), { timeout: 60_000 })
      .toMatch(
        /^The speech model could not be loaded \(.+\)\. Press Start again; if it keeps failing, use a local model folder \(Settings\)\.$/,
      );
    await expect.poll(() => sessionState(panel), { timeout: 15_000 }).toContain('Not capturing');
    await panel.close();
    await interview.close();
  });

  it('ends the session with a message, keeping the transcript, when the captured tab is closed', async () => {
    const interview = await loaded.context.newPage();
    await interview.goto(audioPageUrl);
    const panel = await openPanel(loaded);
    await useLocalTinyWhisper(panel);
    await interview.bringToFront();
    await panel.getByRole('button', { name: 'Start listening to this tab' }).click();
    const lines = finalLines(panel);
    await expect.poll(() => lines.count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
    const before = await lines.count();

    await interview.close();

    await expect
      .poll(() => panel.getByRole('status').filter({ hasText: 'The captured tab was closed' }).count(), {
        timeout: 20_000,
      })
      .toBe(1);
    expect(await sessionState(panel)).toContain('Not capturing');
    expect(await lines.count()).toBeGreaterThanOrEqual(before);
    await panel.close();
  });
});
