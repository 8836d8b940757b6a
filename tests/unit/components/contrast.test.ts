import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** WCAG contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5]
      .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

const css = readFileSync('entrypoints/sidepanel/style.css', 'utf8');
/** The panel's colours for one theme, from the `--name: light-dark(#light, #dark)` variables. */
function palette(theme: 'light' | 'dark'): Record<string, string> {
  return Object.fromEntries(
    [...css.matchAll(/--([a-z]+):\s*light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)/g)].map((match) => [
      match[1]!,
      theme === 'light' ? match[2]! : match[3]!,
    ]),
  );
}

describe.each([
  ['light', palette('light')],
  ['dark', palette('dark')],
])('%s theme contrast (WCAG AA)', (_theme, colours) => {
  it('defines every colour', () => {
    expect(Object.keys(colours).sort()).toEqual(['accent', 'bg', 'border', 'card', 'error', 'fg', 'muted']);
  });

  it.each([
    ['text on background', 'fg', 'bg', 4.5],
    ['text on cards', 'fg', 'card', 4.5],
    ['secondary text on background', 'muted', 'bg', 4.5],
    ['secondary text on cards', 'muted', 'card', 4.5],
    ['frame chips (background on accent)', 'bg', 'accent', 4.5],
    ['errors on background', 'error', 'bg', 4.5],
  ])('%s', (_name, foreground, background, minimum) => {
    expect(contrast(colours[foreground]!, colours[background]!)).toBeGreaterThanOrEqual(minimum);
  });
});
