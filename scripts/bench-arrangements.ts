/**
 * Recognition across workers (issue #21), in the real extension in Chromium:
 *   npm run bench:arrangements
 * Builds the test extension once per arrangement (`WXT_RECOGNITION_WORKERS`: 0 = everything in the
 * recognition worker, as on a one-core device; 1 = the voice detector there, the speech model in a
 * model worker; 2 = two model workers taking utterances in turn), then runs the browser benchmark
 * (tests/e2e/live-latency.bench-e2e.ts) for Whisper tiny.en and Moonshine tiny (real architectures,
 * random weights, q8) × each arrangement in one run, arrangements alternating, and prints one table.
 * Speech end → line at the trained token budget, encoder per line, decoder per token, Chromium memory.
 * Environment: CUECARD_QUESTIONS (default 6), CUECARD_ROUNDS (default 2), CUECARD_WORKERS (default 0,1,2).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ARRANGEMENT_NAMES, modelWorkersFor, type ModelWorkers } from '../lib/asr/recognition-arrangement';
import { percentile as percentileSorted, round, runCli } from './cli-support';

const MODELS = (process.env.CUECARD_MODELS ?? 'whisper-tiny.en-random-q8,moonshine-tiny-random-q8').split(',');
const OUTPUT = resolve('test-output');

interface Figures {
  model: string;
  arrangement: string;
  round: number;
  speechEndToLineMs: number[];
  trainedSpeechEndToLineMs: number[];
  encoderMsPerLine: number;
  decoderMsPerToken: number;
  trainedDecodeMsPerLine: number;
  modelLoadMs: number | null;
  chromiumRssBeforeModelMb: number;
  chromiumRssPeakMb: number;
  errors: string[];
  loadAverage?: [number, number];
}

function buildEach(workers: readonly ModelWorkers[]): string[] {
  return workers.map((count) => {
    execFileSync('npm', ['run', 'build:e2e'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, WXT_RECOGNITION_WORKERS: String(count) },
    });
    const dir = resolve(`.output-e2e/workers-${count}`);
    rmSync(dir, { recursive: true, force: true });
    cpSync(resolve('.output-e2e/chrome-mv3'), dir, { recursive: true });
    return `${count}=${dir}`;
  });
}

const percentile = (values: number[], p: number) =>
  percentileSorted(
    [...values].sort((a, b) => a - b),
    p,
  );
const median = (values: number[]) => percentile(values, 0.5);
const seconds = (ms: number) => (ms / 1000).toFixed(2);

function report(workers: readonly ModelWorkers[], rounds: number): void {
  console.log(
    `\n| model | arrangement | speech end → line p50 / p95, trained budget | as run (decode to the cap) | encoder / line | per token | decode / line (trained) | model load | Chromium RSS before → peak |`,
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const model of MODELS) {
    for (const count of workers) {
      const runs: Figures[] = [];
      for (let r = 0; r < rounds; r++) {
        const file = join(OUTPUT, `bench-arrangement-${model}-${count}-${r}.json`);
        if (existsSync(file)) runs.push(JSON.parse(readFileSync(file, 'utf8')) as Figures);
      }
      if (!runs.length) continue;
      const toLine = runs.flatMap((run) => run.trainedSpeechEndToLineMs);
      const asRun = runs.flatMap((run) => run.speechEndToLineMs);
      const before = median(runs.map((run) => run.chromiumRssBeforeModelMb));
      const peak = median(runs.map((run) => run.chromiumRssPeakMb));
      console.log(
        `| ${model} | ${ARRANGEMENT_NAMES[count]} | ${seconds(percentile(toLine, 0.5))} / ${seconds(percentile(toLine, 0.95))} s (${toLine.length} lines) | ${seconds(percentile(asRun, 0.5))} / ${seconds(percentile(asRun, 0.95))} s | ${round(median(runs.map((run) => run.encoderMsPerLine)), 0)} ms | ${median(runs.map((run) => run.decoderMsPerToken)).toFixed(1)} ms | ${round(median(runs.map((run) => run.trainedDecodeMsPerLine)), 0)} ms | ${seconds(median(runs.map((run) => run.modelLoadMs ?? Number.NaN)))} s | ${round(before, 0)} → ${round(peak, 0)} MB (+${round(peak - before, 0)}) |`,
      );
      for (const run of runs)
        if (run.errors.length) console.log(`  round ${run.round} errors: ${run.errors.join(' / ')}`);
    }
  }
  console.log('\nEach run, in the order run (the 1-minute load average when it started listening and when it ended):');
  console.log('| model | arrangement | round | load | encoder / line | per token | speech end → line p50, trained |');
  console.log('|---|---|---|---|---|---|---|');
  for (const model of MODELS)
    for (let r = 0; r < rounds; r++)
      for (const count of r % 2 ? [...workers].reverse() : workers) {
        const file = join(OUTPUT, `bench-arrangement-${model}-${count}-${r}.json`);
        if (!existsSync(file)) continue;
        const run = JSON.parse(readFileSync(file, 'utf8')) as Figures;
        console.log(
          `| ${model} | ${ARRANGEMENT_NAMES[count]} | ${r} | ${run.loadAverage?.join(' → ') ?? '?'} | ${round(run.encoderMsPerLine, 0)} ms | ${run.decoderMsPerToken} ms | ${seconds(percentile(run.trainedSpeechEndToLineMs, 0.5))} s |`,
        );
      }
  console.log(`\nOn this machine (${modelWorkersFor(2)} model workers chosen for 2 cores).`);
}

runCli(() => {
  const workers = (process.env.CUECARD_WORKERS ?? '0,1,2').split(',').map(Number) as ModelWorkers[];
  const rounds = Number(process.env.CUECARD_ROUNDS ?? 2);
  for (const count of workers)
    for (const model of MODELS)
      for (let r = 0; r < rounds; r++)
        rmSync(join(OUTPUT, `bench-arrangement-${model}-${count}-${r}.json`), { force: true });
  const arrangements = buildEach(workers);
  try {
    execFileSync('npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts'], {
      stdio: 'inherit',
      env: {
        ...process.env,
        CUECARD_BENCH: MODELS.join(','),
        CUECARD_ARRANGEMENTS: arrangements.join(','),
        CUECARD_ROUNDS: String(rounds),
        CUECARD_QUESTIONS: process.env.CUECARD_QUESTIONS ?? '6',
      },
    });
  } catch {
    console.log('(some runs failed; the table shows those that finished)');
  }
  report(workers, rounds);
});
