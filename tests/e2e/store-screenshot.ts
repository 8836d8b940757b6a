import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { TEST_OUTPUT_DIR } from './launch-extension';

/** The Chrome Web Store's screenshot size. */
export const STORE_SIZE = { width: 1280, height: 800 } as const;
/** About the width Chrome gives its side panel beside a page. */
const PANEL_WIDTH = 400;

/** A PNG's width and height, from its IHDR chunk. */
export function pngSize(path: string): { width: number; height: number } {
  const png = readFileSync(path);
  if (png.subarray(1, 4).toString('ascii') !== 'PNG') throw new Error(`${path} is not a PNG`);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/**
 * A store screenshot as Chrome shows the extension: the page on the left, the side panel on
 * the right, at exactly 1280 × 800. A real side panel is not a page Playwright can capture, so
 * the page and the panel (open in a tab of its own) are each taken at their share of the
 * width, then laid side by side in a third page of the store's size. Returns the file's path.
 */
export async function storeScreenshot(
  context: BrowserContext,
  shots: { page: Page; panel: Page },
  name: string,
): Promise<string> {
  const { width, height } = STORE_SIZE;
  await shots.page.setViewportSize({ width: width - PANEL_WIDTH - 1, height });
  await shots.panel.setViewportSize({ width: PANEL_WIDTH, height });
  const page = (await shots.page.screenshot()).toString('base64');
  const panel = (await shots.panel.screenshot()).toString('base64');
  const sheet = await context.newPage();
  try {
    await sheet.setViewportSize({ width, height });
    await sheet.setContent(
      `<body style="margin:0;display:flex;background:#c7c7c7;gap:1px">` +
        `<img alt="" src="data:image/png;base64,${page}"><img alt="" src="data:image/png;base64,${panel}"></body>`,
    );
    await sheet.waitForFunction(() => [...document.images].every((image) => image.complete));
    const path = join(TEST_OUTPUT_DIR, name);
    writeFileSync(path, await sheet.screenshot());
    return path;
  } finally {
    await sheet.close();
  }
}
