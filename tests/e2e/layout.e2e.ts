import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type LoadedExtension, openPanel, TEST_OUTPUT_DIR } from './launch-extension';

/**
 * Every view of the panel at the side panel's narrowest, usual and wide widths, at the
 * default and the largest text size, in the light and the dark theme: nothing may stick
 * out sideways or be cut off. Screenshots of each go to test-output/layout/.
 */
const WIDTHS = [320, 400, 600] as const;
const SCREENSHOTS = join(TEST_OUTPUT_DIR, 'layout');

let loaded: LoadedExtension;
let page: Page;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  loaded = await launchExtension();
  page = await openPanel(loaded);
  await page.locator('.app-status').filter({ hasText: 'ready, offline' }).waitFor();
});

afterAll(async () => {
  await loaded?.context.close();
});

/** What sticks out past the panel's right edge, or is cut off inside a box that hides overflow. */
function overflowing(): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const name = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.className && typeof element.className === 'string' ? `.${element.className.trim().split(/\s+/).join('.')}` : ''} “${(element.textContent ?? '').trim().slice(0, 40)}”`;
    const found: string[] = [];
    if (document.documentElement.scrollWidth > width)
      found.push(`the page is ${document.documentElement.scrollWidth} px wide in ${width} px`);
    for (const element of document.querySelectorAll('body *')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden' || style.opacity === '0') continue;
      // The inside of a closed disclosure is not shown (Chromium still gives it boxes).
      if (element.closest('details:not([open]) > :not(summary)')) continue;
      if (box.right > width + 0.5 || box.left < -0.5)
        found.push(`${name(element)} spans ${Math.round(box.left)}–${Math.round(box.right)} px`);
      const clips = style.overflowX === 'hidden' || style.overflowX === 'clip' || style.textOverflow === 'ellipsis';
      if (clips && element.scrollWidth > element.clientWidth + 1)
        found.push(`${name(element)} is cut off (${element.scrollWidth} px in ${element.clientWidth})`);
    }
    return found.slice(0, 12);
  });
}

const tab = (name: string) => page.getByRole('tab', { name, exact: true }).click();

async function openImportMenu() {
  const menu = page.locator('details.disclosure-menu', { hasText: 'Import / export' });
  if (!(await menu.evaluate((details: HTMLDetailsElement) => details.open)))
    await page.getByText('Import / export', { exact: true }).click();
}

/** A README-style question list: Markdown import sends it through the review list. */
const QUESTION_LIST = [
  '# Machine learning interview questions',
  '### 1. What is the bias-variance trade-off, and how does it guide the choice of model complexity?',
  'Simple models underfit, flexible ones overfit.',
  '### 2. How would you handle class imbalance?',
  '### 3. What is regularisation?',
  '- A penalty on large weights',
].join('\n');

/**
 * What every view needs at any width: the header's status on one line, placeholders shown
 * whole, shortcut keys unbroken and the shortcuts dialog clear of the title; at the default
 * and smaller text, the four tabs on one row.
 */
function panelProblems(scale: number): Promise<string[]> {
  return page.evaluate((scale) => {
    const problems: string[] = [];
    const visible = (element: Element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.height > 0;
    };
    /** Lines a piece of text takes: distinct tops of its line boxes. */
    const lines = (element: Element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
    };
    const status = document.querySelector('.app-status');
    if (status && lines(status) > 1)
      problems.push(`the header status “${status.textContent}” takes ${lines(status)} lines`);
    const tabs = [...document.querySelectorAll('[role="tab"]')].map((tab) =>
      Math.round(tab.getBoundingClientRect().top),
    );
    if (scale <= 1 && new Set(tabs).size > 1) problems.push('the tabs take more than one row');
    const canvas = document.createElement('canvas').getContext('2d')!;
    // A text area's placeholder wraps like its text; a text box's is cut.
    for (const field of document.querySelectorAll<HTMLInputElement>('input[placeholder]')) {
      if (!visible(field) || field.value || field.closest('details:not([open]) > :not(summary)')) continue;
      const style = getComputedStyle(field);
      canvas.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = field.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const needs = canvas.measureText(field.placeholder).width;
      if (needs > room + 1)
        problems.push(`the placeholder “${field.placeholder}” needs ${Math.round(needs)} px in ${Math.round(room)}`);
    }
    // A list box shows its chosen option whole at the default and smaller text (the arrow takes about 20 px).
    for (const select of scale <= 1 ? document.querySelectorAll('select') : []) {
      if (!visible(select) || select.closest('details:not([open]) > :not(summary)')) continue;
      const style = getComputedStyle(select);
      canvas.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const text = select.selectedOptions[0]?.textContent ?? '';
      const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
      if (canvas.measureText(text).width > room + 1)
        problems.push(
          `the list box shows “${text}” cut (${Math.round(canvas.measureText(text).width)} px in ${Math.round(room)})`,
        );
    }
    for (const key of document.querySelectorAll('kbd')) {
      if (visible(key) && lines(key) > 1)
        problems.push(`the key label “${key.textContent}” breaks across ${lines(key)} lines`);
    }
    const dialog = document.querySelector('[role="dialog"]');
    const title = document.querySelector('h1');
    if (dialog && title && visible(dialog)) {
      const a = dialog.getBoundingClientRect();
      const b = title.getBoundingClientRect();
      if (a.top < b.bottom && a.bottom > b.top && a.left < b.right && a.right > b.left)
        problems.push('the shortcuts dialog covers the title');
    }
    return problems;
  }, scale);
}

/** Layout a view needs beyond "nothing sticks out": each check returns what is wrong. */
const CHECKS: Record<string, () => Promise<string[]>> = {
  // The frame's steps are not clickable, so nothing about them may look like a button.
  'live-typed-card': () =>
    page.evaluate(() => {
      const steps = [...document.querySelectorAll('.card-frame li')];
      if (steps.length === 0) return ['no frame steps on the card'];
      return steps.flatMap((step) => {
        const style = getComputedStyle(step);
        const filled = style.backgroundColor !== 'rgba(0, 0, 0, 0)' && style.backgroundColor !== 'transparent';
        return filled || parseFloat(style.borderTopLeftRadius) > 4 || parseFloat(style.borderTopWidth) > 0
          ? [`the frame step “${step.textContent}” looks like a button`]
          : [];
      });
    }),
  // The question boxes take the row's width, with the tick at their top left.
  'knowledge-import-review': () =>
    page.evaluate(() =>
      [...document.querySelectorAll('.import-item')].flatMap((item) => {
        const row = item.getBoundingClientRect();
        const question = item.querySelector('.import-question')!.getBoundingClientRect();
        const tick = item.querySelector('input[type=checkbox]')!.getBoundingClientRect();
        const problems: string[] = [];
        if (question.width < row.width * 0.85)
          problems.push(`question box ${Math.round(question.width)} px wide in a ${Math.round(row.width)} px row`);
        if (tick.top > question.top + 12 || tick.left > question.left)
          problems.push(
            `the tick (${Math.round(tick.left)}, ${Math.round(tick.top)}) is not at the question's top left (${Math.round(question.left)}, ${Math.round(question.top)})`,
          );
        return problems;
      }),
    ),
};

/** Each state a user can bring the panel to, reached from anywhere. */
const VIEWS: Record<string, () => Promise<void>> = {
  'live-first-run': () => tab('Live'),
  'live-typed-card': async () => {
    await tab('Live');
    const tryout = page.getByText('Try a question by typing it');
    if (!(await page.getByLabel('What the interviewer said').isVisible())) await tryout.click();
    await page
      .getByLabel('What the interviewer said')
      .fill('how would you design a feature store for real time fraud detection models');
    await page.getByRole('article', { name: 'Card' }).waitFor();
  },
  'knowledge-list': async () => {
    await tab('Knowledge');
    const menu = page.locator('details.disclosure-menu', { hasText: 'Import / export' });
    if (!(await menu.evaluate((details: HTMLDetailsElement) => details.open)))
      await page.getByText('Import / export', { exact: true }).click();
  },
  'knowledge-entry': async () => {
    await tab('Knowledge');
    await page.locator('.browser-item').first().click();
    await page.getByRole('button', { name: '← All questions' }).waitFor();
  },
  'knowledge-my-answer': async () => {
    await tab('Knowledge');
    await page.locator('.browser-item').first().click();
    await page.getByRole('button', { name: /my answer$/ }).click();
    await page.getByRole('form', { name: 'My answer' }).waitFor();
  },
  'knowledge-editor': async () => {
    await tab('Knowledge');
    if (await page.getByRole('button', { name: '← All questions' }).isVisible())
      await page.getByRole('button', { name: '← All questions' }).click();
    await page.getByRole('button', { name: '+ New' }).click();
  },
  'knowledge-import-review': async () => {
    await tab('Knowledge');
    await openImportMenu();
    const review = page.getByRole('form', { name: 'Review imported questions' });
    if (!(await review.isVisible())) {
      await page
        .getByLabel('Import a file: PDF, Word, Markdown, text or a pack')
        .setInputFiles({ name: 'README.md', mimeType: 'text/markdown', buffer: Buffer.from(QUESTION_LIST) });
    }
    await review.waitFor();
  },
  // Headless Chromium has no microphone: the drill goes on with a typed answer.
  'live-drill-no-microphone': async () => {
    await tab('Live');
    const drill = page.locator('details.drill');
    if (!(await drill.evaluate((details: HTMLDetailsElement) => details.open)))
      await page.getByText('Practise without a partner').click();
    await page.getByRole('button', { name: 'Ask me a question' }).click();
    await page.getByRole('region', { name: 'Drill question' }).waitFor();
    await page.getByRole('region', { name: 'Drill question' }).scrollIntoViewIfNeeded();
  },
  'knowledge-packs': async () => {
    await tab('Knowledge');
    const packs = page.locator('details.disclosure-menu', { hasText: /^Packs/ });
    if (!(await packs.evaluate((details: HTMLDetailsElement) => details.open))) await packs.locator('summary').click();
    await page.getByRole('region', { name: 'Knowledge packs' }).waitFor();
  },
  sessions: () => tab('Sessions'),
  settings: () => tab('Settings'),
  shortcuts: async () => {
    await tab('Live');
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
  },
};

async function leave(view: string) {
  if (view === 'shortcuts') {
    // Focus stays in the dialog however often Tab is pressed; Esc closes it and focus goes back to “?”.
    for (const key of ['Tab', 'Tab', 'Shift+Tab', 'Tab']) {
      await page.keyboard.press(key);
      expect(await page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')))).toBe(true);
    }
    await page.keyboard.press('Escape');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Keyboard shortcuts');
  }
  // The drill question lives in the panel's memory: a reload brings back the empty Live view.
  if (view === 'live-drill-no-microphone') {
    await page.reload();
    await page.locator('.app-status').filter({ hasText: 'ready, offline' }).waitFor();
  }
  if (view === 'knowledge-editor') await page.getByRole('button', { name: 'Cancel' }).click();
  if (view === 'knowledge-packs')
    await page
      .locator('details.disclosure-menu', { hasText: /^Packs/ })
      .locator('summary')
      .click();
  if (view === 'knowledge-import-review')
    await page.getByRole('form', { name: 'Review imported questions' }).getByRole('button', { name: 'Cancel' }).click();
  if (view === 'knowledge-entry' || view === 'knowledge-my-answer')
    await page.getByRole('button', { name: '← All questions' }).click();
}

async function setTextSize(scale: number, theme: 'light' | 'dark') {
  await tab('Settings');
  await page.getByLabel(/^Text size/).fill(String(scale));
  await page.getByLabel('Theme').selectOption(theme);
  await expect
    .poll(() => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--font-scale').trim()))
    .toBe(String(scale));
}

describe('layout at side-panel widths and text sizes', () => {
  for (const [scale, theme] of [
    [1, 'light'],
    [1.6, 'dark'],
    [0.8, 'light'],
  ] as const) {
    it(`never overflows sideways at ${scale * 100} % text, ${theme} theme`, async () => {
      await page.setViewportSize({ width: 600, height: 900 });
      await setTextSize(scale, theme);
      const problems: string[] = [];
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        for (const [view, open] of Object.entries(VIEWS)) {
          await open();
          await page.waitForTimeout(50);
          for (const problem of [
            ...(await overflowing()),
            ...(await panelProblems(scale)),
            ...((await CHECKS[view]?.()) ?? []),
          ])
            problems.push(`${view} at ${width} px: ${problem}`);
          await page.screenshot({ path: join(SCREENSHOTS, `${view}-${width}px-${scale * 100}pc-${theme}.png`) });
          await leave(view);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});
