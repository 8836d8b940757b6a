import { join, resolve } from 'node:path';
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
  it('asks a due question, hides its card while the answer is heard, then shows it with coverage and keeps the rating', async () => {
    await panel.getByText('Practise without a partner').click();
    await panel.getByLabel('Coding', { exact: true }).check();
    const counts = panel.locator('.drill').getByRole('status');
    await expect.poll(() => counts.textContent()).toBe('0 questions due, 24 never practised');
    // What the panel reads aloud, noted on its way to Chrome's speech synthesis.
    await panel.evaluate(() => {
      const spoken: string[] = ((window as unknown as { spoken: string[] }).spoken = []);
      const speak = speechSynthesis.speak.bind(speechSynthesis);
      speechSynthesis.speak = (utterance) => {
        spoken.push(utterance.text);
        speak(utterance);
      };
    });
    await panel.getByRole('button', { name: 'Ask me a question' }).click();

    // The question is shown and read aloud; its card is not.
    const prompt = panel.getByRole('region', { name: 'Drill question' });
    await expect.poll(() => prompt.count(), { timeout: 15_000 }).toBe(1);
    const question = (await prompt.locator('.card-question').textContent())!;
    await expect
      .poll(() => panel.evaluate(() => (window as unknown as { spoken: string[] }).spoken))
      .toEqual([question]);
    expect(await panel.getByRole('article', { name: 'Card' }).count()).toBe(0);
    await panel.screenshot({ path: join(TEST_OUTPUT_DIR, 'drill-question.png') });
    await expect.poll(() => sessionState(panel), { timeout: 30_000 }).toContain('Capturing');
    const answer = finalLines(panel).and(panel.locator('.transcript-line--candidate'));
    await expect.poll(() => answer.count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
    expect(await answer.first().textContent()).toBe(`You ${TINY_WHISPER_PHRASE}`);
    expect(await panel.getByRole('article', { name: 'Card' }).count()).toBe(0);

    // Finished answering (Alt+R): the card shows, with what the answer covered, and asks for a rating.
    await panel.locator('body').press('Alt+r');
    const card = panel.getByRole('article', { name: 'Card' });
    await expect.poll(() => card.locator('.card-question').textContent()).toBe(question);
    expect(await card.locator('.card-category').textContent()).toBe('Coding');
    const rating = panel.getByRole('region', { name: 'Rate your answer' });
    expect(await rating.textContent()).toMatch(/You covered \d+ of \d+ key points?\./);
    await panel.screenshot({ path: join(TEST_OUTPUT_DIR, 'drill-revealed.png') });
    await rating.getByRole('button', { name: 'Missed it' }).click();
    await expect.poll(() => rating.count()).toBe(0);
    await expect.poll(() => counts.textContent()).toBe('0 questions due, 23 never practised');

    await panel.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => sessionState(panel), { timeout: 30_000 }).toContain('Not capturing');

    // The history is kept: the question is now weak, under Knowledge's Practice filter.
    await panel.getByRole('tab', { name: 'Knowledge', exact: true }).click();
    await panel.getByLabel('Practice').selectOption('weak');
    await expect
      .poll(() => panel.getByRole('list', { name: 'Questions' }).locator('.browser-question').allTextContents())
      .toEqual([question]);
    await panel.screenshot({ path: join(TEST_OUTPUT_DIR, 'practice-filter.png') });
    // The answered drill was kept as a session; the progress chart has its first point.
    await panel.getByRole('tab', { name: 'Sessions', exact: true }).click();
    await expect.poll(() => panel.getByRole('list', { name: 'Sessions' }).getByRole('listitem').count()).toBe(1);
    expect(
      await panel.getByRole('region', { name: 'Progress by category' }).getByRole('img').getAttribute('aria-label'),
    ).toMatch(/^Coding: \d+ % on /);
    await panel.screenshot({ path: join(TEST_OUTPUT_DIR, 'practice-progress.png') });
    // Its review: the answer's figures, from the transcript.
    await panel.getByRole('list', { name: 'Sessions' }).getByRole('button').first().click();
    await expect
      .poll(() => panel.getByRole('region', { name: 'Summary' }).textContent())
      .toMatch(
        /^SummaryYou answered 1 of 1 question, covering \d+ % of their key points on average, with \d+\.\d fillers a minute\./,
      );
    expect(await panel.locator('.answer-figures').first().textContent()).toMatch(
      /^spoke \d\d:\d\d · \d+\.\d fillers a minute/,
    );
    await panel.screenshot({ path: join(TEST_OUTPUT_DIR, 'session-feedback.png'), fullPage: true });
  });
});
