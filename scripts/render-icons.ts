import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

export const ICON_SIZES = [16, 32, 48, 128] as const;

/**
 * The toolbar and store icons, drawn from public/icon.svg at build time (the PNGs are
 * build output, never committed). Returns where each size was written.
 */
export function renderIcons(
  outDir = resolve('node_modules/.cache/cuecard-icons'),
): Array<{ size: number; path: string }> {
  const svg = readFileSync(resolve('public/icon.svg'));
  mkdirSync(outDir, { recursive: true });
  return ICON_SIZES.map((size) => {
    const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
    const path = join(outDir, `${size}.png`);
    writeFileSync(path, png);
    return { size, path };
  });
}
