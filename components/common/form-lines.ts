/** A text area's items, one per line, blank lines and outer spaces dropped. */
export const formLines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
