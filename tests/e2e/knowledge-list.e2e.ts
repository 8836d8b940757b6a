import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type LoadedExtension, openPanel } from './launch-extension';

/**
 * The knowledge list is virtual: rows are placed by measured heights. When the filtered set
 * changes, an entry is deleted and brought back, or the panel is resized, each row must
 * still sit below the one before it, with its text inside it.
 */
let loaded: LoadedExtension;
let page: Page;

/** MLOps questions tagged "drift", short and long, so rows of one, two and three lines mix. */
const DRIFT_PACK = `# Drift notes
## What is drift?
Category: mlops
Frequency: high
Tags: drift
- Shift — inputs or the relation to the label change
## How would you tell apart covariate shift, prior probability shift and concept drift in a fraud model whose labels arrive weeks late, and what would you alert on first?
Category: mlops
Frequency: medium
Tags: drift, monitoring
- Inputs — compare feature distributions with a reference window
## Which drift test do you run on a categorical feature with thousands of levels?
Category: mlops
Frequency: low
Tags: drift
- Chi-squared — on the most frequent levels, the rest pooled
## When is a drift alert noise rather than news?
Category: mlops
Frequency: medium
Tags: drift, alerting
- Sample size — at large samples every shift is significant
`;

beforeAll(async () => {
  loaded = await launchExtension();
  page = await openPanel(loaded);
  await page.setViewportSize({ width: 400, height: 900 });
  await page.locator('.app-status').filter({ hasText: 'ready, offline' }).waitFor();
  await page.getByRole('tab', { name: 'Knowledge', exact: true }).click();
  await page.getByText('Import / export', { exact: true }).click();
  await page
    .getByLabel('Import a file: PDF, Word, Markdown, text or a pack')
    .setInputFiles({ name: 'drift-notes.md', mimeType: 'text/markdown', buffer: Buffer.from(DRIFT_PACK) });
  await page.getByRole('status').filter({ hasText: 'Imported 4 questions from drift-notes.md' }).waitFor();
  await page.getByText('Import / export', { exact: true }).click();
});

afterAll(async () => {
  await loaded?.context.close();
});

/** Rows that overlap the next one, and rows whose text spills out of them; empty when the list is sound. */
function listProblems(): Promise<string[]> {
  return page.evaluate(() => {
    const rows = [...document.querySelectorAll('.browser-row')]
      .map((row) => ({ row, box: row.getBoundingClientRect() }))
      .sort((a, b) => a.box.top - b.box.top);
    const label = (row: Element) => `“${(row.querySelector('.browser-question')?.textContent ?? '').slice(0, 30)}”`;
    const found: string[] = [];
    rows.forEach(({ row, box }, i) => {
      const next = rows[i + 1];
      if (next && next.box.top < box.bottom - 0.5)
        found.push(
          `${label(row)} (${Math.round(box.top)}–${Math.round(box.bottom)}) overlaps ${label(next.row)} at ${Math.round(next.box.top)}`,
        );
      for (const text of row.querySelectorAll('.browser-question, .card-meta')) {
        const inner = text.getBoundingClientRect();
        if (inner.top < box.top - 0.5 || inner.bottom > box.bottom + 0.5)
          found.push(
            `${label(row)}: its text (${Math.round(inner.top)}–${Math.round(inner.bottom)}) leaves the row (${Math.round(box.top)}–${Math.round(box.bottom)})`,
          );
      }
    });
    if (rows.length === 0) found.push('no rows shown');
    return found;
  });
}

/** The list must settle sound: poll for a while, then report what is still wrong. */
async function expectSoundList(when: string) {
  await expect.poll(listProblems, { timeout: 3_000, message: when }).toEqual([]);
}

describe('the knowledge list in Chromium', () => {
  it('never draws rows on top of each other after filtering, delete and undo, and resizing', async () => {
    await expectSoundList('the whole list');
    await page.getByLabel('Category').selectOption('mlops');
    await expectSoundList('Category = MLOps');
    await page.getByLabel('Tag').fill('drift');
    await expect.poll(() => page.locator('.browser-row').count()).toBe(6);
    await expectSoundList('Category = MLOps, Tag = drift');

    await page.locator('.browser-question', { hasText: 'Which drift test do you run' }).click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => page.locator('.browser-row').count()).toBe(5);
    await expectSoundList('after Delete');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => page.locator('.browser-row').count()).toBe(6);
    await expectSoundList('after Undo');

    for (const width of [320, 600, 400]) {
      await page.setViewportSize({ width, height: 900 });
      await expectSoundList(`at ${width} px`);
    }
    await page.getByLabel('Tag').fill('');
    await page.getByLabel('Category').selectOption('');
    await expectSoundList('filters cleared');
  });
});
