/**
 * Cost of the optional sentence model (all-MiniLM-L6-v2's architecture; by default the generated
 * random-weights q8 model, whose compute is the real one's): loading, encoding one utterance, and
 * indexing 500 and 10,000 entries (embedding + calibration), then the stage's per-query ranking.
 * Run with `npm run bench:semantic [-- --model DIR --entries 500,10000 --rounds 20]`.
 */
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import type { KnowledgeEntry } from '../lib/knowledge/schema';
import { applySemanticStage, createSemanticIndex, rankSemantic } from '../lib/match/semantic-stage';
import { buildSemanticIndex } from '../lib/semantic/build-semantic-index';
import { loadKnowledge, percentile, round, runCli, UsageError } from './cli-support';
import { ensureRandomMiniLm } from './generated-models';
import { loadSentenceModelFolder } from './semantic-option';

const UTTERANCE =
  'so in our case only like one in a thousand visitors actually buys something how would you train a classifier on that';

/** Entries with the shipped pack's questions and phrasings as text (real lengths), as many as asked. */
function entriesOf(count: number): KnowledgeEntry[] {
  const shipped = loadKnowledge(undefined);
  const texts = shipped.flatMap((pack) => pack.entries.flatMap((entry) => [entry.question, ...entry.phrasings]));
  const template = shipped[0]!.entries[0]!;
  return Array.from({ length: count }, (_, i) => ({
    ...template,
    id: `bench-${i}`,
    question: texts[i % texts.length]!,
    phrasings: [],
  }));
}

/**
 * Wall time, and the CPU time this process spent (all its threads): on a shared machine the
 * second says what the work costs when the wall clock also counts other people's load.
 */
async function timed<T>(work: () => Promise<T>): Promise<[T, number, number]> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(cpu);
  return [result, performance.now() - start, (used.user + used.system) / 1000];
}

runCli(async () => {
  const { values } = parseArgs({
    options: {
      model: { type: 'string' },
      entries: { type: 'string', default: '500,10000' },
      rounds: { type: 'string', default: '20' },
    },
  });
  const sizes = values.entries.split(',').map(Number);
  const rounds = Number(values.rounds);
  if (sizes.some((size) => !(size >= 2)) || !(rounds >= 1))
    throw new UsageError('--entries takes sizes of 2 or more, --rounds a positive number');
  const [encoder, loadMs] = await timed(() => loadSentenceModelFolder(values.model ?? ensureRandomMiniLm()));
  console.log(
    `${encoder.id} on ${cpus().length} CPU cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}; loaded in ${round(loadMs, 0)} ms`,
  );

  await encoder.embed([UTTERANCE]); // warm-up
  const utteranceMs: number[] = [];
  const utteranceCpuMs: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const [, wall, cpu] = await timed(() => encoder.embed([UTTERANCE]));
    utteranceMs.push(wall);
    utteranceCpuMs.push(cpu);
  }
  utteranceMs.sort((a, b) => a - b);
  utteranceCpuMs.sort((a, b) => a - b);
  const encodeOneUtterance = {
    p50Ms: round(percentile(utteranceMs, 0.5), 1),
    p95Ms: round(percentile(utteranceMs, 0.95), 1),
    cpuP50Ms: round(percentile(utteranceCpuMs, 0.5), 1),
    rounds,
  };
  console.log(JSON.stringify({ encodeOneUtterance }));

  const [query] = await encoder.embed([UTTERANCE]);
  for (const size of sizes) {
    const [{ index }, indexMs, indexCpuMs] = await timed(() =>
      buildSemanticIndex([{ id: 'bench', entries: entriesOf(size) }], encoder),
    );
    const calibrationStart = performance.now();
    createSemanticIndex(index.encoderId, index.entries);
    const calibrationMs = performance.now() - calibrationStart;
    const rankMs: number[] = [];
    for (let i = 0; i < rounds * 5; i++) {
      const start = performance.now();
      rankSemantic(index, query!, 3);
      rankMs.push(performance.now() - start);
    }
    rankMs.sort((a, b) => a - b);
    const stage = applySemanticStage(
      {
        outcome: 'no-match',
        asked: [],
        nearMisses: [],
        candidates: [],
        ambiguous: false,
        questionText: UTTERANCE,
        confidence: 0,
      },
      index,
      query!,
    );
    console.log(
      JSON.stringify({
        entries: size,
        indexMs: round(indexMs, 0),
        msPerEntry: round(indexMs / size, 2),
        indexCpuMs: round(indexCpuMs, 0),
        calibrationMs: round(calibrationMs, 0),
        rankP50Ms: round(percentile(rankMs, 0.5), 2),
        rankP95Ms: round(percentile(rankMs, 0.95), 2),
        usable: index.calibration.usable,
        room: round(index.calibration.room),
        decision: stage.decision,
      }),
    );
  }
  await encoder.dispose();
});
