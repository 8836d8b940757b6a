import type { PackAlias } from '../knowledge/schema';

/** A pack's aliases made ready to apply: one rule per alias, in the pack's order. */
export interface CompiledAliases {
  readonly rules: ReadonlyArray<readonly [RegExp, string]>;
  /** Matches wherever any rule could apply: most texts hold none, and one test is far cheaper than each rule's. */
  readonly any: RegExp | null;
}

export const NO_ALIASES: CompiledAliases = { rules: [], any: null };

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Compiles aliases for normalizeTranscript. `normalizeVariant` brings each variant to
 * the form the text has when aliases are applied (lower case, digits for spoken
 * numbers, joined acronyms), so "two tower" and "2 tower" are one variant. Within an
 * alias the longer variants are tried first; a final "s" is optional; "#" is a number.
 */
export function compileAliases(
  aliases: readonly PackAlias[],
  normalizeVariant: (variant: string) => string,
): CompiledAliases {
  const rules: Array<readonly [RegExp, string]> = [];
  for (const { term, variants } of aliases) {
    const patterns = [...new Set(variants.map(normalizeVariant).filter(Boolean))]
      .sort((a, b) => b.length - a.length)
      .map(
        (variant) =>
          `${variant
            .split(' ')
            .map((word) => (word === '#' ? '\\d+' : escape(word)))
            .join(' ')}s?`,
      );
    if (patterns.length) rules.push([new RegExp(`\\b(?:${patterns.join('|')})\\b`, 'g'), term]);
  }
  if (rules.length === 0) return NO_ALIASES;
  return { rules, any: new RegExp(rules.map(([pattern]) => `(?:${pattern.source})`).join('|')) };
}
