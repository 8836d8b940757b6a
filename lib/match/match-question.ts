import { detectQuestion } from './detect-question';
import { termsOfNormalized } from './match-terms';
import type { QuestionIndex, RankedEntry } from './question-index';

export type Speaker = 'interviewer' | 'candidate';

export interface Utterance {
  text: string;
  speaker: Speaker;
  /** When the utterance ended, in ms; lets the window ignore talk from long ago. */
  endMs?: number;
}

export interface MatchOptions {
  /** Confidence (0…1) a match needs before a hint shows. */
  threshold?: number;
  /** Extra confidence needed when nothing in the text asks a question. */
  statementPenalty?: number;
  /** How many trailing interviewer utterances may be read as one question. */
  maxUtterances?: number;
  /** Utterances further apart than this are not joined. */
  maxGapMs?: number;
}

export type MatchOutcome = 'hint' | 'no-match' | 'small-talk' | 'empty';

export interface QuestionMatch {
  outcome: MatchOutcome;
  /** The entry to show; set only when outcome is "hint". */
  best?: RankedEntry;
  /** The best few candidates whatever the outcome, for "did you mean" choices. */
  candidates: RankedEntry[];
  /** True when the runner-up is close enough that the user may want to pick. */
  ambiguous: boolean;
  /** The part of the transcript that was read as the question. */
  questionText: string;
  confidence: number;
}

export const DEFAULT_MATCH_OPTIONS: Required<MatchOptions> = {
  threshold: 0.45,
  statementPenalty: 0.12,
  maxUtterances: 3,
  maxGapMs: 20_000,
};

/** Options with every unset (or explicitly undefined) field taken from the defaults. */
function withDefaults(options: MatchOptions): Required<MatchOptions> {
  const settings = { ...DEFAULT_MATCH_OPTIONS };
  for (const key of Object.keys(settings) as Array<keyof MatchOptions>) {
    const value = options[key];
    if (value !== undefined && Number.isFinite(value)) settings[key] = value;
  }
  return settings;
}

const AMBIGUITY_MARGIN = 0.06;
const CANDIDATE_COUNT = 3;

/** Words after which the real question usually starts ("okay thanks, so moving on, …"). */
const PIVOTS =
  /\b(?:so|okay|ok|alright|all right|anyway|now|next|moving on|lets talk about|lets move on to|switching gears|changing topics?|my next question is|next question is|another question|i want to ask|i wanted to ask|great|cool|perfect|thanks|thank you)\b/g;

/** The text after each of the last few pivot words: candidates for where the question starts. */
function tailsAfterPivots(normalized: string, limit = 3): string[] {
  const cuts = [...normalized.matchAll(PIVOTS)].map((match) => match.index! + match[0].length);
  return cuts
    .slice(-limit)
    .map((cut) => normalized.slice(cut).trim())
    .filter((tail) => tail.split(' ').length >= 2);
}

/** The interviewer's utterances since the candidate last spoke, newest last. */
function recentInterviewerTurn(window: readonly Utterance[], options: Required<MatchOptions>): Utterance[] {
  const turn: Utterance[] = [];
  for (let i = window.length - 1; i >= 0 && turn.length < options.maxUtterances; i--) {
    const utterance = window[i]!;
    if (utterance.speaker !== 'interviewer') break;
    const newer = turn[0];
    if (newer?.endMs !== undefined && utterance.endMs !== undefined && newer.endMs - utterance.endMs > options.maxGapMs) break;
    turn.unshift(utterance);
  }
  return turn;
}

interface Span {
  /** Normalised text with small talk removed. */
  topicText: string;
  asksSomething: boolean;
}

/**
 * Every stretch of the turn that might be the question, shortest first: the last
 * one, two, three utterances, and what follows a pivot ("…so, moving on, …") in
 * them. Small talk is cut out before the pivots are found, so "thanks for joining"
 * cannot leave a stray "joining" behind.
 */
function questionSpans(turn: readonly Utterance[]): Span[] {
  const spans = new Map<string, Span>();
  for (let count = 1; count <= turn.length; count++) {
    const joined = turn
      .slice(-count)
      .map((utterance) => utterance.text)
      .join(' ');
    const signal = detectQuestion(joined);
    spans.set(signal.topicText, signal);
    if (count > 2) continue;
    for (const tail of tailsAfterPivots(signal.topicText)) {
      if (!spans.has(tail)) spans.set(tail, { topicText: tail, asksSomething: signal.asksSomething });
    }
  }
  return [...spans.values()];
}

function noMatch(outcome: MatchOutcome, questionText: string, candidates: RankedEntry[] = []): QuestionMatch {
  return { outcome, candidates, ambiguous: false, questionText, confidence: candidates[0]?.score ?? 0 };
}

/**
 * Decides whether the interviewer just asked a question the knowledge base covers.
 * Reads the interviewer's latest turn (up to a few utterances, since questions often
 * span two segments and follow small talk), tries each plausible span, and keeps the
 * span whose best entry is most confident.
 */
export function matchQuestion(index: QuestionIndex, window: readonly Utterance[], options: MatchOptions = {}): QuestionMatch {
  const settings = withDefaults(options);
  const turn = recentInterviewerTurn(window, settings);
  if (turn.length === 0) return noMatch('empty', '');

  let best: { span: string; ranked: RankedEntry[]; required: number } | undefined;
  let sawOnlySmallTalk = true;
  for (const span of questionSpans(turn)) {
    const terms = termsOfNormalized(span.topicText);
    if (terms.length === 0) continue;
    sawOnlySmallTalk = false;
    const ranked = index.rank(terms, CANDIDATE_COUNT);
    const top = ranked[0];
    if (!top) continue;
    const required = settings.threshold + (span.asksSomething ? 0 : settings.statementPenalty);
    if (!best || top.score - required > best.ranked[0]!.score - best.required) {
      best = { span: span.topicText, ranked, required };
    }
  }

  const lastText = turn[turn.length - 1]!.text;
  if (!best) return noMatch(sawOnlySmallTalk ? 'small-talk' : 'no-match', lastText);
  const [top, runnerUp] = best.ranked;
  if (top!.score < best.required) return noMatch('no-match', best.span, best.ranked);
  return {
    outcome: 'hint',
    best: top,
    candidates: best.ranked,
    ambiguous: runnerUp !== undefined && top!.score - runnerUp.score < AMBIGUITY_MARGIN,
    questionText: best.span,
    confidence: top!.score,
  };
}
