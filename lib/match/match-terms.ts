import { stemmer } from 'stemmer';
import { STOPWORDS, WEAK_WORDS, WORD_SYNONYMS } from './speech-lexicon';
import type { PackAlias } from '../knowledge/schema';
import { normalizeTranscript } from './normalize-transcript';
import { compileAliases, NO_ALIASES, type CompiledAliases } from './pack-aliases';

const WEAK_STEMS = new Set(WEAK_WORDS.map((word) => stemmer(word)));

/** Relative weight of a term that names a task rather than a topic. */
const WEAK_TERM_WEIGHT = 0.35;

/** Stems already computed: the same words recur in every utterance and every pack. */
const stems = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

function stemTerm(word: string): string {
  // Canonical tokens from the lexicon and numbers are already in their final form.
  if (/\d/.test(word) || word.length <= 3) return word;
  let stem = stems.get(word);
  if (stem === undefined) {
    if (stems.size >= STEM_CACHE_LIMIT) stems.clear();
    stem = stemmer(word);
    stems.set(word, stem);
  }
  return stem;
}

/** The topic terms of a text, as the index stores them and the matcher looks them up. */
export function matchTerms(text: string, aliases: CompiledAliases = NO_ALIASES): string[] {
  return termsOfNormalized(normalizeTranscript(text, aliases));
}

/** Stands in for "#" (any number) while a variant is normalised, which would drop the sign. */
const NUMBER_SLOT = 'qqnumberqq';

/** Compiles pack aliases with variants normalised exactly as the text they apply to. */
export function compilePackAliases(aliases: readonly PackAlias[]): CompiledAliases {
  return compileAliases(aliases, (variant) =>
    normalizeTranscript(variant.replace(/#/g, ` ${NUMBER_SLOT} `))
      .split(' ')
      .map((word) => (word === NUMBER_SLOT ? '#' : word))
      .join(' '),
  );
}

/**
 * Longer than any word or joined term a pack or a speaker uses: such a token (a hostile
 * page's run of letters) names no topic, and the spelling-slip lookup would crawl over it.
 */
const MAX_TERM_LENGTH = 40;

/** matchTerms for text already passed through normalizeTranscript (the matcher's spans), so it is not normalised twice. */
export function termsOfNormalized(normalized: string): string[] {
  const terms: string[] = [];
  for (const word of normalized.split(' ')) {
    if (!word || word.length > MAX_TERM_LENGTH || STOPWORDS.has(word)) continue;
    terms.push(stemTerm(Object.hasOwn(WORD_SYNONYMS, word) ? WORD_SYNONYMS[word]! : word));
  }
  return terms;
}

/** How much a term says about the topic, before its rarity is counted. */
export function termWeightFactor(term: string): number {
  return WEAK_STEMS.has(term) ? WEAK_TERM_WEIGHT : 1;
}
