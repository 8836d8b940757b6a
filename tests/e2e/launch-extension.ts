import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ensureTinyWhisper } from '../../scripts/generated-models';

/** The release build (no key) and the test build (fixed key, known id). */
export const RELEASE_EXTENSION_DIR = resolve('.output/chrome-mv3');
export const E2E_EXTENSION_DIR = resolve('.output-e2e/chrome-mv3');
/** The id that the test key in wxt.config.ts gives the test build. */
export const E2E_EXTENSION_ID = 'djompkhollnokodbhhgfgbbhahhjbial';
export const TEST_OUTPUT_DIR = resolve('test-output');

/** Debian's Chromium; never a browser downloaded by a test tool. */
/** Headless Chromium with nothing of its own on the network (no updates, sync or QUIC) and no GPU. */
export const QUIET_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    Boolean,
  ) as string[];
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error('Chromium not found: install it with `apt-get install -y chromium` or set CHROMIUM_PATH');
  }
  return found;
}

export interface LoadedExtension {
  context: BrowserContext;
  extensionId: string;
  /** The fresh profile's directory: names this browser's processes among others on the machine. */
  profileDir: string;
}

/**
 * Starts a fresh headless Chromium profile with the test build loaded. Audio is not
 * muted (Playwright mutes by default, which would make captured audio silent), pages
 * may autoplay, and the extension may capture tabs without a toolbar click. `extensionDir`: another
 * test build (the arrangements benchmark builds one per arrangement).
 */
export async function launchExtension(
  extraArgs: readonly string[] = [],
  extensionDir = E2E_EXTENSION_DIR,
): Promise<LoadedExtension> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`no test build at ${extensionDir}: run \`npm run test:e2e\`, which builds it`);
  }
  const profileDir = mkdtempSync(join(tmpdir(), 'cuecard-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: true,
    // About the width of Chrome's side panel.
    viewport: { width: 420, height: 900 },
    ignoreDefaultArgs: ['--mute-audio'],
    args: [
      ...QUIET_CHROMIUM_ARGS,
      '--autoplay-policy=no-user-gesture-required',
      `--allowlisted-extension-id=${E2E_EXTENSION_ID}`,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...extraArgs,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, extensionId: new URL(worker.url()).host, profileDir };
}

/** Gives the extension a model folder through Settings → "Use a local model folder", then returns to Live. */
export async function useLocalModel(panel: Page, folder: string, storeTimeoutMs = 30_000): Promise<void> {
  await panel.getByRole('tab', { name: 'Settings', exact: true }).click();
  await panel.getByLabel('Use a local model folder').setInputFiles(folder);
  await panel
    .getByRole('status')
    .filter({ hasText: `Stored "${basename(folder)}"` })
    .waitFor({ timeout: storeTimeoutMs });
  await panel.getByRole('tab', { name: 'Live', exact: true }).click();
}

/** The generated stand-in Whisper model, which always "hears" one phrase. */
export const useLocalTinyWhisper = (panel: Page) => useLocalModel(panel, ensureTinyWhisper());

/** Opens the side panel page in a tab of its own (a real side panel is not a page Playwright can drive). */
export async function openPanel({ context, extensionId }: LoadedExtension): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  return page;
}

/** What the panel says the session is doing ("● Capturing tab audio", "Not capturing", …). */
export const sessionState = (panel: Page) => panel.locator('.session-state').textContent();

/** The final transcript lines shown in the panel (partial lines left out). */
export const finalLines = (panel: Page) => panel.locator('.transcript-line:not(.transcript-line--partial)');
