import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');
export const TEST_OUTPUT_DIR = resolve('test-output');

/** Debian's Chromium; never a browser downloaded by a test tool. */
function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new Error('Chromium not found: install it with `apt-get install -y chromium` or set CHROMIUM_PATH');
  }
  return found;
}

export interface LoadedExtension {
  context: BrowserContext;
  extensionId: string;
}

/** Starts a fresh headless Chromium profile with the built extension loaded. */
export async function launchExtension(): Promise<LoadedExtension> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`no built extension at ${EXTENSION_DIR}: run \`npm run build\` first`);
  }
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'cuecard-profile-')), {
    executablePath: chromiumPath(),
    headless: true,
    // About the width of Chrome's side panel.
    viewport: { width: 420, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, extensionId: new URL(worker.url()).host };
}
