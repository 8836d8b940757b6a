import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_WHISPER_MODEL, findWhisperModel } from '../../lib/asr/whisper-models';
import { ensureTinyWhisper } from '../../scripts/generated-models';
import {
  finalLines,
  launchExtension,
  type LoadedExtension,
  openPanel,
  sessionState,
  TEST_OUTPUT_DIR,
} from './launch-extension';
import { startSpeechPageServer, type SpeechPageServer } from './speech-page-server';

/**
 * First run and "Get ready" in a real Chromium: the default model is downloaded ahead of
 * time from the model hub's addresses (answered here from the generated stand-in Whisper, as
 * this machine cannot reach the hub; transformers.js loads the model its files describe), the
 * connection drops once mid-file and the download resumes from what it kept, and then, with the network gone, a session starts
 * and transcribes: the model came from the cache the download filled.
 */
const DEFAULT_MODEL = findWhisperModel(DEFAULT_WHISPER_MODEL)!;
const HUB_PREFIX = `https://huggingface.co/${DEFAULT_MODEL.hubId}/resolve/main/`;
const DROPPED_FILE = 'onnx/decoder_model_merged_quantized.onnx';

let loaded: LoadedExtension;
let speechPage: SpeechPageServer;
const hubRequests: Array<{ file: string; range: string | undefined }> = [];
let online = true;
let dropped = false;

/** The stand-in's files under the hub's names (it has fp32 weights only; they load under any name). */
function standInFile(file: string): Buffer | undefined {
  const folder = ensureTinyWhisper();
  const path = join(folder, file.replace(/_(quantized|q4)\.onnx$/, '.onnx'));
  return existsSync(path) ? readFileSync(path) : undefined;
}

async function answerAsHub(route: Route) {
  const file = route.request().url().slice(HUB_PREFIX.length);
  const range = route.request().headers()['range'];
  hubRequests.push({ file, range });
  if (!online) return route.abort('internetdisconnected');
  const body = standInFile(file);
  if (!body)
    return route.fulfill({ status: 404, body: 'Entry not found', headers: { 'access-control-allow-origin': '*' } });
  const start = range ? Number(/bytes=(\d+)-/.exec(range)?.[1] ?? 0) : 0;
  const cors = { 'access-control-allow-origin': '*', 'content-type': 'application/octet-stream' };
  if (file === DROPPED_FILE && !dropped) {
    // The connection drops after part of the file: the body ends short of its announced length.
    dropped = true;
    return route.fulfill({
      status: 200,
      headers: { ...cors, 'content-length': String(body.length) },
      body: body.subarray(0, Math.floor(body.length / 2)),
    });
  }
  return route.fulfill({ status: start > 0 ? 206 : 200, headers: cors, body: body.subarray(start) });
}

beforeAll(async () => {
  speechPage = await startSpeechPageServer();
  loaded = await launchExtension();
  await loaded.context.route(`${HUB_PREFIX}**`, answerAsHub);
}, 120_000);

afterAll(async () => {
  await loaded?.context.close();
  speechPage?.close();
});

describe('first run and Get ready', () => {
  it('welcomes a new user with the steps, downloads the model ahead of time, resumes a dropped file, then works offline', async () => {
    const panel = await openPanel(loaded);
    const welcome = panel.getByRole('region', { name: 'Welcome to Cuecard' });
    await expect.poll(() => welcome.isVisible(), { timeout: 20_000 }).toBe(true);
    await expect
      .poll(() => welcome.textContent(), { timeout: 20_000 })
      .toContain(`${DEFAULT_MODEL.label}, about ${DEFAULT_MODEL.downloadMb} MB, downloaded once`);
    expect(await welcome.textContent()).toContain('click the Cuecard button in Chrome’s toolbar on that tab');
    await panel.screenshot({ path: join(TEST_OUTPUT_DIR, 'first-run.png'), fullPage: true });

    await welcome.getByRole('button', { name: 'Get ready' }).click();
    // The first try stops where the connection dropped; what arrived is kept.
    await expect
      .poll(() => welcome.getByRole('alert').first().textContent(), { timeout: 30_000 })
      .toContain('The connection dropped during the download');
    await welcome.getByRole('button', { name: 'Try again' }).click();
    await expect
      .poll(() => welcome.textContent(), { timeout: 30_000 })
      .toContain(`✓ Ready offline: ${DEFAULT_MODEL.label} is stored on this device.`);

    const decoderRequests = hubRequests.filter((request) => request.file === DROPPED_FILE);
    expect(decoderRequests).toHaveLength(2);
    expect(decoderRequests[0]!.range).toBeUndefined();
    expect(decoderRequests[1]!.range).toMatch(/^bytes=[1-9]\d*-$/);

    // Put away, the welcome stays away; with the model ready, nothing of it is left on the view.
    await welcome.getByRole('button', { name: 'Got it' }).click();
    await panel.reload();
    await panel.getByRole('button', { name: 'Start listening to this tab' }).waitFor();
    await expect.poll(() => panel.getByRole('region', { name: 'Speech model' }).count(), { timeout: 20_000 }).toBe(0);
    expect(await panel.getByRole('region', { name: 'Welcome to Cuecard' }).count()).toBe(0);

    // Offline: the session loads the model from what Get ready stored.
    online = false;
    const requestsBefore = hubRequests.length;
    const interview = await loaded.context.newPage();
    await interview.goto(speechPage.url);
    await interview.bringToFront();
    await panel.getByRole('button', { name: 'Start listening to this tab' }).click();
    await expect
      .poll(
        async () =>
          (await finalLines(panel).count()) > 0
            ? 'transcribed'
            : await panel.locator('.session-controls').textContent(),
        { timeout: 60_000, interval: 1_000 },
      )
      .toBe('transcribed');
    expect(hubRequests.slice(requestsBefore)).toEqual([]);
    await panel.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => sessionState(panel), { timeout: 15_000 }).toContain('Not capturing');
    await interview.close();
    await panel.close();
  });
});
