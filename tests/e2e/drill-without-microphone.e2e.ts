import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type LoadedExtension, openPanel } from './launch-extension';

/**
 * A drill in a browser with no microphone to give (headless Chromium has none): the drill is
 * still offered, answered by typing or in one's head, and what went wrong is said beside it.
 */
let loaded: LoadedExtension;
let panel: Page;

beforeAll(async () => {
  loaded = await launchExtension();
  panel = await openPanel(loaded);
  await panel.locator('.app-status').filter({ hasText: 'ready, offline' }).waitFor();
});

afterAll(async () => {
  await loaded?.context.close();
});

describe('drill without a microphone', () => {
  it('asks the question anyway, takes a typed answer, and scores it with the rule used for speech', async () => {
    await panel.getByText('Practise without a partner').click();
    await panel.getByLabel('ML theory', { exact: true }).check();
    await panel.getByRole('button', { name: 'Ask me a question' }).click();

    const prompt = panel.getByRole('region', { name: 'Drill question' });
    await prompt.waitFor({ timeout: 15_000 });
    // What happened and what to do, beside the drill (not at the top of the panel).
    const problem = prompt.getByRole('alert');
    expect(await problem.textContent()).toMatch(/microphone.*Type your answer/s);
    expect(await problem.evaluate((element) => element.classList.contains('message--error'))).toBe(true);
    expect(await panel.locator('.session-controls').getByRole('alert').count()).toBe(0);

    const question = (await prompt.locator('.card-question').textContent())!;
    expect(question.length).toBeGreaterThan(5);
    await prompt
      .getByLabel('Your answer')
      .fill('I would start from the definition, then the trade-off, regularisation and validation, and the metrics.');
    await prompt.getByRole('button', { name: 'I’m done: show the card' }).click();
    const card = panel.getByRole('article', { name: 'Card' });
    await card.waitFor();
    expect(await card.locator('.card-question').textContent()).toBe(question);
    expect(await panel.getByRole('region', { name: 'Rate your answer' }).textContent()).toMatch(
      /You covered \d+ of \d+ key points?\./,
    );
  });
});
