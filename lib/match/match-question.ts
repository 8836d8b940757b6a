import type { KnowledgeEntry } from '../knowledge/schema';
import { detectQuestion } from './detect-question';
import { termsOfNormalized } from './match-terms';
import type { CompiledAliases } from './pack-aliases';
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
  /** Below the threshold, an entry this confident is still offered as a "Did they ask…?" chip. */
  chipThreshold?: number;
}

/** What the conversation was about just before: a short follow-up leans towards it. */
export interface MatchContext {
  /** The entry whose card is on screen. */
  previous?: KnowledgeEntry;
}

export type MatchOutcome = 'hint' | 'no-match' | 'small-talk' | 'empty';

export interface QuestionMatch {
  outcome: MatchOutcome;
  /** The entry to show; set only when outcome is "hint". */
  best?: RankedEntry;
  /**
   * Every distinct question confidently asked in this turn, `best` last: "what's dropout,
   * and how is it different from L2?" gives two. One entry when the turn asks one thing.
   */
  asked: RankedEntry[];
  /** When no hint is confident: one or two entries close enough to offer as chips. */
  nearMisses: RankedEntry[];
  /** The best few candidates whatever the outcome, for "did you mean" choices. */
  candidates: RankedEntry[];
  /** True when the runner-up is close enough that the user may want to pick. */
  ambiguous: boolean;
  /** The part of the transcript that was read as the question. */
  questionText: string;
  confidence: number;
}

/** A chip needs this much confidence: enough to be worth a glance, far below a card. */
const CHIP_THRESHOLD = 0.3;

export const DEFAULT_MATCH_OPTIONS: Required<MatchOptions> = {
  threshold: 0.45,
  statementPenalty: 0.12,
  maxUtterances: 3,
  maxGapMs: 20_000,
  chipThreshold: CHIP_THRESHOLD,
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
/** A second chip is offered only when it is about as likely as the first. */
const SECOND_CHIP_MARGIN = 0.15;
/** How many candidates a follow-up re-ranks against the previous entry. */
const FOLLOW_UP_POOL = 10;
/** Confidence added to an entry the previous card points to (a follow-up it lists, or a close neighbour). */
const FOLLOW_UP_BONUS = 0.2;
/** A follow-up is short: at most this many topic terms. */
const FOLLOW_UP_MAX_TERMS = 4;

/** Words after which the real question usually starts ("okay thanks, so moving on, …"). */
const PIVOTS =
  /\b(?:so|okay|ok|alright|all right|anyway|now|next|moving on|lets talk about|lets move on to|switching gears|changing topics?|my next question is|next question is|another question|i want to ask|i wanted to ask|great|cool|perfect|thanks|thank you)\b/g;

/** Where one question ends and another begins inside a turn: a question mark, or "and"/"also" before a question word. */
const QUESTION_BREAK = /\?\s+|[,;]?\s+\b(?:and|also|plus|then)\s+(?=(?:also\s+)?(?:what|whats|how|why|when|which|who|where|can you|could you|would you|do you|is there|are there|explain|describe|tell me)\b)/gi;

/** Words that make a short utterance lean on what was just discussed. */
const ANAPHORA = /\b(?:that|this|it|those|them|these|there)\b|^(?:and|so|what about|how about)\b/;

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
function questionSpans(turn: readonly Utterance[], aliases: CompiledAliases): Span[] {
  const spans = new Map<string, Span>();
  for (let count = 1; count <= turn.length; count++) {
    const joined = turn
      .slice(-count)
      .map((utterance) => utterance.text)
      .join(' ');
    const signal = detectQuestion(joined, aliases);
    spans.set(signal.topicText, signal);
    if (count > 2) continue;
    for (const tail of tailsAfterPivots(signal.topicText)) {
      if (!spans.has(tail)) spans.set(tail, { topicText: tail, asksSomething: signal.asksSomething });
    }
  }
  return [...spans.values()];
}

/** The questions of the turn's last utterance when it asks more than one, in order; empty otherwise. */
function separateQuestions(turn: readonly Utterance[], aliases: CompiledAliases): Span[] {
  // Spaces collapsed first: QUESTION_BREAK's "\s+" backtracks over a long run at every position in it.
  const parts = turn[turn.length - 1]!.text.replace(/\s+/g, ' ').split(QUESTION_BREAK).filter((part) => part.trim());
  if (parts.length < 2) return [];
  return parts.map((part) => detectQuestion(part, aliases)).filter((span) => span.topicText);
}

interface Scored {
  span: string;
  asksSomething: boolean;
  ranked: RankedEntry[];
  required: number;
}

function noMatch(outcome: MatchOutcome, questionText: string, candidates: RankedEntry[] = [], nearMisses: RankedEntry[] = []): QuestionMatch {
  return { outcome, candidates, asked: [], nearMisses, ambiguous: false, questionText, confidence: candidates[0]?.score ?? 0 };
}

/**
 * Leans a short follow-up ("and how would you monitor that?") towards what the card on
 * screen points to: an entry matching one of its listed follow-ups, or a neighbour in
 * the same category sharing a tag. The previous entry itself is not offered again.
 */
function preferFollowUps(index: QuestionIndex, ranked: RankedEntry[], previous: KnowledgeEntry): RankedEntry[] {
  const termsOf = (text: string) => termsOfNormalized(detectQuestion(text, index.aliases).topicText);
  const followUpTerms = previous.outline.followUps.map((text) => new Set(termsOf(text)));
  const previousTags = new Set(previous.tags);
  const leaning = (entry: KnowledgeEntry): number => {
    const questionTerms = termsOf(entry.question);
    const listed = followUpTerms.some((terms) => questionTerms.filter((term) => terms.has(term)).length >= Math.min(2, terms.size));
    if (listed) return 1;
    return entry.category === previous.category && entry.tags.some((tag) => previousTags.has(tag)) ? 0.5 : 0;
  };
  return ranked
    .filter((candidate) => candidate.entry.id !== previous.id)
    .map((candidate) => ({ ...candidate, score: Math.min(1, candidate.score + FOLLOW_UP_BONUS * leaning(candidate.entry)) }))
    .sort((a, b) => b.score - a.score);
}

/** Ranks the entries for one span; undefined when the span has no topic word or nothing matches. */
function scoreSpan(index: QuestionIndex, span: Span, terms: readonly string[], settings: Required<MatchOptions>, previous: KnowledgeEntry | undefined): Scored | undefined {
  if (terms.length === 0) return undefined;
  const followUp = previous !== undefined && terms.length <= FOLLOW_UP_MAX_TERMS && ANAPHORA.test(span.topicText);
  let ranked = index.rank(terms, followUp ? FOLLOW_UP_POOL : CANDIDATE_COUNT);
  if (followUp) ranked = preferFollowUps(index, ranked, previous).slice(0, CANDIDATE_COUNT);
  if (ranked.length === 0) return undefined;
  return { span: span.topicText, asksSomething: span.asksSomething, ranked, required: settings.threshold + (span.asksSomething ? 0 : settings.statementPenalty) };
}

/** How far a scored span clears its bar (negative when it does not). */
const clearance = (scored: Scored) => scored.ranked[0]!.score - scored.required;

/** Entries worth a "Did they ask…?" chip: the best, and a second only when about as likely; never for chatter that asks nothing. */
function nearMissesOf(scored: Scored, settings: Required<MatchOptions>): RankedEntry[] {
  if (!scored.asksSomething) return [];
  const [first, second] = scored.ranked;
  if (!first || first.score < settings.chipThreshold) return [];
  return second && second.score >= settings.chipThreshold && first.score - second.score <= SECOND_CHIP_MARGIN ? [first, second] : [first];
}

/**
 * Decides whether the interviewer just asked a question the knowledge base covers.
 * Reads the interviewer's latest turn (up to a few utterances, since questions often
 * span two segments and follow small talk), tries each plausible span, and keeps the
 * span whose best entry is most confident. A turn that asks two things gives both;
 * a short follow-up leans towards the card on screen; a close miss gives chips.
 */
export function matchQuestion(index: QuestionIndex, window: readonly Utterance[], options: MatchOptions = {}, context: MatchContext = {}): QuestionMatch {
  const settings = withDefaults(options);
  const turn = recentInterviewerTurn(window, settings);
  if (turn.length === 0) return noMatch('empty', '');

  let best: Scored | undefined;
  let sawOnlySmallTalk = true;
  for (const span of questionSpans(turn, index.aliases)) {
    const terms = termsOfNormalized(span.topicText);
    if (terms.length > 0) sawOnlySmallTalk = false;
    const scored = scoreSpan(index, span, terms, settings, context.previous);
    if (scored && (!best || clearance(scored) > clearance(best))) best = scored;
  }

  const lastText = turn[turn.length - 1]!.text;
  if (!best) return noMatch(sawOnlySmallTalk ? 'small-talk' : 'no-match', lastText);
  const asked = askedInOrder(index, turn, settings, context.previous);
  if (clearance(best) < 0 && asked.length === 0) {
    return noMatch('no-match', best.span, best.ranked, nearMissesOf(best, settings));
  }
  // The card is the best reading of the whole turn; the other questions it asked are listed beside it.
  const chosen = clearance(best) >= 0 ? best : asked[asked.length - 1]!;
  const top = chosen.ranked[0]!;
  const others = asked.map((scored) => scored.ranked[0]!).filter((entry) => entry.entry.id !== top.entry.id);
  return {
    outcome: 'hint',
    best: top,
    asked: [...others, top],
    nearMisses: [],
    candidates: chosen.ranked,
    ambiguous: isClose(chosen.ranked),
    questionText: chosen.span,
    confidence: top.score,
  };
}

function isClose([top, runnerUp]: readonly RankedEntry[]): boolean {
  return top !== undefined && runnerUp !== undefined && top.score - runnerUp.score < AMBIGUITY_MARGIN;
}

/** The confidently matched questions of a multi-question utterance, in order, one per entry. */
function askedInOrder(index: QuestionIndex, turn: readonly Utterance[], settings: Required<MatchOptions>, previous: KnowledgeEntry | undefined): Scored[] {
  const asked: Scored[] = [];
  for (const span of separateQuestions(turn, index.aliases)) {
    const scored = scoreSpan(index, span, termsOfNormalized(span.topicText), settings, previous);
    if (!scored || clearance(scored) < 0) continue;
    const entryId = scored.ranked[0]!.entry.id;
    const earlier = asked.findIndex((known) => known.ranked[0]!.entry.id === entryId);
    if (earlier >= 0) asked.splice(earlier, 1);
    asked.push(scored);
  }
  return asked;
}
