import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countOf } from '../../components/common/count-of';
import {
  E2E_EXTENSION_ID,
  launchExtension,
  type LoadedExtension,
  openPanel,
  RELEASE_EXTENSION_DIR,
  TEST_OUTPUT_DIR,
} from './launch-extension';

/** Bold and hidden only through the page's stylesheet: read right only from the rendered page (issue #22). */
const STYLED_PAGE = `<!doctype html><html><head><title>Study doc</title><style>.q{font-weight:700}.drawer{display:none}</style></head><body>
  <div class="drawer"><p class="q">What is new in this app?</p><p>Release notes.</p></div>
  <p>My notes before the platform interviews, answers as I would say them out loud in the call.</p>
  <p><span class="q">What is an error budget?</span></p><p>What the SLO allows to fail.</p>
  <p><span class="q">Why alert on symptoms rather than causes?</span></p><p>Users feel symptoms.</p>
  <p><span class="q">What is toil?</span></p><p>Manual, repetitive work that grows with the service.</p>
  <p><span class="q">How do you make a deploy safe to roll back?</span></p><p>Keep schema changes compatible.</p></body></html>`;
let loaded: LoadedExtension;
let page: Page;
let server: Server;
let questionPageUrl: string;
const outsideRequests: string[] = [];

beforeAll(async () => {
  mkdirSync(TEST_OUTPUT_DIR, { recursive: true });
  const questionPage = readFileSync('tests/fixtures/pages/blog-h2-questions.html');
  const longPage = readFileSync('tests/fixtures/pages/github-bold-questions-emoji.html');
  // A 5 MB page: the long README's article repeated, as a very long single-page guide.
  const article = /<article[\s\S]*<\/article>/.exec(longPage.toString())![0];
  const hugePage = `<!doctype html><html><head><title>Huge guide</title></head><body>${article.repeat(Math.ceil((5 * 1024 * 1024) / article.length))}</body></html>`;
  server = createServer((request, response) =>
    response
      .writeHead(200, { 'content-type': 'text/html' })
      .end(
        request.url?.endsWith('/huge')
          ? hugePage
          : request.url?.endsWith('/long')
            ? longPage
            : request.url?.endsWith('/styled')
              ? STYLED_PAGE
              : questionPage,
      ),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  questionPageUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/questions`;
  loaded = await launchExtension();
  loaded.context.on('request', (request) => {
    if (request.url().startsWith('chrome-extension://') || request.url().startsWith(questionPageUrl)) return;
    // A web page the test opens may load its own images; the extension's pages may load nothing.
    const fromWebPage = (() => {
      try {
        return !request.frame().url().startsWith('chrome-extension://');
      } catch {
        return false;
      }
    })();
    if (!fromWebPage) outsideRequests.push(request.url());
  });
  page = await openPanel(loaded);
  await page.getByText('Try a question by typing it').click();
});

afterAll(async () => {
  await loaded?.context.close();
  server?.close();
});

const card = () => page.getByRole('article', { name: 'Card' });
const say = (text: string) => page.getByLabel('What the interviewer said').fill(text);
const status = () => page.locator('.app-status');
/** Import and export sit in the Knowledge view's "Import / export" menu. */
async function openImportMenu() {
  const menu = page.locator('details.disclosure-menu', { hasText: 'Import / export' });
  if (!(await menu.evaluate((details: HTMLDetailsElement) => details.open)))
    await page.getByText('Import / export', { exact: true }).click();
}

describe('the built extension in Chromium', () => {
  it('release build: asks only for the permissions it uses, loads no remote code, carries no test key', () => {
    const manifest = JSON.parse(readFileSync(join(RELEASE_EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.manifest_version).toBe(3);
    expect([...manifest.permissions].sort()).toEqual([
      'activeTab',
      'offscreen',
      'scripting',
      'sidePanel',
      'storage',
      'tabCapture',
      'unlimitedStorage',
    ]);
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.key).toBeUndefined();
    expect(manifest.content_security_policy.extension_pages).toBe(
      "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
    );
    expect(manifest.side_panel.default_path).toBe('sidepanel.html');
  });

  it('release build: carries its icon at 16, 32, 48 and 128 px for the toolbar and the store', () => {
    const manifest = JSON.parse(readFileSync(join(RELEASE_EXTENSION_DIR, 'manifest.json'), 'utf8'));
    const expected = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };
    expect(manifest.icons).toEqual(expected);
    expect(manifest.action.default_icon).toEqual(expected);
    for (const [size, path] of Object.entries(expected)) {
      const png = readFileSync(join(RELEASE_EXTENSION_DIR, path));
      // PNG signature, then the IHDR chunk's width and height.
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Number(size), Number(size)]);
    }
  });

  it('test build: has the fixed id the capture tests rely on', () => {
    expect(loaded.extensionId).toBe(E2E_EXTENSION_ID);
  });

  it('opens the side panel page with the shipped pack ready offline', async () => {
    await expect.poll(() => status().textContent()).toMatch(/^1[5-9]\d questions ready, offline$/);
  });

  it('shows the card for a noisy spoken question, at the chosen verbosity', async () => {
    await say('um so yeah how would you handle like imbalanced classes');
    await expect
      .poll(() => card().getByRole('paragraph').first().textContent())
      .toBe('How do you handle class imbalance?');
    expect(await card().getByRole('region', { name: 'Key points' }).count()).toBe(1);

    await page.getByText('Glance', { exact: true }).click();
    await expect.poll(() => card().getByRole('region', { name: 'Key points' }).count()).toBe(0);
    expect(await card().getByLabel('Keywords').textContent()).toContain('Metrics first');
    await page.screenshot({ path: join(TEST_OUTPUT_DIR, 'sidepanel-glance.png') });

    await page.getByText('Detailed', { exact: true }).click();
    await expect.poll(() => card().getByRole('region', { name: 'Pitfalls' }).count()).toBe(1);
    await page.screenshot({ path: join(TEST_OUTPUT_DIR, 'sidepanel-detailed.png'), fullPage: true });
  });

  it('changes verbosity from the keyboard and follows the chosen theme', async () => {
    await say('explain the bias variance trade off');
    await page.keyboard.press('Alt+1');
    await expect.poll(() => card().getByLabel('Keywords').count()).toBe(1);
    await page.keyboard.press('Alt+2');
    await expect.poll(() => card().getByRole('region', { name: 'Key points' }).count()).toBe(1);
    await page.getByText('Detailed', { exact: true }).click();

    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect.poll(() => help.getByText('Alt+S').count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => help.count()).toBe(0);

    await page.getByRole('tab', { name: 'Settings', exact: true }).click();
    await page.getByLabel('Theme').selectOption('dark');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(21, 24, 28)');
    await page.screenshot({ path: join(TEST_OUTPUT_DIR, 'settings-dark.png'), fullPage: true });
    await page.getByLabel('Theme').selectOption('system');
    await page.getByRole('tab', { name: 'Live', exact: true }).click();
    await page.getByText('Try a question by typing it').click();
  });

  it('shows no card for call logistics', async () => {
    await say('sorry can you see my screen');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'small talk' }).count()).toBe(1);
    expect(await card().count()).toBe(0);
  });

  it('imports a Markdown pack, refuses a broken one without losing it, and keeps both across a reload', async () => {
    const before = Number((await status().textContent())!.split(' ')[0]);
    await page.getByRole('tab', { name: 'Knowledge', exact: true }).click();
    await openImportMenu();
    await page.getByLabel('Import a file: PDF, Word, Markdown, text or a pack').setInputFiles({
      name: 'cooking.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from(
        '# Cooking\n## How do you make a risotto?\n- Toast the rice\n## Why should dough rest?\n- Gluten relaxes\n',
      ),
    });
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Imported 2 questions from cooking.md' }).count())
      .toBe(1);
    await expect.poll(() => status().textContent()).toBe(`${before + 2} questions ready, offline`);

    await page.getByLabel('Import a file: PDF, Word, Markdown, text or a pack').setInputFiles({
      name: 'broken.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from('## A question?\nFrequency: sometimes\n- x\n'),
    });
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/broken\.md: line 2, frequency: .*Nothing was changed/);
    expect(await status().textContent()).toBe(`${before + 2} questions ready, offline`);

    await page.reload();
    await expect.poll(() => status().textContent()).toBe(`${before + 2} questions ready, offline`);
    await page.getByText('Try a question by typing it').click();
    await say('so how would you cook a risotto');
    await expect.poll(() => card().getByRole('paragraph').first().textContent()).toBe('How do you make a risotto?');
    // The verbosity chosen before the reload is still in force.
    expect(await card().getByRole('region', { name: 'Pitfalls' }).count()).toBe(0);
    expect(await page.getByRole('radio', { name: 'Detailed' }).isChecked()).toBe(true);
  });

  it("browses and searches the knowledge base offline, and adds an entry of the user's own", async () => {
    await page.getByRole('tab', { name: 'Knowledge', exact: true }).click();
    await page.getByLabel('Search questions').fill('calib');
    const firstResult = page.getByRole('listitem').locator('.browser-question').first();
    await expect.poll(() => firstResult.textContent()).toBe('What is model calibration and how do you measure it?');
    await page.getByLabel('Category').selectOption('ml-theory');
    await page.screenshot({ path: join(TEST_OUTPUT_DIR, 'knowledge-browser.png') });
    await firstResult.click();
    await expect.poll(() => page.getByRole('region', { name: 'Pitfalls' }).count()).toBe(1);
    // Focus moves into the opened entry, and back to its row on the way out.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Question outline');
    await page.getByRole('button', { name: '← All questions' }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.querySelector('.browser-question')?.textContent))
      .toBe('What is model calibration and how do you measure it?');
    await page.getByLabel('Category').selectOption('');

    await page.getByRole('button', { name: '+ New' }).click();
    await page.getByLabel('Question', { exact: true }).fill('How do you pick a vector database?');
    await page.getByLabel('Category').fill('system-design');
    await page
      .getByLabel('Key points, one per line (“Lead — detail”)')
      .fill('Scale — how many vectors\nFilters — metadata filtering');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByLabel('Search questions').fill('vector database');
    await page.getByLabel('Pack', { exact: true }).selectOption('my-questions');
    await expect.poll(() => firstResult.textContent()).toBe('How do you pick a vector database?');

    await page.getByRole('tab', { name: 'Live', exact: true }).click();
    await page.getByText('Try a question by typing it').click();
    await say('so how would you choose a vector database');
    await expect
      .poll(() => card().getByRole('paragraph').first().textContent())
      .toBe('How do you pick a vector database?');
  });

  it('keeps my own answer to a shipped question across a reload, shows it on the card, and exports it', async () => {
    await page.getByRole('tab', { name: 'Knowledge', exact: true }).click();
    await page.getByLabel('Search questions').fill('disagreed with your manager');
    await page
      .getByRole('listitem')
      .locator('.browser-question', { hasText: 'Tell me about a time you disagreed with your manager or a teammate.' })
      .click();
    await page.getByRole('button', { name: 'Write my answer' }).click();
    const form = page.getByRole('form', { name: 'My answer' });
    await form.getByLabel('In one line').fill('Moved a launch two weeks with an error analysis');
    await form.getByLabel('Result').fill('Shipped with 30 % fewer false positives.');
    await form.getByRole('button', { name: 'Save my answer' }).click();
    await expect
      .poll(() => page.getByRole('region', { name: 'My answer' }).textContent())
      .toContain('Moved a launch two weeks with an error analysis');

    await page.reload();
    await page.getByRole('tab', { name: 'Live', exact: true }).click();
    await page.getByText('Try a question by typing it').click();
    await say('tell me about a time you disagreed with your manager');
    await page.getByText('Glance', { exact: true }).click();
    await expect
      .poll(() => card().getByLabel('My answer').textContent())
      .toBe('Mine Moved a launch two weeks with an error analysis');
    await card().screenshot({ path: join(TEST_OUTPUT_DIR, 'my-answer-glance.png') });
    await page.getByText('Detailed', { exact: true }).click();

    await page.getByRole('tab', { name: 'Knowledge', exact: true }).click();
    await openImportMenu();
    await page.getByLabel('Pack to export').selectOption({ label: 'ML Engineer' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export .md' }).click(),
    ]);
    const exported = readFileSync(await download.path(), 'utf8');
    expect(exported).toContain(
      'My answer:\nLead: Moved a launch two weeks with an error analysis\nResult: Shipped with 30 % fewer false positives.',
    );
    await page.getByText('Import / export', { exact: true }).click();
  });

  it('reads a PDF guide in the import worker (pdf.js inside the extension) into the review list, and says a scan has no text', async () => {
    await page.getByRole('tab', { name: 'Knowledge', exact: true }).click();
    await openImportMenu();
    const input = page.getByLabel('Import a file: PDF, Word, Markdown, text or a pack');
    await input.setInputFiles({
      name: 'notes.pdf',
      mimeType: 'application/pdf',
      buffer: readFileSync('tests/fixtures/import-files/notes.pdf'),
    });
    const review = page.getByRole('form', { name: 'Review imported questions' });
    await expect.poll(() => review.locator('.import-question').count(), { timeout: 20_000 }).toBe(4);
    expect(await page.getByLabel('Question 4', { exact: true }).inputValue()).toBe('What is a CDN?');
    await review.getByRole('button', { name: 'Cancel' }).click();

    await input.setInputFiles({
      name: 'scan.pdf',
      mimeType: 'application/pdf',
      buffer: readFileSync('tests/fixtures/import-files/scanned.pdf'),
    });
    await expect
      .poll(() => page.getByRole('alert').textContent(), { timeout: 20_000 })
      .toMatch(/^This PDF has no text to read/);
  });

  it('reads a 5 MB page off the panel’s thread: the panel answers at once meanwhile, and the read finishes or stops with a message', async () => {
    const hugeTab = await loaded.context.newPage();
    await hugeTab.goto(`${questionPageUrl}/huge`);
    await page.bringToFront();
    await page.getByRole('tab', { name: 'Knowledge', exact: true }).click();
    await openImportMenu();
    await page.getByRole('button', { name: 'Import questions from this page' }).click();
    await page.getByRole('button', { name: 'Reading the page…' }).waitFor();
    // While the worker reads, the panel's own thread is free: a frame comes, and the search answers typing.
    const frameMs = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const started = performance.now();
          requestAnimationFrame(() => resolve(performance.now() - started));
        }),
    );
    expect(frameMs).toBeLessThan(1_000);
    const started = Date.now();
    await page.getByLabel('Search questions').fill('overfitting');
    await expect
      .poll(() =>
        page
          .getByRole('listitem')
          .locator('.browser-question', { hasText: /overfitting/i })
          .count(),
      )
      .toBeGreaterThan(0);
    const searchMs = Date.now() - started;
    expect(await page.getByRole('button', { name: 'Reading the page…' }).count()).toBe(1);
    console.log(`5 MB page: a frame in ${Math.round(frameMs)} ms and a search in ${searchMs} ms while it was read`);
    await page.getByLabel('Search questions').fill('');
    const finished = page
      .getByRole('form', { name: 'Review imported questions' })
      .or(page.getByRole('alert').filter({ hasText: 'This page is too large to read in 20 s — nothing was imported' }));
    await finished.waitFor({ timeout: 40_000 });
    const cancel = page
      .getByRole('form', { name: 'Review imported questions' })
      .getByRole('button', { name: 'Cancel' });
    console.log(
      `5 MB page: ${(await cancel.count()) ? 'read within the budget' : 'stopped at the 20 s budget with its message'}`,
    );
    if (await cancel.count()) await cancel.click();
    await hugeTab.close();
  }, 60_000);

  it('imports the questions of a web page after review, flagging ones already known', async () => {
    const articlePage = await loaded.context.newPage();
    await articlePage.goto(questionPageUrl);
    await page.bringToFront();
    await page.getByRole('tab', { name: 'Knowledge', exact: true }).click();
    const before = Number((await status().textContent())!.split(' ')[0]);
    await openImportMenu();
    await page.getByRole('button', { name: 'Import questions from this page' }).click();

    const review = page.getByRole('form', { name: 'Review imported questions' });
    // The read may start a fresh import worker (the last one was stopped at its budget): seconds on a busy machine.
    await expect
      .poll(
        () =>
          review
            .getByRole('listitem')
            .filter({ has: page.locator('.import-question') })
            .count(),
        { timeout: 15_000 },
      )
      .toBe(6);
    expect(await page.getByLabel('Question 1', { exact: true }).inputValue()).toBe(
      'How would you handle class imbalance in a fraud model?',
    );
    // Already in the shipped pack, so offered unticked.
    expect(await page.getByLabel('Keep question 2').isChecked()).toBe(false);
    await page.screenshot({ path: join(TEST_OUTPUT_DIR, 'web-import-review.png'), fullPage: true });
    await page.getByLabel('Keep question 2').check();
    await page.getByLabel('Keep question 6').uncheck();
    await page.getByLabel('Question 3', { exact: true }).fill('How would you detect data drift without labels?');
    await page.getByRole('button', { name: /^Save \d+ questions$/ }).click();

    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /Saved \d+ questions as “Imported: Six ML interview questions/ })
          .count(),
      )
      .toBe(1);
    const saved = Number(
      /Saved (\d+)/.exec((await page.getByRole('status').filter({ hasText: 'Saved' }).textContent())!)![1],
    );
    expect(saved).toBeGreaterThanOrEqual(4);
    await expect.poll(() => status().textContent()).toBe(`${before + saved} questions ready, offline`);
    await page.getByLabel('Search questions').fill('detect data drift without labels');
    await expect
      .poll(() =>
        page
          .getByRole('listitem')
          .locator('.browser-question', { hasText: 'How would you detect data drift without labels?' })
          .count(),
      )
      .toBe(1);
    await articlePage.close();
  });

  it('reads the rendered page: bold set by a stylesheet class is a question, text the page hides is not', async () => {
    const styledPage = await loaded.context.newPage();
    await styledPage.goto(`${questionPageUrl}/styled`);
    await page.bringToFront();
    await page.getByRole('tab', { name: 'Knowledge', exact: true }).click();
    await openImportMenu();
    await page.getByRole('button', { name: 'Import questions from this page' }).click();
    const review = page.getByRole('form', { name: 'Review imported questions' });
    await expect.poll(() => review.locator('.import-question').count()).toBe(4);
    expect(await page.getByLabel('Question 1', { exact: true }).inputValue()).toBe('What is an error budget?');
    expect(await page.getByLabel('Question 4', { exact: true }).inputValue()).toBe(
      'How do you make a deploy safe to roll back?',
    );
    await page.getByRole('button', { name: 'Cancel' }).click();
    await styledPage.close();
  });

  it('imports a 166-question GitHub README page: review with filter and select none/shown, saves what is ticked', async () => {
    const longPage = await loaded.context.newPage();
    await longPage.goto(`${questionPageUrl}/long`);
    await page.bringToFront();
    await page.getByRole('tab', { name: 'Knowledge', exact: true }).click();
    const started = Date.now();
    await openImportMenu();
    await page.getByRole('button', { name: 'Import questions from this page' }).click();
    const review = page.getByRole('form', { name: 'Review imported questions' });
    await expect.poll(() => review.locator('.import-question').count(), { timeout: 15_000 }).toBe(166);
    // A figure for the log, not a pass mark: speed is held by npm run bench:import.
    console.log(`long page: review list of 166 questions shown ${Date.now() - started} ms after the click`);
    expect(await review.locator('.card-meta').first().textContent()).toMatch(
      /^166 found in “alexeygrigorev\/data-science-interviews”/,
    );
    expect(await page.getByLabel('Question 1', { exact: true }).inputValue()).toBe(
      'What is supervised machine learning?',
    );

    await page.getByRole('button', { name: 'Select none' }).click();
    await expect
      .poll(() => page.getByRole('button', { name: /^Save \d+ questions$/ }).textContent())
      .toBe('Save 0 questions');
    await page.getByLabel('Filter found questions').fill('gradient');
    await expect.poll(() => review.locator('.import-question').count()).toBeLessThan(20);
    const shown = await review.locator('.import-question').count();
    await page.getByRole('button', { name: 'Select shown' }).click();
    await page.getByLabel('Filter found questions').fill('');
    await expect.poll(() => review.locator('.import-question').count()).toBe(166);
    await page.getByRole('button', { name: `Save ${countOf(shown, 'question')}` }).click();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({
            hasText: `Saved ${countOf(shown, 'question')} as “Imported: alexeygrigorev/data-science-interviews”`,
          })
          .count(),
      )
      .toBe(1);
    await longPage.close();
  });

  it('moves between the views with the arrow keys, Home and End, as a tab list', async () => {
    const tab = (name: string) => page.getByRole('tab', { name, exact: true });
    await tab('Live').click();
    await page.keyboard.press('ArrowRight');
    expect(await tab('Knowledge').getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-knowledge');
    expect(await page.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe('tab-knowledge');
    await page.keyboard.press('End');
    expect(await tab('Settings').getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowRight');
    expect(await tab('Live').getAttribute('aria-selected')).toBe('true');
    // One Tab stop for the whole list: only the selected tab is in the tab order.
    expect(
      await page.getByRole('tab').evaluateAll((tabs) => tabs.map((element) => element.getAttribute('tabindex'))),
    ).toEqual(['0', '-1', '-1', '-1']);
  });

  it('gives every control a name a screen reader can say, on every view', async () => {
    for (const view of ['Live', 'Knowledge', 'Sessions', 'Settings']) {
      await page.getByRole('tab', { name: view, exact: true }).click();
      await page
        .locator('details')
        .evaluateAll((all) => all.forEach((element) => ((element as HTMLDetailsElement).open = true)));
      const unnamed = await page.evaluate(() =>
        [...document.querySelectorAll('button, input, select, textarea, summary')]
          .filter((element) => {
            const labelled = (element as HTMLInputElement).labels?.length || element.getAttribute('aria-label');
            return !labelled && !(element.textContent ?? '').trim();
          })
          .map((element) => element.outerHTML.slice(0, 80)),
      );
      expect({ view, unnamed }).toEqual({ view, unnamed: [] });
    }
    await page.getByRole('tab', { name: 'Live', exact: true }).click();
  });

  it('made no network request outside the extension', () => {
    expect(outsideRequests).toEqual([]);
  });
});
