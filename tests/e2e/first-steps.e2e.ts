import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type LoadedExtension, openPanel } from './launch-extension';

/** A new user without a speech model, finding the way at the side panel's usual width. */
let loaded: LoadedExtension;
let panel: Page;

beforeAll(async () => {
  loaded = await launchExtension();
  panel = await openPanel(loaded);
  await panel.setViewportSize({ width: 400, height: 900 });
  await panel.locator('.app-status').filter({ hasText: 'ready, offline' }).waitFor();
});

afterAll(async () => {
  await loaded?.context.close();
});

const top = (locator: ReturnType<Page['locator']>) =>
  locator.evaluate((element) => element.getBoundingClientRect().top + window.scrollY);

describe('finding the way', () => {
  it('"Got it" puts the welcome away, leaving the model step small, with the drill and typed questions in sight', async () => {
    const welcome = panel.getByRole('region', { name: 'Welcome to Cuecard' });
    await welcome.getByRole('button', { name: 'Got it' }).click();
    await expect.poll(() => welcome.count()).toBe(0);
    // No model on this machine: what is left of the steps is the model's line and its button.
    const model = panel.getByRole('region', { name: 'Speech model' });
    await model.waitFor();
    expect((await model.boundingBox())!.height).toBeLessThan(200);
    for (const name of ['Practise without a partner', 'Try a question by typing it']) {
      const summary = panel.locator('summary', { hasText: name });
      expect(await top(summary)).toBeLessThan(600);
      // A section of its own, not a small heading.
      expect(
        await summary.evaluate((element) => parseFloat(getComputedStyle(element).fontSize)),
      ).toBeGreaterThanOrEqual(15);
    }
  });

  it('reaches the packs (switches, Remove) without scrolling past the questions', async () => {
    await panel.getByRole('tab', { name: 'Knowledge', exact: true }).click();
    const packs = panel.locator('summary', { hasText: /^Packs/ });
    expect(await top(packs)).toBeLessThan(300);
    await packs.click();
    const region = panel.getByRole('region', { name: 'Knowledge packs' });
    await region.waitFor();
    expect(await top(region.getByRole('checkbox').first())).toBeLessThan(900);
  });
});
