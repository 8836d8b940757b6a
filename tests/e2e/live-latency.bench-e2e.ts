import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureLengthKeyedWhisper, randomWhisperWith } from '../../scripts/generated-models';
import { launchExtension, openPanel, sessionState, TEST_OUTPUT_DIR, useLocalModel } from './launch-extension';
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
 *   npm run bench:asr:browser   the real whisper-tiny.en architecture, q8 and fp32
 * Figures are printed and written to test-output/bench-browser-*.json; nothing is asserted
 * about speed (this machine is shared and noisy).
 */
/** Each model with the spoken fixture its tab plays. */
const MODELS: Record<string, { folder: () => string; audio: string }> = {
  'stand-in': { folder: ensureLengthKeyedWhisper, audio: 'short-long-questions' },
  'whisper-tiny.en-random-q8': { folder: () => randomWhisperWith('q8'), audio: 'two-questions' },
  'whisper-tiny.en-random-fp32': { folder: () => randomWhisperWith('fp32'), audio: 'two-questions' },
};
const chosen = (process.env.CUECARD_BENCH ?? 'stand-in').split(',');
const QUESTIONS = 8;
const TYPICAL_QUESTION_S = 3.3; // two-questions.wav: 3.31 s and 3.36 s
/** Padding an utterance keeps after its speech (lib/audio/utterance-segmenter.ts default). */
const PAD_MS = 250;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]! : Number.NaN;
};
const round = (value: number, digits = 0) => Number(value.toFixed(digits));

/** Resident memory of the browser's processes (this profile's only), in MB. */
function chromiumRssMb(profileMarker: string): number {
  const listing = execFileSync('ps', ['-eo', 'rss=,args='], { encoding: 'utf8' });
  let kb = 0;
  for (const row of listing.split('\n')) if (row.includes(profileMarker) || row.includes('--type=')) {
    const match = /^\s*(\d+)\s+(.*)$/.exec(row);
    if (match && /chrom/i.test(match[2]!)) kb += Number(match[1]);
  }
  return kb / 1024;
}

describe.each(chosen)('speech end → card in Chromium, model %s', (name) => {
  it(`times ${QUESTIONS} questions`, async () => {
    const model = MODELS[name];
    if (!model) throw new Error(`unknown model "${name}": one of ${Object.keys(MODELS).join(', ')}`);
    const folder = model.folder();
    const layout = JSON.parse(readFileSync(`tests/fixtures/audio/${model.audio}.json`, 'utf8')) as { utterances: Array<{ endS: number }> };
    const speechPage = await startSpeechPageServer(model.audio);
    const loaded = await launchExtension();
    try {
      const interview = await loaded.context.newPage();
      await interview.goto(speechPage.url);
      await interview.waitForFunction(() => (window as unknown as { starts: number[] }).starts.length > 0);
      const panel = await openPanel(loaded);
      const events = await recordSessionEvents(panel);
      const marker = 'cuecard-profile-';
      const rssBefore = chromiumRssMb(marker);
      await useLocalModel(panel, folder, 180_000);
      await interview.bringToFront();
      await panel.getByRole('button', { name: 'Start listening to this tab' }).click();
      await expect.poll(() => sessionState(panel), { timeout: 60_000 }).toContain('Capturing tab audio');

      let rssPeak = 0;
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
      const lineEnds = new Map(received.flatMap((entry) => (entry.event.kind === 'line' ? [[entry.event.line.seq, questionEnd(entry.event.line.endMs)] as const] : [])));
      const speechEndBefore = (at: number) => Math.max(...speechEnds.filter((end) => end < at));
      const timed = (kind: TimedSessionEvent['event']['kind']) =>
        received.filter((entry) => entry.event.kind === kind).slice(kind === 'line' ? 1 : 0);
      const lineEvents = timed('line');
      const toLine = lineEvents.map((entry) => entry.at - (entry.event.kind === 'line' ? lineEnds.get(entry.event.line.seq)! : Number.NaN));
      // A card follows the line it was read from: the latest line before it. The first line's
      // card is left out, as the first line is (it may be a question caught half-way).
      const firstLineSeq = received.find((entry) => entry.event.kind === 'line')?.event;
      const toCard = timed('hints').flatMap((entry) => {
        const line = received.filter((other) => other.event.kind === 'line' && other.at <= entry.at).at(-1)?.event;
        if (line?.kind !== 'line') return [entry.at - speechEndBefore(entry.at)];
        return firstLineSeq?.kind === 'line' && line.line.seq === firstLineSeq.line.seq ? [] : [entry.at - lineEnds.get(line.line.seq)!];
      });
      const recognition = lineEvents.flatMap((entry) => (entry.event.kind === 'line' && entry.event.line.recognition ? [entry.event.line.recognition] : []));
      const perToken = recognition.map((r) => (r.decodeMs - r.encoderMs) / Math.max(1, r.tokens));
      const encoderMs = percentile(recognition.map((r) => r.encoderMs), 0.5);
      const ready = received.find((entry) => entry.event.kind === 'model-ready')?.event;

      const figures = {
        model: name,
        machine: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Chromium (WASM, 1 thread)`,
        modelLoadMs: ready?.kind === 'model-ready' ? round(ready.loadMs) : null,
        questions: toLine.length,
        speechEndToLineMs: toLine.map((ms) => round(ms)),
        speechEndToLineP50Ms: round(percentile(toLine, 0.5)),
        speechEndToLineP95Ms: round(percentile(toLine, 0.95)),
        cards: toCard.length,
        speechEndToCardP50Ms: toCard.length ? round(percentile(toCard, 0.5)) : null,
        speechEndToCardP95Ms: toCard.length ? round(percentile(toCard, 0.95)) : null,
        speechEndToCardMs: toCard.map((ms) => round(ms)),
        decodeMsP50: round(percentile(recognition.map((r) => r.decodeMs), 0.5)),
        encoderMsPer30sWindow: round(encoderMs),
        decoderMsPerToken: round(percentile(perToken, 0.5), 1),
        tokensPerLine: round(percentile(recognition.map((r) => r.tokens), 0.5)),
        realTimeFactor20Tokens: round((encoderMs + 20 * percentile(perToken, 0.5)) / 1000 / TYPICAL_QUESTION_S, 3),
        partialLines: received.filter((entry) => entry.event.kind === 'partial').length,
        events: received.reduce<Record<string, number>>((counts, entry) => ({ ...counts, [entry.event.kind]: (counts[entry.event.kind] ?? 0) + 1 }), {}),
        errors: received.flatMap((entry) => (entry.event.kind === 'error' ? [entry.event.message] : [])),
        notices: received.flatMap((entry) => (entry.event.kind === 'notice' ? [entry.event.message] : [])),
        chromiumRssBeforeModelMb: round(rssBefore),
        chromiumRssPeakMb: round(rssPeak),
      };
      console.log(JSON.stringify(figures));
      mkdirSync(TEST_OUTPUT_DIR, { recursive: true });
      writeFileSync(join(TEST_OUTPUT_DIR, `bench-browser-${name}.json`), `${JSON.stringify(figures, null, 2)}\n`);
      expect(toLine.length).toBeGreaterThanOrEqual(QUESTIONS);
      if (name === 'stand-in') expect(toCard.length).toBeGreaterThanOrEqual(5);
    } finally {
      await loaded.context.close();
      speechPage.close();
    }
  }, 600_000);
});
