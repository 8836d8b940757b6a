/**
 * How much sooner the card shows when partial lines are matched (issue #21, the card before the pause).
 *   npm run bench:provisional [-- --words-per-second 2.5]
 * Each case's utterance is spoken at a steady pace; a partial line comes every second with the
 * words heard so far (the recognition engine's cadence, PARTIAL_EVERY_MS), and the final line
 * with all of them after the end-of-turn pause. Partials and lines go through the owner's
 * decisions (lib/session/provisional-card.ts, the shipped packs, the default sensitivity).
 * The partial text is taken to be the words spoken so far: no trained speech weights can be had
 * here (FINDINGS.md), so recognition errors in partials are not measured.
 * Reported per case set: how many questions got a card before their line, the share of the
 * question's words heard when it appeared, whether it was right, what the final line made of it,
 * and how long before the end of the question it came (the line's card comes after the end-of-turn
 * pause, 0.4–0.7 s, and the final decode on top of that); for lines that ask nothing the pack covers,
 * how many showed a provisional card at all. The spoken fixtures run with their real timings.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { PARTIAL_EVERY_MS } from '../lib/asr/recognition-engine';
import { matchCaseSchema } from '../lib/dev/evaluate-matcher';
import { DEFAULT_MATCH_OPTIONS } from '../lib/match/match-question';
import { createQuestionIndex, type QuestionIndex } from '../lib/match/question-index';
import { cardsToShow, readLine } from '../lib/session/live-cards';
import {
  NO_PROVISIONAL,
  readPartial,
  settleLine,
  stepPartial,
  type ProvisionalOutcome,
} from '../lib/session/provisional-card';
import { loadKnowledge, percentile, round, runCli, vocabularyFor } from './cli-support';

const SETS = [
  { name: 'shipped pack, dev cases', path: 'tests/fixtures/match-cases.dev.jsonl' },
  { name: 'trust cases (statements, small talk; dev)', path: 'tests/fixtures/dev/trust/cases.jsonl' },
  { name: 'shipped pack, held-out cases', path: 'tests/fixtures/match-cases.holdout.jsonl' },
  { name: 'shipped pack, natural phrasings (held out)', path: 'tests/fixtures/eval/shipped-natural/cases.jsonl' },
];
const SPOKEN = ['tests/fixtures/audio/two-questions.json', 'tests/fixtures/audio/short-long-questions.json'];

interface Utterance {
  text: string;
  expected: string | null;
  durationMs: number;
}

interface Run {
  /** When the first provisional card showed, from the start of speech; undefined if none did. */
  firstAtMs?: number;
  firstWordsShare?: number;
  firstRight?: boolean;
  replacedOnPartial: boolean;
  outcome?: ProvisionalOutcome;
  /** The entry the final line shows (its card), if any. */
  finalEntry?: string;
  /** The entry on screen once the line is read. */
  shownEntry?: string;
}

/** Plays one utterance as partials every second, then its final line, through the owner's decisions. */
function play(index: QuestionIndex, utterance: Utterance, expectedId: string | undefined): Run {
  const words = utterance.text.split(/\s+/).filter(Boolean);
  const sessionId = 'bench';
  const options = { threshold: DEFAULT_MATCH_OPTIONS.threshold };
  let state = NO_PROVISIONAL;
  const run: Run = { replacedOnPartial: false };
  let onScreen: string | undefined;
  for (let atMs = PARTIAL_EVERY_MS; atMs < utterance.durationMs; atMs += PARTIAL_EVERY_MS) {
    const heard = Math.floor((words.length * atMs) / utterance.durationMs);
    if (heard === 0) continue;
    const partial = {
      sessionId,
      channel: 'interviewer' as const,
      text: words.slice(0, heard).join(' '),
      startMs: 0,
      endMs: atMs,
    };
    const step = stepPartial(state, 0, readPartial(index, [], partial, undefined, options, atMs));
    state = step.state;
    if (step.step.kind !== 'show') continue;
    onScreen = step.step.card.entryId;
    if (step.step.replaces) run.replacedOnPartial = true;
    if (run.firstAtMs !== undefined) continue;
    run.firstAtMs = atMs;
    run.firstWordsShare = heard / words.length;
    run.firstRight = onScreen === expectedId;
  }
  const line = {
    sessionId,
    seq: 0,
    channel: 'interviewer' as const,
    text: utterance.text,
    startMs: 0,
    endMs: 0,
    at: 0,
  };
  const { reading } = readLine(index, [line], undefined, options);
  const shown = reading?.kind === 'card' ? cardsToShow(reading, line) : [];
  run.finalEntry = shown.at(-1)?.entryId;
  const settled = settleLine(state, line, shown).settlements[0];
  run.outcome = settled?.outcome;
  run.shownEntry =
    settled && settled.outcome !== 'replaced' && settled.outcome !== 'confirmed' ? onScreen : run.finalEntry;
  return run;
}

const share = (count: number, of: number) => (of ? round(count / of, 3) : 0);
const quartiles = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? [0.25, 0.5, 0.75].map((p) => round(percentile(sorted, p), 2)) : [];
};

function report(
  name: string,
  index: QuestionIndex,
  utterances: Utterance[],
  idOf: (question: string) => string | undefined,
) {
  const runs = utterances.map((utterance) => ({
    utterance,
    expectedId: utterance.expected === null ? undefined : idOf(utterance.expected),
    run: play(index, utterance, utterance.expected === null ? undefined : idOf(utterance.expected)),
  }));
  const questions = runs.filter(({ expectedId }) => expectedId !== undefined);
  const early = questions.filter(({ run }) => run.firstAtMs !== undefined);
  const outcomes: Partial<Record<ProvisionalOutcome, number>> = {};
  for (const { run } of early) if (run.outcome) outcomes[run.outcome] = (outcomes[run.outcome] ?? 0) + 1;
  const others = runs.filter(({ expectedId }) => expectedId === undefined);
  const sooner = early
    .filter(({ run, expectedId }) => run.firstRight && run.finalEntry === expectedId)
    .map(({ run, utterance }) => utterance.durationMs - run.firstAtMs!);
  console.log(
    JSON.stringify({
      set: name,
      questions: questions.length,
      finalLineRight: share(
        questions.filter(({ run, expectedId }) => run.finalEntry === expectedId).length,
        questions.length,
      ),
      cardBeforeLine: share(early.length, questions.length),
      firstCardRight: share(early.filter(({ run }) => run.firstRight).length, early.length),
      wordsHeardAtFirstCardQ1Q2Q3: quartiles(early.map(({ run }) => run.firstWordsShare!)),
      replacedOnPartial: early.filter(({ run }) => run.replacedOnPartial).length,
      finalOutcomes: outcomes,
      rightOnScreenAfterLine: share(
        questions.filter(({ run, expectedId }) => run.shownEntry === expectedId).length,
        questions.length,
      ),
      secondsBeforeQuestionEndQ1Q2Q3: quartiles(sooner.map((ms) => ms / 1000)),
      notQuestions: others.length,
      provisionalOnNotQuestions: others.filter(({ run }) => run.firstAtMs !== undefined).length,
      finalCardOnNotQuestions: others.filter(({ run }) => run.finalEntry !== undefined).length,
    }),
  );
}

runCli(() => {
  const { values } = parseArgs({ options: { 'words-per-second': { type: 'string', default: '2.5' } } });
  const wordsPerSecond = Number(values['words-per-second']);
  const packs = loadKnowledge(undefined);
  const entries = packs.flatMap((pack) => pack.entries);
  const index = createQuestionIndex(entries, { aliases: vocabularyFor(packs) });
  const byQuestion = new Map(entries.map((entry) => [entry.question.trim(), entry.id]));
  const idOf = (question: string) => byQuestion.get(question.trim());

  for (const set of SETS) {
    const utterances = readFileSync(set.path, 'utf8')
      .split(/\r?\n/)
      .filter((text) => text.trim())
      .map((text) => matchCaseSchema.parse(JSON.parse(text)))
      .map(({ utterance, expected }) => ({
        text: utterance,
        expected,
        durationMs: (utterance.split(/\s+/).length / wordsPerSecond) * 1000,
      }));
    report(set.name, index, utterances, idOf);
  }

  // The spoken fixtures, at their real timings: which entry each question is, as the final line reads it.
  const spoken = SPOKEN.flatMap(
    (path) =>
      (JSON.parse(readFileSync(path, 'utf8')) as { utterances: Array<{ text: string; startS: number; endS: number }> })
        .utterances,
  );
  for (const { text, startS, endS } of spoken) {
    const durationMs = (endS - startS) * 1000;
    const line = { sessionId: 'bench', seq: 0, channel: 'interviewer' as const, text, startMs: 0, endMs: 0, at: 0 };
    const { reading } = readLine(index, [line], undefined, { threshold: DEFAULT_MATCH_OPTIONS.threshold });
    const finalEntry = reading?.kind === 'card' ? cardsToShow(reading, line).at(-1)?.entryId : undefined;
    const run = play(index, { text, expected: null, durationMs }, finalEntry);
    console.log(
      JSON.stringify({
        spoken: text,
        seconds: round(durationMs / 1000, 2),
        lineCard: finalEntry ?? null,
        firstCardAtS: run.firstAtMs === undefined ? null : run.firstAtMs / 1000,
        wordsHeard: run.firstWordsShare === undefined ? null : round(run.firstWordsShare, 2),
        sameAsLine: run.firstRight ?? null,
        secondsBeforeEnd: run.firstAtMs === undefined ? 0 : round((durationMs - run.firstAtMs) / 1000, 2),
        outcome: run.outcome ?? null,
      }),
    );
  }
});
