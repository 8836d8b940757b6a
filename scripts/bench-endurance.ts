/**
 * Endurance of the panel's live path: a long synthetic session replayed at full speed
 * through the session store and the hint matcher, as the side panel runs them.
 * Prints per-line cost early and late in the session, and heap growth.
 *   npm run bench:endurance [-- --hours 2]
 */
import { parseArgs } from 'node:util';
import { createPackIndex } from '../lib/match/question-index';
import { takeLine } from '../lib/session/live-hints';
import { replaySession } from '../lib/dev/replay-session';
import { sessionToMarkdown } from '../lib/session/session-markdown';
import { createSessionStore } from '../lib/store/session-store';
import { loadKnowledge, percentile, round, runCli } from './cli-support';

function heapMb(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

runCli(() => {
  const { values } = parseArgs({ options: { hours: { type: 'string', default: '2' } } });
  const hours = Number(values.hours);
  const index = createPackIndex(loadKnowledge(undefined));
  const store = createSessionStore();
  store.getState().apply({ kind: 'capturing', sessionId: 'bench', withMicrophone: true });
  const heapStart = heapMb();
  const costs: number[] = [];
  const heapSamples: number[] = [];
  for (const line of replaySession('bench', hours)) {
    const start = performance.now();
    takeLine(store, index, line);
    costs.push(performance.now() - start);
    if (line.seq % 900 === 0) heapSamples.push(heapMb());
  }
  const { lines, questions } = store.getState();
  const exportStart = performance.now();
  const markdown = sessionToMarkdown({ id: 'bench', startedAt: lines[0]!.at, endedAt: lines.at(-1)!.at }, lines, questions.map((q) => ({ sessionId: 'bench', entryId: q.entryId, question: q.question, at: q.at })));
  const exportMs = performance.now() - exportStart;
  const early = [...costs.slice(0, 300)].sort((a, b) => a - b);
  const late = [...costs.slice(-300)].sort((a, b) => a - b);
  if (!globalThis.gc) console.warn('warning: run with node --expose-gc for steady heap figures');
  console.log(
    JSON.stringify({
      hours,
      lines: lines.length,
      questionsShown: questions.length,
      firstLinesP95Ms: round(percentile(early, 0.95)),
      lastLinesP95Ms: round(percentile(late, 0.95)),
      heapStartMb: round(heapStart, 1),
      heapEndMb: round(heapMb(), 1),
      heapSamplesMb: heapSamples.map((sample) => round(sample, 1)),
      exportMs: round(exportMs, 1),
      exportKb: round(new TextEncoder().encode(markdown).length / 1024, 0),
    }),
  );
});
