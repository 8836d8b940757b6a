import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * Figures a test measured (lines and cards lost, cards repeated), kept beside the test
 * results so RELIABILITY.md reports what was measured rather than what was hoped.
 */
export const FIGURES_DIR = 'test-output/figures';

export type Figures = Record<string, number>;

/** Keeps one test's figures under its name, replacing those of an earlier run. */
export function writeFigures(name: string, figures: Figures): void {
  mkdirSync(FIGURES_DIR, { recursive: true });
  writeFileSync(`${FIGURES_DIR}/${name}.json`, `${JSON.stringify(figures, null, 2)}\n`);
}

/** The figures a test wrote, or undefined when it did not run (or did not get that far). */
export function readFigures(name: string): Figures | undefined {
  const path = `${FIGURES_DIR}/${name}.json`;
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Figures) : undefined;
}
