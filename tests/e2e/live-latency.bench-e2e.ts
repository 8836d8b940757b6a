import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { AutoTokenizer, env } from '@huggingface/transformers';
import { describe, expect, it } from 'vitest';
import { ensureLengthKeyedWhisper, randomMoonshineWith, randomWhisperWith } from '../../scripts/generated-models';
import {
  E2E_EXTENSION_DIR,
  launchExtension,
  openPanel,
  sessionState,
  TEST_OUTPUT_DIR,
  useLocalModel,
} from './launch-extension';
import { recordSessionEvents, type TimedSessionEvent } from './session-events';
import { startSpeechPageServer } from './speech-page-server';

/**
 * Speech end → line and → card in the real extension: a tab plays spoken questions in a loop,
 * the extension captures it (tabCapture, offscreen AudioWorklet, recognition worker on
 * ONNX Runtime WASM, one thread, as shipped), and the panel's own session events are timed
 * against the wall-clock end of each question in the played audio. Run by
 *   npm run bench:live          the length-keyed stand-in (recognition near-instant: the pipeline's own
 *                               cost); it hears the fixture's short and long questions in turn, so
 *                               every question is a new card
 *   npm run bench:asr:browser   the real whisper-tiny.en and moonshine-tiny architectures, q8, in one run
 *   npm run bench:arrangements  both of those, each with recognition in one worker and across workers
 *                               (scripts/bench-arrangements.ts builds one extension per arrangement and
 *                               names them in CUECARD_ARRANGEMENTS; CUECARD_ROUNDS repeats the set)
 * Figures are printed and written to test-output/bench-browser-*.json; nothing is asserted
 * about speed (this machine is shared and noisy).
 *
 * Random weights never emit end of text, so the extension decodes each of their lines to its cap
 * (8 + 5 tokens a second). A trained model stops after the question's tokens plus end of text;
 * the "trained" figures take the surplus steps out of each line at that line's own cost per token
 * (the worker's timings): what the same line costs when the decoder stops where a trained one would.
 */
/** Each model with the spoken fixture its tab plays. */
const MODELS: Record<string, { folder: () => string; audio: string }> = {
  'stand-in': { folder: ensureLengthKeyedWhisper, audio: 'short-long-questions' },
  'whisper-tiny.en-random-q8': { folder: () => randomWhisperWith('q8'), audio: 'two-questions' },
  'whisper-tiny.en-random-fp32': { folder: () => randomWhisperWith('fp32'), audio: 'two-questions' },
  'moonshine-tiny-random-q8': { folder: () => randomMoonshineWith('q8'), audio: 'two-questions' },
};

/** Tokens a trained model emits for each question of the fixture: its text in the model's tokenizer, plus end of text. */
async function trainedBudgets(folder: string, texts: readonly string[]): Promise<number[]> {
  env.allowRemoteModels = false;
  env.localModelPath = `${dirname(folder)}/`;
  const tokenizer = await AutoTokenizer.from_pretrained(basename(folder));
  return texts.map((text) => tokenizer.encode(` ${text}`, { add_special_tokens: false }).length + 1);
}
const chosen = (process.env.CUECARD_BENCH ?? 'stand-in').split(',');
/** Builds to compare, `name=dir` each (default: the test build as it is). */
const arrangements = (process.env.CUECARD_ARRANGEMENTS ?? `as built=${E2E_EXTENSION_DIR}`)
  .split(',')
  .map((entry) => entry.split('=') as [string, string]);
const rounds = Number(process.env.CUECARD_ROUNDS ?? 1);
/** Each model, then each arrangement in turn (reversed every other round, so drift in the machine's load evens out). */
const runs = chosen.flatMap((name) =>
  Array.from({ length: rounds }, (_, round) =>
    (round % 2 ? [...arrangements].reverse() : arrangements).map(([arrangement, dir]) => ({
      name,
      arrangement,
      dir,
      round,
    })),
  ).flat(),
);
const QUESTIONS = Number(process.env.CUECARD_QUESTIONS ?? 8);
const TYPICAL_QUESTION_S = 3.3; // two-questions.wav: 3.31 s and 3.36 s
/** Padding an utterance keeps after its speech (lib/audio/utterance-segmenter.ts default). */
const PAD_MS = 250;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]! : Number.NaN;
};
const round = (value: number, digits = 0) => Number(value.toFixed(digits));

/**
 * Resident memory of this profile's browser, in MB: its main process (found by the profile
 * directory on its command line) and every process below it. Other browsers on a shared
 * machine are not counted.
 */
function chromiumRssMb(profileMarker: string): number {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8' })
    .split('\n')
    .flatMap((row) => {
      const match = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/.exec(row);
      return match ? [{ pid: Number(match[1]), ppid: Number(match[2]), kb: Number(match[3]), args: match[4]! }] : [];
    });
  const ours = new Set(
    rows.filter((row) => row.args.includes(profileMarker) && !row.args.includes('--type=')).map((row) => row.pid),
  );
  for (let grew = true; grew;) {
    grew = false;
    for (const row of rows) if (ours.has(row.ppid) && !ours.has(row.pid)) grew = Boolean(ours.add(row.pid));
  }
  return rows.filter((row) => ours.has(row.pid)).reduce((sum, row) => sum + row.kb, 0) / 1024;
}

describe.each(runs)('speech end → card in Chromium, model $name, $arrangement, round $round', (run) => {
  it(`times ${QUESTIONS} questions`, async () => {
    const { name } = run;
    const model = MODELS[name];
    if (!model) throw new Error(`unknown model "${name}": one of ${Object.keys(MODELS).join(', ')}`);
    const folder = model.folder();
    const layout = JSON.parse(readFileSync(`tests/fixtures/audio/${model.audio}.json`, 'utf8')) as {
      utterances: Array<{ text: string; endS: number }>;
    };
    const budgets = await trainedBudgets(
      folder,
      layout.utterances.map((u) => u.text),
    );
    const speechPage = await startSpeechPageServer(model.audio);
    const loaded = await launchExtension([], run.dir);
    try {
      const interview = await loaded.context.newPage();
      await interview.goto(speechPage.url);
      await interview.waitForFunction(() => (window as unknown as { starts: number[] }).starts.length > 0);
      const panel = await openPanel(loaded);
      const events = await recordSessionEvents(panel);
      const marker = loaded.profileDir;
      const rssBefore = chromiumRssMb(marker);
      await useLocalModel(panel, folder, 180_000);
      await interview.bringToFront();
      await panel.getByRole('button', { name: 'Start listening to this tab' }).click();
      await expect.poll(() => sessionState(panel), { timeout: 60_000 }).toContain('Capturing tab audio');

      let rssPeak = 0;
      // The machine's load while this run listened: on a shared machine, runs compare only at a like load.
      const loadAtStart = loadavg()[0]!;
      const lines = async () => (await events()).filter((timed) => timed.event.kind === 'line');
      // The first line may be a question caught half-way; whole ones follow it.
      const deadline = Date.now() + 180_000;
      while ((await lines()).length < QUESTIONS + 1 && Date.now() < deadline) {
        rssPeak = Math.max(rssPeak, chromiumRssMb(marker));
        await panel.waitForTimeout(250);
      }
      await panel.getByRole('button', { name: 'Stop' }).click();
      const received = await events();
      const starts = await interview.evaluate(() => (window as unknown as { starts: number[] }).starts);
      const speechEnds = starts.flatMap((start) => layout.utterances.map((u) => start + u.endS * 1000));
      // Which question a line is: its end in the captured stream (stream time starts when the panel
      // hears "capturing"; the utterance keeps PAD_MS after the speech) placed on the wall clock,
      // then the nearest question end. Latency is then measured from that question's end.
      const capturingAt = received.find((entry) => entry.event.kind === 'capturing')?.at ?? Number.NaN;
      const questionEnd = (streamEndMs: number) => {
        const estimate = capturingAt + streamEndMs - PAD_MS;
        return speechEnds.reduce((best, end) => (Math.abs(end - estimate) < Math.abs(best - estimate) ? end : best));
      };
      const lineEnds = new Map(
        received.flatMap((entry) =>
          entry.event.kind === 'line' ? [[entry.event.line.seq, questionEnd(entry.event.line.endMs)] as const] : [],
        ),
      );
      const speechEndBefore = (at: number) => Math.max(...speechEnds.filter((end) => end < at));
      const timed = (kind: TimedSessionEvent['event']['kind']) =>
        received.filter((entry) => entry.event.kind === kind).slice(kind === 'line' ? 1 : 0);
      const lineEvents = timed('line');
      const toLine = lineEvents.map(
        (entry) => entry.at - (entry.event.kind === 'line' ? lineEnds.get(entry.event.line.seq)! : Number.NaN),
      );
      // A card follows the line it was read from: the latest line before it. The first line's
      // card is left out, as the first line is (it may be a question caught half-way).
      const firstLineSeq = received.find((entry) => entry.event.kind === 'line')?.event;
      // A line that settles a provisional card brings its cards in 'provisional-settled' instead of 'cards'.
      const lineCards = received.filter(
        ({ event }) => event.kind === 'cards' || (event.kind === 'provisional-settled' && event.cards.length > 0),
      );
      const toCard = lineCards.flatMap((entry) => {
        const line = received.filter((other) => other.event.kind === 'line' && other.at <= entry.at).at(-1)?.event;
        if (line?.kind !== 'line') return [entry.at - speechEndBefore(entry.at)];
        return firstLineSeq?.kind === 'line' && line.line.seq === firstLineSeq.line.seq
          ? []
          : [entry.at - lineEnds.get(line.line.seq)!];
      });
      const recognition = lineEvents.flatMap((entry) =>
        entry.event.kind === 'line' && entry.event.line.recognition ? [entry.event.line.recognition] : [],
      );
      const perToken = recognition.map((r) => (r.decodeMs - r.encoderMs) / Math.max(1, r.tokens));
      const encoderMs = percentile(
        recognition.map((r) => r.encoderMs),
        0.5,
      );
      // Which question of the fixture each line is (by its speech end), for its trained budget.
      const questionOf = (speechEnd: number) => speechEnds.indexOf(speechEnd) % layout.utterances.length;
      const toLineTrained = lineEvents.map((entry, i) => {
        if (entry.event.kind !== 'line' || !entry.event.line.recognition) return toLine[i]!;
        const { decodeMs, encoderMs: lineEncoderMs, tokens } = entry.event.line.recognition;
        const surplus = Math.max(0, tokens - budgets[questionOf(lineEnds.get(entry.event.line.seq)!)]!);
        return toLine[i]! - surplus * ((decodeMs - lineEncoderMs) / Math.max(1, tokens));
      });
      const ready = received.find((entry) => entry.event.kind === 'model-ready')?.event;

      const figures = {
        model: name,
        arrangement: run.arrangement,
        round: run.round,
        machine: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Chromium (WASM, 1 thread)`,
        modelLoadMs: ready?.kind === 'model-ready' ? round(ready.loadMs) : null,
        questions: toLine.length,
        speechEndToLineMs: toLine.map((ms) => round(ms)),
        speechEndToLineP50Ms: round(percentile(toLine, 0.5)),
        speechEndToLineP95Ms: round(percentile(toLine, 0.95)),
        trainedTokenBudgets: budgets,
        trainedSpeechEndToLineMs: toLineTrained.map((ms) => round(ms)),
        trainedSpeechEndToLineP50Ms: round(percentile(toLineTrained, 0.5)),
        trainedSpeechEndToLineP95Ms: round(percentile(toLineTrained, 0.95)),
        trainedDecodeMsPerLine: round(encoderMs + percentile(perToken, 0.5) * percentile(budgets, 0.5)),
        cards: toCard.length,
        speechEndToCardP50Ms: toCard.length ? round(percentile(toCard, 0.5)) : null,
        speechEndToCardP95Ms: toCard.length ? round(percentile(toCard, 0.95)) : null,
        speechEndToCardMs: toCard.map((ms) => round(ms)),
        decodeMsP50: round(
          percentile(
            recognition.map((r) => r.decodeMs),
            0.5,
          ),
        ),
        encoderMsPerLine: round(encoderMs),
        decoderMsPerToken: round(percentile(perToken, 0.5), 1),
        tokensPerLine: round(
          percentile(
            recognition.map((r) => r.tokens),
            0.5,
          ),
        ),
        trainedRealTimeFactor: round(
          (encoderMs + percentile(budgets, 0.5) * percentile(perToken, 0.5)) / 1000 / TYPICAL_QUESTION_S,
          3,
        ),
        partialLines: received.filter((entry) => entry.event.kind === 'partial').length,
        events: received.reduce<Record<string, number>>(
          (counts, entry) => ({ ...counts, [entry.event.kind]: (counts[entry.event.kind] ?? 0) + 1 }),
          {},
        ),
        errors: received.flatMap((entry) => (entry.event.kind === 'error' ? [entry.event.message] : [])),
        notices: received.flatMap((entry) => (entry.event.kind === 'notice' ? [entry.event.message] : [])),
        chromiumRssBeforeModelMb: round(rssBefore),
        chromiumRssPeakMb: round(rssPeak),
        chromiumRssGrowthMb: round(rssPeak - rssBefore),
        loadAverage: [round(loadAtStart, 1), round(loadavg()[0]!, 1)],
      };
      console.log(JSON.stringify(figures));
      mkdirSync(TEST_OUTPUT_DIR, { recursive: true });
      const file = process.env.CUECARD_ARRANGEMENTS
        ? `bench-arrangement-${name}-${run.arrangement}-${run.round}`
        : `bench-browser-${name}`;
      writeFileSync(join(TEST_OUTPUT_DIR, `${file}.json`), `${JSON.stringify(figures, null, 2)}\n`);
      expect(toLine.length).toBeGreaterThanOrEqual(QUESTIONS);
      if (name === 'stand-in') expect(toCard.length).toBeGreaterThanOrEqual(5);
    } finally {
      await loaded.context.close();
      speechPage.close();
    }
  }, 600_000);
});
