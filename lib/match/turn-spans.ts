import { anyOf } from './any-of';
import { detectQuestion } from './detect-question';
import type { MatchOptions, Utterance } from './match-question';
import type { CompiledAliases } from './pack-aliases';

/** Words after which the real question usually starts ("okay thanks, so moving on, …"). */
const PIVOTS = new RegExp(
  String.raw`\b${anyOf(`
      so, okay, ok, alright, all right, anyway, now, next, moving on, lets talk about, lets move on to,
      switching gears, changing topics?, my next question is, next question is, another question, i want to ask,
      i wanted to ask, great, cool, perfect, thanks, thank you
    `)}\b`,
  'g',
);

/** Where one question ends and another begins inside a turn: a question mark, or "and"/"also" before a question word. */
const QUESTION_BREAK =
  /\?\s+|[,;]?\s+\b(?:and|also|plus|then)\s+(?=(?:also\s+)?(?:what|whats|how|why|when|which|who|where|can you|could you|would you|do you|is there|are there|explain|describe|tell me)\b)/gi;

/** The text after each of the last few pivot words: candidates for where the question starts. */
function tailsAfterPivots(normalized: string, limit = 3): string[] {
  const cuts = [...normalized.matchAll(PIVOTS)].map((match) => match.index + match[0].length);
  return cuts
    .slice(-limit)
    .map((cut) => normalized.slice(cut).trim())
    .filter((tail) => tail.split(' ').length >= 2);
}

/** The interviewer's utterances since the candidate last spoke, newest last. */
export function recentInterviewerTurn(window: readonly Utterance[], options: Required<MatchOptions>): Utterance[] {
  const turn: Utterance[] = [];
  for (let i = window.length - 1; i >= 0 && turn.length < options.maxUtterances; i--) {
    const utterance = window[i]!;
    if (utterance.speaker !== 'interviewer') break;
    const newer = turn[0];
    if (newer?.endMs !== undefined && utterance.endMs !== undefined && newer.endMs - utterance.endMs > options.maxGapMs)
      break;
    turn.unshift(utterance);
  }
  return turn;
}

/** One stretch of the turn that may be the question. */
export interface Span {
  /** Normalised text with small talk removed. */
  topicText: string;
  asksSomething: boolean;
  /** Tells rather than asks ("we use xgboost a lot here"): never a card, never chips. */
  isStatement: boolean;
  /** What was said before the asking clause, when the span is that clause: weaker evidence. */
  context?: string;
}

/**
 * Every stretch of the turn that might be the question, shortest first: the last
 * one, two, three utterances, and what follows a pivot ("…so, moving on, …") in
 * them. Small talk is cut out before the pivots are found, so "thanks for joining"
 * cannot leave a stray "joining" behind.
 */
export function questionSpans(turn: readonly Utterance[], aliases: CompiledAliases, policy: boolean): Span[] {
  const spans = new Map<string, Span>();
  for (let count = 1; count <= turn.length; count++) {
    const joined = turn
      .slice(-count)
      .map((utterance) => utterance.text)
      .join(' ');
    const detected = detectQuestion(joined, aliases);
    // Without the trust policy (the ablation) a statement is only a line that asks nothing, as before.
    const signal = policy ? detected : { ...detected, isStatement: false, askingText: undefined };
    spans.set(signal.topicText, signal);
    // The clause that asks, with what came before it as context: "we run a marketplace … how would you catch fraud".
    if (signal.askingText && !spans.has(signal.askingText)) {
      const context = signal.topicText.slice(0, signal.topicText.length - signal.askingText.length);
      spans.set(signal.askingText, { topicText: signal.askingText, asksSomething: true, isStatement: false, context });
    }
    if (count > 2) continue;
    for (const tail of tailsAfterPivots(signal.topicText)) {
      if (!spans.has(tail))
        spans.set(tail, { topicText: tail, asksSomething: signal.asksSomething, isStatement: signal.isStatement });
    }
  }
  return [...spans.values()];
}

/** The questions of the turn's last utterance when it asks more than one, in order; empty otherwise. */
export function separateQuestions(turn: readonly Utterance[], aliases: CompiledAliases): Span[] {
  // Spaces collapsed first: QUESTION_BREAK's "\s+" backtracks over a long run at every position in it.
  const parts = turn[turn.length - 1]!.text.replace(/\s+/g, ' ')
    .split(QUESTION_BREAK)
    .filter((part) => part.trim());
  if (parts.length < 2) return [];
  return parts.map((part) => detectQuestion(part, aliases)).filter((span) => span.topicText);
}
