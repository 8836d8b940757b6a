import { clock } from '../session/clock';
import type { KnowledgeEntry } from '../knowledge/schema';
import type { CompiledAliases } from '../match/pack-aliases';
import type { TranscriptLine } from '../messaging/runtime-messages';
import { answerCoverage, linesOfAnswer, type PointCoverage } from '../session/answer-coverage';

/**
 * Filler words and phrases, counted as said. "like" is a filler unless it follows a word
 * that makes it a verb or a comparison ("I'd like", "looks like", "something like").
 */
const FILLER_PHRASES = ['you know', 'i mean', 'kind of', 'sort of'] as const;
const FILLER_WORDS = new Set(['um', 'umm', 'uh', 'uhm', 'erm', 'er', 'hmm', 'basically', 'literally', 'actually']);
const LIKE_AS_WORD_AFTER = new Set([
  'would',
  "i'd",
  "we'd",
  "you'd",
  'd',
  'look',
  'looks',
  'looked',
  'feel',
  'feels',
  'felt',
  'seem',
  'seems',
  'something',
  'anything',
  'nothing',
  'things',
  'just',
  'more',
  'much',
  'not',
  "don't",
  "didn't",
  'really',
  'also',
  'to',
]);

/** Words too common to count as repeated (function words, and the fillers counted apart). */
const COMMON_WORDS = new Set(
  (
    "a an the and or but so if then than that this these those it its it’s it's is are was were be been being am i me my we our us you your he she they them their " +
    'to of in on at for with by from as about into over under up down out off again just also very really not no yes do does did done have has had having ' +
    'can could would should will shall may might must what which who whom when where why how there here all any some more most other such only own same too ' +
    "i'm i've i'd we're we've they're that's there's don't didn't doesn't isn't wasn't aren't won't can't like"
  ).split(' '),
);

/** Lower-case words of a transcript, apostrophes kept ("didn't"), punctuation dropped. */
export function wordsOf(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/[’]/g, "'")
      .match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? []
  );
}

export interface SpeechStats {
  /** Time the candidate spoke, summed over their lines (pauses between lines not counted). */
  spokenMs: number;
  words: number;
  /** Each filler said, with how often. */
  fillers: Record<string, number>;
  fillerCount: number;
  /** Fillers per minute of speaking time; 0 when nothing was said. */
  fillersPerMinute: number;
  /** Words other than common ones said three times or more, most first. */
  repeated: Array<{ word: string; count: number }>;
}

/** Fillers, repeats and speaking time of what the candidate said. */
export function speechStats(lines: readonly Pick<TranscriptLine, 'text' | 'startMs' | 'endMs'>[]): SpeechStats {
  const fillers: Record<string, number> = {};
  const counts = new Map<string, number>();
  let words = 0;
  let spokenMs = 0;
  const note = (filler: string) => (fillers[filler] = (fillers[filler] ?? 0) + 1);
  for (const line of lines) {
    spokenMs += Math.max(0, line.endMs - line.startMs);
    const said = wordsOf(line.text);
    words += said.length;
    for (let i = 0; i < said.length; i++) {
      const word = said[i]!;
      const phrase = FILLER_PHRASES.find((filler) => filler === `${word} ${said[i + 1] ?? ''}`);
      if (phrase) {
        note(phrase);
        i++;
        continue;
      }
      if (FILLER_WORDS.has(word)) note(word);
      else if (word === 'like' && !LIKE_AS_WORD_AFTER.has(said[i - 1] ?? '')) note(word);
      else if (!COMMON_WORDS.has(word) && word.length > 2 && !/^\d+$/.test(word))
        counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  const fillerCount = Object.values(fillers).reduce((sum, count) => sum + count, 0);
  const repeated = [...counts]
    .filter(([, count]) => count >= 3)
    .map(([word, count]) => ({ word, count }))
    .sort((a, b) => b.count - a.count || a.word.localeCompare(b.word));
  return {
    spokenMs,
    words,
    fillers,
    fillerCount,
    fillersPerMinute: spokenMs > 0 ? fillerCount / (spokenMs / 60_000) : 0,
    repeated,
  };
}

/**
 * What signals each step of a frame in a spoken answer. Only frames whose steps have a
 * recognisable way of being said are judged: a story (STAR) and a design walk-through.
 */
const STEP_CUES: Record<string, Record<string, RegExp>> = {
  STAR: {
    Situation:
      /\b(when i was|at my (last|previous|old)|at (my|our) (company|team|job)|we (had|were)|there was|the team|back in|in (my|our) (last|previous) (role|job))\b/,
    Task: /\b(my (role|job|task|goal|responsibility) was|i (was|were) (asked|responsible|tasked)|i (needed|had|wanted) to|the goal was|we needed to)\b/,
    Action:
      /\b(i (built|wrote|decided|proposed|led|talked|asked|ran|designed|changed|set up|moved|created|started|organi[sz]ed|suggested|pushed|analy[sz]ed|met|called|reached out)|so i|what i did)\b/,
    Result:
      /\b(as a result|in the end|the result|result was|ended up|we (shipped|launched|reduced|cut|improved|saved|increased|doubled|halved|hit|met)|which (led|meant|cut|saved|reduced)|i learned|lesson|\d+\s*(%|percent|x|times))\b/,
  },
  Design: {
    Clarify: /\b(requirements?|clarify|scope|assum(e|ing|ption)|how many users|scale of|constraints?)\b/,
    Data: /\b(data|labels?|features?|logs?|dataset)\b/,
    Model: /\b(model|baseline|train(ing)?|architecture)\b/,
    Serving: /\b(serv(e|ing)|latency|api|deploy(ment)?|cache|inference)\b/,
    Monitoring: /\b(monitor(ing)?|drift|alerts?|metrics? in production|dashboards?|retrain(ing)?)\b/,
  },
};

export interface FrameCheck {
  frame: string;
  steps: Array<{ step: string; heard: boolean }>;
}

/** Which steps of the entry's frame the answer's words show, for the frames that can be judged; null for others. */
export function frameCheck(frame: { name: string }, answer: readonly string[]): FrameCheck | null {
  const cues = STEP_CUES[frame.name];
  if (!cues) return null;
  const text = answer.join(' ').toLowerCase().replace(/[’]/g, "'");
  return { frame: frame.name, steps: Object.entries(cues).map(([step, cue]) => ({ step, heard: cue.test(text) })) };
}

export interface QuestionFeedback {
  entryId: string;
  question: string;
  at: number;
  /** Nothing from the candidate between this question and the next: no figures below. */
  answered: boolean;
  coverage: PointCoverage[];
  /** Share of key points covered (0…1); 0 with no key points. */
  coveredShare: number;
  stats: SpeechStats;
  frame: FrameCheck | null;
}

export interface SessionFeedback {
  questions: QuestionFeedback[];
  answered: number;
  /** Mean covered share over answered questions with key points. */
  meanCoverage: number;
  /** Fillers per minute over all the candidate's answers. */
  fillersPerMinute: number;
  /** Up to three answered questions with the lowest coverage, weakest first. */
  weakest: QuestionFeedback[];
}

/**
 * Feedback on a session, from its transcript alone: for each question asked, the key
 * points the candidate's answer covered, how long they spoke, fillers per minute, words
 * said three times or more and which frame steps could be heard; then a summary.
 */
export function sessionFeedback(
  cards: ReadonlyArray<{ entryId: string; question: string; at: number }>,
  lines: readonly TranscriptLine[],
  entryById: (id: string) => KnowledgeEntry | undefined,
  aliases?: CompiledAliases,
): SessionFeedback {
  const answers = cards.map((hint, i) => linesOfAnswer(lines, hint.at, cards[i + 1]?.at));
  const questions = cards.map((hint, i): QuestionFeedback => {
    const answerLines = answers[i]!;
    const texts = answerLines.map((line) => line.text);
    const entry = entryById(hint.entryId);
    const coverage = entry && texts.length ? answerCoverage(entry, texts, aliases) : [];
    return {
      entryId: hint.entryId,
      question: hint.question,
      at: hint.at,
      answered: texts.some((text) => text.trim()),
      coverage,
      coveredShare: coverage.length ? coverage.filter((point) => point.covered).length / coverage.length : 0,
      stats: speechStats(answerLines),
      frame: entry && texts.length ? frameCheck(entry.outline.frame, texts) : null,
    };
  });
  const answered = questions.filter((question) => question.answered);
  const scored = answered.filter((question) => question.coverage.length > 0);
  const all = speechStats(answers.flat());
  return {
    questions,
    answered: answered.length,
    meanCoverage: scored.length ? scored.reduce((sum, question) => sum + question.coveredShare, 0) / scored.length : 0,
    fillersPerMinute: all.fillersPerMinute,
    weakest: [...scored].sort((a, b) => a.coveredShare - b.coveredShare || a.at - b.at).slice(0, 3),
  };
}

const percent = (share: number) => `${Math.round(share * 100)} %`;
const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** One line of figures on an answer: speaking time, fillers, repeated words, frame steps not heard. */
export function answerFiguresText({ stats, frame }: QuestionFeedback): string {
  const parts = [`spoke ${clock(stats.spokenMs)}`];
  const fillers = Object.entries(stats.fillers)
    .sort((a, b) => b[1] - a[1])
    .map(([filler, count]) => `“${filler}” ×${count}`);
  parts.push(
    `${stats.fillersPerMinute.toFixed(1)} fillers a minute${fillers.length ? ` (${fillers.join(', ')})` : ''}`,
  );
  if (stats.repeated.length)
    parts.push(`said often: ${stats.repeated.map(({ word, count }) => `${word} ×${count}`).join(', ')}`);
  const missing = frame?.steps.filter((step) => !step.heard).map((step) => step.step) ?? [];
  if (frame)
    parts.push(missing.length ? `${frame.frame}: no ${missing.join(', ')} heard` : `${frame.frame}: every step heard`);
  return parts.join(' · ');
}

/** The review's summary in one sentence: answered, key points covered, fillers. */
export function feedbackSummaryText(feedback: SessionFeedback): string {
  return `You answered ${feedback.answered} of ${plural(feedback.questions.length, 'question')}, covering ${percent(feedback.meanCoverage)} of their key points on average, with ${feedback.fillersPerMinute.toFixed(1)} fillers a minute.`;
}

/** The weakest answers, as the review names them: “question” (share). */
export function weakestText(feedback: SessionFeedback): string {
  return feedback.weakest.map((question) => `“${question.question}” (${percent(question.coveredShare)})`).join(', ');
}
