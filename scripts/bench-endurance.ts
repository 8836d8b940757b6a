/**
 * Endurance of the live path: a long synthetic session replayed at full speed through
 * the session owner (matching, cards recorded) and the panel's session store fed with
 * what the owner publishes, the same code the extension runs. Prints per-line cost early
 * and late in the session, and heap growth.
 *   npm run bench:endurance [-- --hours 2]
 */
import { parseArgs } from 'node:util';
import { createPackIndex } from '../lib/match/question-index';
import { replaySession } from '../lib/dev/replay-session';
import type { CardRecord } from '../lib/session/session-db';
import { createSessionOwner } from '../lib/session/session-owner';
import { sessionToMarkdown } from '../lib/review/session-markdown';
import { createSessionStore } from '../lib/store/session-store';
import { loadKnowledge, percentile, round, runCli } from './cli-support';

function heapMb(): number {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

runCli(async () => {
  const { values } = parseArgs({ options: { hours: { type: 'string', default: '2' } } });
  const hours = Number(values.hours);
  const index = createPackIndex(loadKnowledge(undefined));
  const store = createSessionStore();
  store.getState().apply({ kind: 'capturing', sessionId: 'bench', withMicrophone: true });
  const recorded: CardRecord[] = [];
  const owner = createSessionOwner({
    index: () => index,
    threshold: () => 0.45,
    recordCard: (hint) => Promise.resolve(void recorded.push(hint)),
    publish: (event) => store.getState().apply(event),
    loadState: () => Promise.resolve(undefined),
    saveState: () => Promise.resolve(),
  });
  const heapStart = heapMb();
  const costs: number[] = [];
  const heapSamples: number[] = [];
  for (const line of replaySession('bench', hours)) {
    const start = performance.now();
    store.getState().apply({ kind: 'line', line });
    await owner.takeLine(line);
    costs.push(performance.now() - start);
    if (line.seq % 900 === 0) heapSamples.push(heapMb());
  }
  const { lines, questions } = store.getState();
  const exportStart = performance.now();
  const markdown = sessionToMarkdown(
    { id: 'bench', startedAt: lines[0]!.at, endedAt: lines.at(-1)!.at },
    lines,
    recorded,
  );
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
