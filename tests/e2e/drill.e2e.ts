import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TINY_WHISPER_PHRASE } from '../../scripts/generated-models';
import { finalLines, launchExtension, type LoadedExtension, openPanel, sessionState, useLocalTinyWhisper } from './launch-extension';

/**
 * Practice without a partner, in its own browser: Chromium's fake microphone plays
 * spoken audio (a fake microphone would stop tab capture from working in the same
 * browser, so the live-capture tests run elsewhere).
 */
let loaded: LoadedExtension;
let panel: Page;

beforeAll(async () => {
  loaded = await launchExtension([
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-audio-capture=${resolve('tests/fixtures/audio/two-questions.wav')}`,
  ]);
  panel = await openPanel(loaded);
  await useLocalTinyWhisper(panel);
}, 120_000);

afterAll(async () => {
  await loaded?.context.close();
});

describe('drill mode', () => {
  it('asks a question from the chosen category, shows its card and hears the answer on the microphone', async () => {
    await panel.getByText('Practise without a partner').click();
    await panel.getByLabel('coding').check();
    await panel.getByRole('button', { name: 'Ask me a question' }).click();

    await expect.poll(() => panel.getByRole('article', { name: 'Hint' }).locator('.hint-category').textContent(), { timeout: 15_000 }).toBe('Coding');
    await expect.poll(() => sessionState(panel), { timeout: 30_000 }).toContain('Capturing');
    const answer = finalLines(panel).and(panel.locator('.transcript-line--candidate'));
    await expect.poll(() => answer.count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
    expect(await answer.first().textContent()).toBe(`You ${TINY_WHISPER_PHRASE}`);

    await panel.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => sessionState(panel), { timeout: 30_000 }).toContain('Not capturing');
  });
});
