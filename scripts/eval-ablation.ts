/**
 * What each source of the matcher adds: every evaluation set scored with the full
 * matcher and with one part switched off (the ML pack's vocabulary, outline fields,
 * per-pack calibration, the general English lexicon), plus the variant with WordNet synonyms added. Prints one
 * Markdown table of top-1 / false-hint rate per set.
 *   npm run eval:ablation
 *
 * `--stages` prints issue #19's table instead: lexical only (no trust policy) / + trust
 * policy / + word vectors (the table `npm run vectors` builds) / + a random-vector encoder,
 * each cell top-1 / wrong cards / false hints / card or chip. `--set "NAME|PACK|CASES"`
 * (repeatable) adds a set, e.g. a held-out set written later.
 *   npm run eval:ablation -- --stages [--set "security, held out|tests/fixtures/eval/security/pack.md|tests/fixtures/eval/security/cases.jsonl"]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { KnowledgeEntry } from '../lib/knowledge/schema';
import { createGeneralLexicon } from '../lib/match/general-lexicon';
import { evaluateMatcher, matchCaseSchema } from '../lib/dev/evaluate-matcher';
import { createQuestionIndex, type QuestionIndexOptions } from '../lib/match/question-index';
import type { MatchOptions } from '../lib/match/match-question';
import { normalizeTranscript } from '../lib/match/normalize-transcript';
import { createWordVectorEncoder, type SemanticEncoder } from '../lib/match/semantic-encoder';
import { buildGeneralLexicon } from './build-lexicon';
import { round, runCli, UsageError, vocabularyFor } from './cli-support';
import { loadWordVectorEncoder } from './load-word-vectors';
import { loadPackPath } from './load-pack-path';

interface EvaluationSet {
  name: string;
  /** Whether the set was looked at while tuning. */
  tunedOn: boolean;
  entries: KnowledgeEntry[];
  cases: string;
}

const withoutPhrasings = (entries: KnowledgeEntry[]) => entries.map((entry) => ({ ...entry, phrasings: [] }));

function evaluationSets(): EvaluationSet[] {
  const shipped = loadPackPath('knowledge/ml-engineer').entries;
  return [
    { name: 'shipped pack, dev cases', tunedOn: true, entries: shipped, cases: 'tests/fixtures/match-cases.dev.jsonl' },
    {
      name: 'shipped pack without phrasings, dev cases',
      tunedOn: true,
      entries: withoutPhrasings(shipped),
      cases: 'tests/fixtures/match-cases.dev.jsonl',
    },
    {
      name: 'uncovered ML questions (no-hint only)',
      tunedOn: true,
      entries: withoutPhrasings(shipped),
      cases: 'tests/fixtures/dev/ml-uncovered.jsonl',
    },
    {
      name: 'SRE pack (dev)',
      tunedOn: true,
      entries: loadPackPath('tests/fixtures/dev/sre/pack.md').entries,
      cases: 'tests/fixtures/dev/sre/cases.jsonl',
    },
    {
      name: 'shipped pack, trust cases (dev)',
      tunedOn: true,
      entries: shipped,
      cases: 'tests/fixtures/dev/trust/cases.jsonl',
    },
    {
      name: 'shipped pack, held-out cases',
      tunedOn: false,
      entries: shipped,
      cases: 'tests/fixtures/match-cases.holdout.jsonl',
    },
    {
      name: 'shipped pack without phrasings, held-out cases',
      tunedOn: false,
      entries: withoutPhrasings(shipped),
      cases: 'tests/fixtures/match-cases.holdout.jsonl',
    },
    {
      name: 'front-end pack (h5bp), held out',
      tunedOn: false,
      entries: loadPackPath('tests/fixtures/eval/frontend-h5bp/pack.md').entries,
      cases: 'tests/fixtures/eval/frontend-h5bp/cases.jsonl',
    },
    {
      name: 'fresh ML pack, held out',
      tunedOn: false,
      entries: loadPackPath('tests/fixtures/eval/ml-fresh/pack.md').entries,
      cases: 'tests/fixtures/eval/ml-fresh/cases.jsonl',
    },
    {
      name: 'shipped pack, natural phrasings (#19), held out',
      tunedOn: false,
      entries: shipped,
      cases: 'tests/fixtures/eval/shipped-natural/cases.jsonl',
    },
    {
      name: 'data-engineering pack, held out',
      tunedOn: false,
      entries: loadPackPath('tests/fixtures/eval/data-engineering/pack.md').entries,
      cases: 'tests/fixtures/eval/data-engineering/cases.jsonl',
    },
    {
      name: 'security pack, held out',
      tunedOn: false,
      entries: loadPackPath('tests/fixtures/eval/security/pack.md').entries,
      cases: 'tests/fixtures/eval/security/cases.jsonl',
    },
  ];
}

function readCases(path: string) {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => matchCaseSchema.parse(JSON.parse(line)));
}

/** Random int8 vectors for the given words: an encoder of the real shape that knows nothing. */
function randomVectorEncoder(words: readonly string[], dim = 100): SemanticEncoder {
  let state = 7;
  const next = () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return state / 4294967296;
  };
  return createWordVectorEncoder({
    dim,
    words,
    ranks: Uint32Array.from(words, (_, i) => i),
    scales: new Float32Array(words.length).fill(1 / 127),
    vectors: Int8Array.from({ length: words.length * dim }, () => Math.round(next() * 254 - 127)),
  });
}

function extraSets(specs: readonly string[]): EvaluationSet[] {
  return specs.map((spec) => {
    const [name, pack, cases] = spec.split('|');
    if (!name || !pack || !cases) throw new UsageError(`--set wants "NAME|PACK|CASES", got "${spec}"`);
    return { name, tunedOn: false, entries: loadPackPath(pack).entries, cases };
  });
}

/** Issue #19's stages, each cell top-1 / wrong cards / false hints / card or chip. */
function printStages(sets: readonly EvaluationSet[]): void {
  const vectors = loadWordVectorEncoder();
  const words = [
    ...new Set(
      sets.flatMap((set) =>
        set.entries.flatMap((entry) =>
          normalizeTranscript(
            [entry.question, ...entry.phrasings, ...entry.tags, ...entry.outline.keyPoints].join(' '),
          ).split(' '),
        ),
      ),
    ),
  ];
  const random = randomVectorEncoder(words.filter(Boolean));
  const vocabulary = vocabularyFor([]);
  const stages: Array<[string, QuestionIndexOptions, MatchOptions]> = [
    ['lexical only', { aliases: vocabulary }, { trustPolicy: false }],
    ['+ trust policy', { aliases: vocabulary }, {}],
    ...(vectors
      ? [
          ['+ word vectors', { aliases: vocabulary, encoder: vectors }, {}] as [
            string,
            QuestionIndexOptions,
            MatchOptions,
          ],
        ]
      : []),
    ['+ random-vector encoder', { aliases: vocabulary, encoder: random }, {}],
  ];
  if (!vectors) console.log('(no word-vector table: run `npm run vectors` for the "+ word vectors" column)\n');
  console.log(`| set | ${stages.map(([name]) => name).join(' | ')} |`);
  console.log(`|---|${stages.map(() => '---').join('|')}|`);
  for (const set of sets) {
    const cases = readCases(set.cases);
    const known = new Set(set.entries.map((entry) => entry.question.trim()));
    const cells = stages.map(([, indexOptions, matchOptions]) => {
      const report = evaluateMatcher(createQuestionIndex(set.entries, indexOptions), known, cases, matchOptions);
      const answerable = report.positives ? `${round(report.top1, 2)} / ${round(report.wrongCardRate, 2)}` : '— / —';
      return `${answerable} / ${round(report.falseHintRate, 2)} / ${report.positives ? round(report.cardOrChip, 2) : '—'}`;
    });
    console.log(`| ${set.name}${set.tunedOn ? ' *' : ''} | ${cells.join(' | ')} |`);
  }
  console.log(
    '\ncells: top-1 / wrong cards (answerable cases shown another entry) / false hints (no-hint cases given a card) / card or chip; * = a development set, looked at while tuning',
  );
}

runCli(() => {
  const { values } = parseArgs({
    options: { stages: { type: 'boolean', default: false }, set: { type: 'string', multiple: true, default: [] } },
  });
  if (values.stages) {
    printStages([...evaluationSets(), ...extraSets(values.set)]);
    return;
  }
  const withSynonyms = createGeneralLexicon(buildGeneralLexicon({ synonyms: true }));
  // Every set is matched as in the extension by default, with the shipped pack's vocabulary.
  const vocabulary = vocabularyFor([]);
  const configurations: Array<[string, QuestionIndexOptions]> = [
    ['full matcher', { aliases: vocabulary }],
    ['no ML pack vocabulary', {}],
    ['no outline fields', { aliases: vocabulary, outlineFields: false }],
    ['no per-pack calibration', { aliases: vocabulary, calibrate: false }],
    ['no general lexicon', { aliases: vocabulary, lexicon: null }],
    ['+ WordNet synonyms', { aliases: vocabulary, lexicon: withSynonyms }],
  ];
  const sets = evaluationSets();
  console.log(`| set | ${configurations.map(([name]) => name).join(' | ')} |`);
  console.log(`|---|${configurations.map(() => '---').join('|')}|`);
  for (const set of sets) {
    const cases = readCases(set.cases);
    const known = new Set(set.entries.map((entry) => entry.question.trim()));
    const cells = configurations.map(([, options]) => {
      const report = evaluateMatcher(createQuestionIndex(set.entries, options), known, cases);
      return report.positives
        ? `${round(report.top1, 2)} / ${round(report.falseHintRate, 2)}`
        : `— / ${round(report.falseHintRate, 2)}`;
    });
    console.log(`| ${set.name}${set.tunedOn ? ' *' : ''} | ${cells.join(' | ')} |`);
  }
  console.log('\ncells: top-1 / false-hint rate; * = a development set, looked at while tuning');
});
