import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { evaluateMatcher, matchCaseSchema, type MatchCase, type MatchFailure } from '../lib/dev/evaluate-matcher';
import { createQuestionIndex } from '../lib/match/question-index';
import { loadKnowledge, percentile, round, runCli, UsageError, vocabularyFor } from './cli-support';
import { loadWordVectorEncoder } from './load-word-vectors';
import { semanticEvaluation } from './semantic-option';

const USAGE =
  'usage: npm run eval:match -- --kb PACK --cases CASES.jsonl [--threshold 0.45] [--strip-phrasings] [--no-shipped-vocabulary] [--vectors [TABLE.bin]] [--no-trust-policy] [--semantic MODEL_DIR] [--quiet]';

function readCases(path: string): Array<MatchCase & { line: number }> {
  const cases: Array<MatchCase & { line: number }> = [];
  readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .forEach((text, index) => {
      if (!text.trim()) return;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new UsageError(`${path}:${index + 1}: not valid JSON`);
      }
      const parsed = matchCaseSchema.safeParse(json);
      if (!parsed.success) {
        throw new UsageError(`${path}:${index + 1}: expected {"utterance": string, "expected": string | null}`);
      }
      cases.push({ ...parsed.data, line: index + 1 });
    });
  if (cases.length === 0) throw new UsageError(`${path}: no cases`);
  return cases;
}

function describe({ match }: MatchFailure): string {
  if (match.outcome !== 'card' || !match.best) {
    const guess = match.candidates[0];
    return `no hint${guess ? ` (closest "${guess.entry.question}" ${round(match.confidence, 2)})` : ''}`;
  }
  return `"${match.best.entry.question}" ${round(match.confidence, 2)}`;
}

const LABELS: Record<MatchFailure['kind'], string> = {
  'false-hint': 'FALSE HINT',
  miss: 'MISS',
  'unknown-expected': 'UNKNOWN',
};

runCli(async () => {
  const { values } = parseArgs({
    options: {
      kb: { type: 'string' },
      cases: { type: 'string' },
      threshold: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      // Drops every "Also asked" phrasing: the pack as an import or a user's own pack would be.
      'strip-phrasings': { type: 'boolean', default: false },
      // Leaves out the shipped packs' aliases, as when the user has switched those packs off.
      'no-shipped-vocabulary': { type: 'boolean', default: false },
      // Adds the word-vector encoder (the table `npm run lexicon` builds, or the one named).
      vectors: { type: 'boolean', default: false },
      'vectors-table': { type: 'string' },
      // The matcher without the trust policy of issue #19, for comparison.
      'no-trust-policy': { type: 'boolean', default: false },
      // A sentence model folder (transformers.js layout): its semantic stage runs on every lexical match.
      semantic: { type: 'string' },
    },
  });
  if (!values.cases) throw new UsageError(USAGE);
  const packs = loadKnowledge(values.kb).map((pack) =>
    values['strip-phrasings'] ? { ...pack, entries: pack.entries.map((entry) => ({ ...entry, phrasings: [] })) } : pack,
  );
  const entries = packs.flatMap((pack) => pack.entries);
  const cases = readCases(values.cases);
  const threshold = values.threshold === undefined ? undefined : Number(values.threshold);
  if (threshold !== undefined && !(threshold >= 0 && threshold <= 1))
    throw new UsageError('--threshold must be between 0 and 1');

  const encoder =
    values.vectors || values['vectors-table'] ? loadWordVectorEncoder(values['vectors-table']) : undefined;
  if ((values.vectors || values['vectors-table']) && !encoder)
    throw new UsageError('no word-vector table: run `npm run lexicon` first');
  const options = { threshold, trustPolicy: !values['no-trust-policy'] };
  const buildStart = performance.now();
  const index = createQuestionIndex(entries, {
    aliases: vocabularyFor(packs, !values['no-shipped-vocabulary']),
    encoder,
  });
  const indexBuildMs = performance.now() - buildStart;
  const known = new Set(entries.map((entry) => entry.question.trim()));
  const semantic = values.semantic
    ? await semanticEvaluation(values.semantic, entries, index, cases, options)
    : undefined;
  evaluateMatcher(index, known, cases, options); // warm-up: time the steady state, not the JIT
  const report = evaluateMatcher(index, known, cases, options, semantic?.refine);

  for (const failure of values.quiet ? [] : report.failures) {
    const matchCase = cases[failure.caseIndex]!;
    const expected = failure.expected === null ? 'no hint' : `"${failure.expected}"`;
    const detail =
      failure.kind === 'unknown-expected' ? 'is not a question in the pack' : `expected, got ${describe(failure)}`;
    console.log(`${LABELS[failure.kind]} line ${matchCase.line}: "${matchCase.utterance}"\n  ${expected} ${detail}`);
  }
  if (semantic) {
    const { model, calibration, decisions, indexBuildMs: semanticIndexMs } = semantic;
    console.log(
      JSON.stringify({
        semantic: model,
        usable: calibration.usable,
        noiseCeiling: round(calibration.noiseCeiling),
        room: round(calibration.room),
        decisions,
        semanticIndexMs: round(semanticIndexMs, 1),
      }),
    );
  }
  const timings = [...report.timingsMs].sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      cases: report.cases,
      positives: report.positives,
      negatives: report.negatives,
      top1: round(report.top1),
      top3: round(report.top3),
      falseHintRate: round(report.falseHintRate),
      missRate: round(report.missRate),
      nearMissRecall: round(report.nearMissRecall),
      chipRate: round(report.chipRate),
      wrongCardRate: round(report.wrongCardRate),
      cardOrChip: round(report.cardOrChip),
      p50Ms: round(percentile(timings, 0.5)),
      p95Ms: round(percentile(timings, 0.95)),
      indexBuildMs: round(indexBuildMs, 1),
      entries: entries.length,
      ...(index.calibration.semantic
        ? {
            semanticSkill: round(index.calibration.semantic.skill),
            semanticControlSkill: round(index.calibration.semantic.controlSkill),
            semanticActive: index.calibration.semantic.active,
          }
        : {}),
    }),
  );
});
