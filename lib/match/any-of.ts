/**
 * A regular-expression group matching any of a comma-separated list of alternatives, so long
 * word lists read as lists (and wrap) in the source: `anyOf('so, okay, lets talk about')` is
 * `(?:so|okay|lets talk about)`. Alternatives are regex source, kept in the order given.
 */
export function anyOf(list: string): string {
  const alternatives = list
    .split(',')
    .map((alternative) => alternative.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
  return `(?:${alternatives.join('|')})`;
}
