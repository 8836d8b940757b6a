/**
 * Scale benchmark for the lexical matcher: the shipped pack plus synthetic entries up
 * to 10,000, queried with the development cases. Prints build time, heap growth and
 * match latency; run with `npm run bench:match [-- --entries 10000 --rounds 5] [--vectors]`
 * (`--vectors`: with the word-vector encoder that `npm run vectors` builds).
 */
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { evaluateMatcher, matchCaseSchema } from '../lib/dev/evaluate-matcher';
import { createQuestionIndex } from '../lib/match/question-index';
import { buildPack } from '../lib/knowledge/build-pack';
import { createBrowseIndex } from '../lib/knowledge/browse-index';
import type { KnowledgeEntry } from '../lib/knowledge/schema';
import { loadKnowledge, percentile, round, runCli } from './cli-support';
import { loadWordVectorEncoder } from './load-word-vectors';

/** Small deterministic PRNG (mulberry32) so every run builds the same pack. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OPENERS = [
  'How would you',
  'Explain how to',
  'Walk me through how you would',
  'Describe how you',
  'What is the best way to',
];
const VERBS = ['design', 'evaluate', 'debug', 'scale', 'monitor', 'train', 'deploy', 'speed up', 'test', 'explain'];

/** Entries that look like real ones: words drawn from the shipped pack plus made-up domain terms. */
function syntheticEntries(count: number, vocabulary: readonly string[], seed = 42): KnowledgeEntry[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const phrase = (words: number) => Array.from({ length: words }, () => pick(vocabulary)).join(' ');
  const drafts = Array.from({ length: count }, (_, i) => {
    // A made-up word per entry (letters only, so the tokenizer keeps it whole).
    const madeUp = `zq${i.toString(26).replace(/[0-9]/g, (digit) => 'abcdefghij'[Number(digit)]!)}`;
    const topic = `${phrase(3)} ${madeUp}`;
    return {
      draft: {
        question: `${pick(OPENERS)} ${pick(VERBS)} ${topic}?`,
        phrasings: [`${pick(VERBS)} ${phrase(4)}`, `${pick(OPENERS)} ${phrase(5)}`, `${phrase(6)}`],
        category: pick(['coding', 'ml-theory', 'system-design', 'mlops', 'llm', 'behavioral']),
        tags: [phrase(1), phrase(2), phrase(1)],
        outline: {
          keyPoints: [phrase(8), phrase(8), phrase(8), phrase(8)],
          pitfalls: [phrase(8)],
          followUps: [phrase(6)],
        },
      },
      position: { fieldPrefix: `synthetic[${i}]` },
    };
  });
  return buildPack({ id: 'synthetic', title: 'Synthetic' }, drafts).entries;
}

function heapMb(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

runCli(() => {
  const { values } = parseArgs({
    options: {
      entries: { type: 'string', default: '10000' },
      rounds: { type: 'string', default: '5' },
      cases: { type: 'string', default: 'tests/fixtures/match-cases.dev.jsonl' },
      vectors: { type: 'boolean', default: false },
    },
  });
  const loadStart = performance.now();
  const encoder = values.vectors ? loadWordVectorEncoder() : undefined;
  const vectorLoadMs = performance.now() - loadStart;
  if (values.vectors && !encoder) throw new Error('no word-vector table: run `npm run vectors` first');
  const total = Number(values.entries);
  const rounds = Number(values.rounds);
  const shippedPacks = loadKnowledge(undefined);
  const shipped = shippedPacks.flatMap((pack) => pack.entries);
  const vocabulary = [
    ...new Set(
      shipped
        .flatMap((entry) => [entry.question, ...entry.phrasings, ...entry.outline.keyPoints])
        .join(' ')
        .toLowerCase()
        .match(/[a-z]{3,}/g),
    ),
  ];
  const entries = [...shipped, ...syntheticEntries(Math.max(0, total - shipped.length), vocabulary)];
  const cases = readFileSync(values.cases, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => matchCaseSchema.parse(JSON.parse(line)));
  if (!globalThis.gc) console.warn('warning: run with node --expose-gc for a steady heap figure');

  const heapBefore = heapMb();
  const buildStart = performance.now();
  const buildCpuStart = process.cpuUsage();
  const index = createQuestionIndex(entries, { aliases: shippedPacks.flatMap((pack) => pack.aliases ?? []), encoder });
  const buildMs = performance.now() - buildStart;
  // CPU time, unlike wall time, does not grow while a shared machine runs other work.
  const buildCpu = process.cpuUsage(buildCpuStart);
  const heapAfter = heapMb();

  const known = new Set(entries.map((entry) => entry.question));
  evaluateMatcher(index, known, cases); // warm-up
  const timings: number[] = [];
  let report = evaluateMatcher(index, known, cases);
  for (let round = 0; round < rounds; round++) {
    report = evaluateMatcher(index, known, cases);
    timings.push(...report.timingsMs);
  }
  timings.sort((a, b) => a - b);

  // The knowledge browser at the same size: index build and search-as-you-type latency.
  const browseStart = performance.now();
  const browse = createBrowseIndex(entries.map((entry) => ({ entry, packId: 'bench', packTitle: 'Bench' })));
  const browseBuildMs = performance.now() - browseStart;
  const typed = cases.flatMap((matchCase) => {
    const words = matchCase.utterance.split(' ').slice(-3);
    return words.map((_, i) => words.slice(0, i + 1).join(' ')); // each keystroke-ish prefix
  });
  const browseTimings = typed.map((query) => {
    const start = performance.now();
    browse.find(query);
    return performance.now() - start;
  });
  browseTimings.sort((a, b) => a - b);
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}`);
  console.log(
    JSON.stringify({
      entries: entries.length,
      queries: timings.length,
      indexBuildMs: round(buildMs, 1),
      indexBuildCpuMs: round((buildCpu.user + buildCpu.system) / 1000, 1),
      indexHeapMb: round(heapAfter - heapBefore, 1),
      p50Ms: round(percentile(timings, 0.5)),
      p95Ms: round(percentile(timings, 0.95)),
      maxMs: round(timings[timings.length - 1] ?? 0),
      top1WithDistractors: round(report.top1),
      falseHintRateWithDistractors: round(report.falseHintRate),
      browseIndexBuildMs: round(browseBuildMs, 1),
      browseSearchP50Ms: round(percentile(browseTimings, 0.5)),
      browseSearchP95Ms: round(percentile(browseTimings, 0.95)),
      ...(encoder
        ? {
            vectorLoadMs: round(vectorLoadMs, 1),
            semanticActive: index.calibration.semantic?.active,
            semanticSkill: index.calibration.semantic?.skill,
          }
        : {}),
    }),
  );
});
