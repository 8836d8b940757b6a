/**
 * What each source of the matcher adds: every evaluation set scored with the full
 * matcher and with one part switched off (the ML pack's vocabulary, outline fields,
 * per-pack calibration, the general English lexicon), plus the variant with WordNet synonyms added. Prints one
 * Markdown table of top-1 / false-hint rate per set.
 *   npm run eval:ablation
 */
import { readFileSync } from 'node:fs';
import type { KnowledgeEntry } from '../lib/knowledge/schema';
import { createGeneralLexicon } from '../lib/match/general-lexicon';
import { evaluateMatcher, matchCaseSchema } from '../lib/dev/evaluate-matcher';
import { createQuestionIndex, type QuestionIndexOptions } from '../lib/match/question-index';
import { buildGeneralLexicon } from './build-lexicon';
import { round, runCli, vocabularyFor } from './cli-support';
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
    { name: 'shipped pack without phrasings, dev cases', tunedOn: true, entries: withoutPhrasings(shipped), cases: 'tests/fixtures/match-cases.dev.jsonl' },
    { name: 'uncovered ML questions (no-hint only)', tunedOn: true, entries: withoutPhrasings(shipped), cases: 'tests/fixtures/dev/ml-uncovered.jsonl' },
    { name: 'SRE pack (dev)', tunedOn: true, entries: loadPackPath('tests/fixtures/dev/sre/pack.md').entries, cases: 'tests/fixtures/dev/sre/cases.jsonl' },
    { name: 'shipped pack, held-out cases', tunedOn: false, entries: shipped, cases: 'tests/fixtures/match-cases.holdout.jsonl' },
    { name: 'shipped pack without phrasings, held-out cases', tunedOn: false, entries: withoutPhrasings(shipped), cases: 'tests/fixtures/match-cases.holdout.jsonl' },
    { name: 'front-end pack (h5bp), held out', tunedOn: false, entries: loadPackPath('tests/fixtures/eval/frontend-h5bp/pack.md').entries, cases: 'tests/fixtures/eval/frontend-h5bp/cases.jsonl' },
    { name: 'fresh ML pack, held out', tunedOn: false, entries: loadPackPath('tests/fixtures/eval/ml-fresh/pack.md').entries, cases: 'tests/fixtures/eval/ml-fresh/cases.jsonl' },
    { name: 'shipped pack, natural phrasings (#19), held out', tunedOn: false, entries: shipped, cases: 'tests/fixtures/eval/shipped-natural/cases.jsonl' },
    { name: 'data-engineering pack, held out', tunedOn: false, entries: loadPackPath('tests/fixtures/eval/data-engineering/pack.md').entries, cases: 'tests/fixtures/eval/data-engineering/cases.jsonl' },
    { name: 'security pack, held out', tunedOn: false, entries: loadPackPath('tests/fixtures/eval/security/pack.md').entries, cases: 'tests/fixtures/eval/security/cases.jsonl' },
  ];
}

function readCases(path: string) {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => matchCaseSchema.parse(JSON.parse(line)));
}

runCli(() => {
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
      return report.positives ? `${round(report.top1, 2)} / ${round(report.falseHintRate, 2)}` : `— / ${round(report.falseHintRate, 2)}`;
    });
    console.log(`| ${set.name}${set.tunedOn ? ' *' : ''} | ${cells.join(' | ')} |`);
  }
  console.log('\ncells: top-1 / false-hint rate; * = a development set, looked at while tuning');
});
