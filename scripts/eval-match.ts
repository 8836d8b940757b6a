import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { matchQuestion, type QuestionMatch } from '../lib/match/match-question';
import { createQuestionIndex } from '../lib/match/question-index';
import { loadKnowledge, percentile, round, runCli, UsageError } from './cli-support';

const USAGE = 'usage: npm run eval:match -- --kb PACK --cases CASES.jsonl [--threshold 0.5] [--quiet]';

const caseSchema = z.object({ utterance: z.string(), expected: z.string().nullable() });
type MatchCase = z.infer<typeof caseSchema> & { line: number };

function readCases(path: string): MatchCase[] {
  const cases: MatchCase[] = [];
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
      const parsed = caseSchema.safeParse(json);
      if (!parsed.success) {
        throw new UsageError(`${path}:${index + 1}: expected {"utterance": string, "expected": string | null}`);
      }
      cases.push({ ...parsed.data, line: index + 1 });
    });
  if (cases.length === 0) throw new UsageError(`${path}: no cases`);
  return cases;
}

function describe(match: QuestionMatch): string {
  if (match.outcome !== 'hint' || !match.best) {
    const guess = match.candidates[0];
    return `no hint${guess ? ` (closest "${guess.entry.question}" ${round(match.confidence, 2)})` : ''}`;
  }
  return `"${match.best.entry.question}" ${round(match.confidence, 2)}`;
}

runCli(() => {
  const { values } = parseArgs({
    options: {
      kb: { type: 'string' },
      cases: { type: 'string' },
      threshold: { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
  });
  if (!values.cases) throw new UsageError(USAGE);
  const entries = loadKnowledge(values.kb).flatMap((pack) => pack.entries);
  const known = new Set(entries.map((entry) => entry.question.trim()));
  const cases = readCases(values.cases);
  const threshold = values.threshold === undefined ? undefined : Number(values.threshold);

  const buildStart = performance.now();
  const index = createQuestionIndex(entries);
  const buildMs = performance.now() - buildStart;
  const run = (utterance: string) => matchQuestion(index, [{ text: utterance, speaker: 'interviewer' }], { threshold });
  for (const matchCase of cases) run(matchCase.utterance); // warm-up: time the steady state, not the JIT

  let top1 = 0;
  let top3 = 0;
  let misses = 0;
  let falseHints = 0;
  let positives = 0;
  const timings: number[] = [];
  for (const matchCase of cases) {
    const start = performance.now();
    const match = run(matchCase.utterance);
    timings.push(performance.now() - start);
    const surfaced = match.outcome === 'hint';
    const where = `line ${matchCase.line}: "${matchCase.utterance}"`;
    if (matchCase.expected === null) {
      if (surfaced) {
        falseHints++;
        if (!values.quiet) console.log(`FALSE HINT ${where}\n  expected no hint, got ${describe(match)}`);
      }
      continue;
    }
    positives++;
    const expected = matchCase.expected.trim();
    if (!known.has(expected)) console.log(`UNKNOWN ${where}\n  expected question is not in the pack: "${expected}"`);
    const rank = surfaced ? match.candidates.findIndex((candidate) => candidate.entry.question.trim() === expected) : -1;
    if (rank === 0) top1++;
    if (rank >= 0 && rank < 3) top3++;
    if (!surfaced) misses++;
    if (rank !== 0 && !values.quiet) console.log(`MISS ${where}\n  expected "${expected}", got ${describe(match)}`);
  }
  const negatives = cases.length - positives;
  timings.sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      cases: cases.length,
      positives,
      negatives,
      top1: round(positives ? top1 / positives : 0),
      top3: round(positives ? top3 / positives : 0),
      falseHintRate: round(negatives ? falseHints / negatives : 0),
      missRate: round(positives ? misses / positives : 0),
      p50Ms: round(percentile(timings, 0.5)),
      p95Ms: round(percentile(timings, 0.95)),
      indexBuildMs: round(buildMs, 1),
      entries: entries.length,
    }),
  );
});
