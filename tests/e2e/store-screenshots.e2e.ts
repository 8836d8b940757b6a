import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchExtension,
  type LoadedExtension,
  openPanel,
  sessionState,
  TEST_OUTPUT_DIR,
  useLocalTinyWhisper,
} from './launch-extension';
import { pngSize, STORE_SIZE, storeScreenshot } from './store-screenshot';

/**
 * The Chrome Web Store listing's screenshots (1280 × 800), taken from the built extension in a
 * real Chromium as the README's are: a mock interview call playing spoken questions, the side
 * panel beside it showing the card for what it heard, the knowledge browser, and the session's
 * review, and questions imported from a web page. The speech model is the generated stand-in, given through "Use a local model folder".
 */
const MOCK_CALL = `<!doctype html><html><head><meta charset="utf-8"><title>Mock interview — ML engineer</title><style>
  body{margin:0;font:16px system-ui,sans-serif;background:#1f2124;color:#e8eaed;height:100vh;display:flex;flex-direction:column}
  header{padding:14px 20px;font-weight:600;border-bottom:1px solid #3c4043}
  main{flex:1;display:grid;grid-template-columns:1fr 1fr;gap:14px;padding:18px}
  .tile{background:#3c4043;border-radius:12px;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:14px}
  .face{width:96px;height:96px;border-radius:50%;display:flex;align-items:center;justify-content:center;font-size:38px;font-weight:600}
  .caption{margin:0 18px 14px;padding:12px 16px;border-radius:10px;background:#000a;font-size:18px}
  footer{display:flex;justify-content:center;gap:14px;padding:14px}
  footer span{width:46px;height:46px;border-radius:50%;background:#3c4043;display:inline-block}
  footer .hang{background:#d93025;width:64px;border-radius:23px}
</style></head><body>
  <header>Mock interview — Machine learning engineer · 00:12:48</header>
  <main><div class="tile"><div class="face" style="background:#5e97f6">A</div>Interviewer</div>
    <div class="tile"><div class="face" style="background:#33a853">Y</div>You</div></main>
  <p class="caption">Interviewer: How would you handle class imbalance?</p>
  <footer><span></span><span></span><span class="hang"></span></footer>
  <audio id="a" src="/speech.wav" loop autoplay></audio></body></html>`;

let loaded: LoadedExtension;
let server: Server;
let base: string;
let call: Page;
let panel: Page;

beforeAll(async () => {
  mkdirSync(TEST_OUTPUT_DIR, { recursive: true });
  const wav = readFileSync('tests/fixtures/audio/two-questions.wav');
  const questionPage = readFileSync('tests/fixtures/pages/blog-h2-questions.html');
  server = createServer((request, response) =>
    request.url === '/speech.wav'
      ? response.writeHead(200, { 'content-type': 'audio/wav' }).end(wav)
      : response
          .writeHead(200, { 'content-type': 'text/html' })
          .end(request.url === '/questions' ? questionPage : MOCK_CALL),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  loaded = await launchExtension();
  call = await loaded.context.newPage();
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  await call.goto(base);
  await call.waitForFunction(() => !(document.getElementById('a') as HTMLAudioElement).paused);
  panel = await openPanel(loaded);
  await useLocalTinyWhisper(panel);
}, 120_000);

afterAll(async () => {
  await loaded?.context.close();
  server?.close();
});

const shoot = async (name: string) => {
  const path = await storeScreenshot(loaded.context, { page: call, panel }, name);
  expect(pngSize(path)).toEqual(STORE_SIZE);
};

describe('store screenshots, 1280 × 800', () => {
  it('a mock interview with the card for the question heard', async () => {
    await panel.getByRole('button', { name: 'Start listening to this tab' }).click();
    await expect.poll(() => sessionState(panel), { timeout: 30_000 }).toContain('Capturing tab audio');
    await expect
      .poll(() => panel.getByRole('article', { name: 'Card' }).getByRole('paragraph').first().textContent(), {
        timeout: 60_000,
        interval: 500,
      })
      .toBe('How do you handle class imbalance?');
    await shoot('store-live-card.png');
  });

  it('the knowledge browser, searched', async () => {
    await panel.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(() => sessionState(panel), { timeout: 30_000 }).toContain('Not capturing');
    await panel.getByRole('tab', { name: 'Knowledge', exact: true }).click();
    await panel.getByLabel('Search questions').fill('imbalance');
    await expect
      .poll(() => panel.getByRole('listitem').locator('.browser-question').first().textContent())
      .toBe('How do you handle class imbalance?');
    await shoot('store-knowledge.png');
  });

  it("the session's review", async () => {
    await panel.getByRole('tab', { name: 'Sessions', exact: true }).click();
    await panel.getByRole('list', { name: 'Sessions' }).getByRole('button').first().click();
    await expect
      .poll(() => panel.getByRole('region', { name: 'Questions detected' }).textContent())
      .toContain('How do you handle class imbalance?');
    await shoot('store-session-review.png');
  });

  it('questions found on a web page, to review before they are saved', async () => {
    await call.goto(`${base}questions`);
    await panel.bringToFront();
    await panel.getByRole('tab', { name: 'Knowledge', exact: true }).click();
    await panel.getByText('Import / export', { exact: true }).click();
    await panel.getByRole('button', { name: 'Import questions from this page' }).click();
    const review = panel.getByRole('form', { name: 'Review imported questions' });
    await expect
      .poll(
        () =>
          review
            .getByRole('listitem')
            .filter({ has: panel.locator('.import-question') })
            .count(),
        {
          timeout: 15_000,
        },
      )
      .toBe(6);
    await shoot('store-import-review.png');
  });
});
