import {
  FILLER_PHRASES,
  FILLER_WORDS,
  KNOWN_ACRONYMS,
  LETTER_NUMBER_PREFIXES,
  SPELLING_VARIANTS,
} from './speech-lexicon';
import { NO_ALIASES, type CompiledAliases } from './pack-aliases';
import { digitsFromSpokenNumbers } from './spoken-numbers';

const FILLER_PHRASE_PATTERN = new RegExp(`\\b(?:${FILLER_PHRASES.join('|')})\\b`, 'g');

/** The longest run of single letters read as one spelled-out acronym ("r l h f"). */
const MAX_SPELLED_LETTERS = 8;

/** "a u c" → "auc"; an article before a run ("a k n n") is kept when it is not part of a known acronym. */
function joinSpelledLetters(tokens: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    let end = i;
    while (end < tokens.length && /^[a-z]$/.test(tokens[end]!)) end++;
    const run = tokens.slice(i, end);
    if (run.length > MAX_SPELLED_LETTERS) {
      // Too long for an acronym: letters said one by one ("a b c d …"), kept as they are
      // rather than joined into one huge word that stemming and spelling-slip lookup crawl over.
      for (const letter of run) out.push(letter); // not push(...run): a run can outgrow the call stack
      i = end;
      continue;
    }
    if (run.length >= 2) {
      const joined = run.join('');
      if (!KNOWN_ACRONYMS.has(joined) && (run[0] === 'a' || run[0] === 'i') && run.length >= 3) {
        out.push(run[0], run.slice(1).join(''));
      } else if (!KNOWN_ACRONYMS.has(joined) && (run[0] === 'a' || run[0] === 'i') && run.length === 2) {
        out.push(...run);
      } else {
        out.push(joined);
      }
      i = end;
      continue;
    }
    const token = tokens[i]!;
    const next = tokens[i + 1];
    if (LETTER_NUMBER_PREFIXES.has(token) && next !== undefined && /^\d+$/.test(next)) {
      out.push(token + next);
      i += 2;
      continue;
    }
    out.push(token);
    i++;
  }
  return out;
}

/**
 * Brings speech-recognition text and written pack text to one form: lower case,
 * no punctuation or fillers, spoken numbers as digits, spelled-out acronyms joined,
 * and the packs' own aliases folded into one token each ("too tower" → "twotower").
 */
export function normalizeTranscript(text: string, aliases: CompiledAliases = NO_ALIASES): string {
  let lowered = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`]/g, '');
  for (const [pattern, replacement] of SPELLING_VARIANTS) lowered = lowered.replace(pattern, replacement);
  const rawTokens = (lowered.match(/\d+(?:\.\d+)?|[a-z]+|%/g) ?? []).map((token) =>
    token === '%' ? 'percent' : token,
  );
  const withoutFillerPhrases = rawTokens.join(' ').replace(FILLER_PHRASE_PATTERN, ' ');
  const tokens = withoutFillerPhrases.split(/\s+/).filter((token) => token && !FILLER_WORDS.has(token));
  let normalized = joinSpelledLetters(digitsFromSpokenNumbers(tokens)).join(' ');
  if (aliases.any?.test(normalized)) {
    for (const [pattern, canonical] of aliases.rules) normalized = normalized.replace(pattern, canonical);
  }
  return normalized;
}
