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
  /**
   * The trust policy (on by default): a card only when the best entry clearly wins,
   * statements never, context read apart from the asking clause. Off for the ablation only.
   */
  trustPolicy?: boolean;
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
  trustPolicy: true,
};

/** Options with every unset (or explicitly undefined) field taken from the defaults. */
function withDefaults(options: MatchOptions): Required<MatchOptions> {
  const settings = { ...DEFAULT_MATCH_OPTIONS };
  for (const key of ['threshold', 'statementPenalty', 'maxUtterances', 'maxGapMs', 'chipThreshold'] as const) {
    const value = options[key];
    if (value !== undefined && Number.isFinite(value)) settings[key] = value;
  }
  settings.trustPolicy = options.trustPolicy ?? true;
  return settings;
}

const AMBIGUITY_MARGIN = 0.06;
/** A fit this close to 1 is a heading or phrasing matched word for word, both ways. */
const PERFECT_FIT = 0.999;
/** At most this many "Did they ask…?" chips. */
const MAX_CHIPS = 3;
/** Confidence from which a card reads "strong match". */
export const STRONG_MATCH_CONFIDENCE = 0.8;
/** What a card that wins without a strong lead shows at most: just under the strong band. */
const BELOW_STRONG = 0.79;
/** A strong match leads the runner-up by this many times the pack's chance lead. */
const STRONG_LEAD = 2;
/** A card's lead over the runner-up must reach this many times the pack's chance lead (calibration's noiseMargin). */
const CLEAR_LEAD = 1;
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
const QUESTION_BREAK =
  /\?\s+|[,;]?\s+\b(?:and|also|plus|then)\s+(?=(?:also\s+)?(?:what|whats|how|why|when|which|who|where|can you|could you|would you|do you|is there|are there|explain|describe|tell me)\b)/gi;

/** Words that make a short utterance lean on what was just discussed. */
const ANAPHORA = /\b(?:that|this|it|those|them|these|there)\b|^(?:and|so|what about|how about)\b/;

/** The text after each of the last few pivot words: candidates for where the question starts. */
function tailsAfterPivots(normalized: string, limit = 3): string[] {
  const cuts = [...normalized.matchAll(PIVOTS)].map((match) => match.index + match[0].length);
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
    if (newer?.endMs !== undefined && utterance.endMs !== undefined && newer.endMs - utterance.endMs > options.maxGapMs)
      break;
    turn.unshift(utterance);
  }
  return turn;
}

interface Span {
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
function questionSpans(turn: readonly Utterance[], aliases: CompiledAliases, policy: boolean): Span[] {
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
function separateQuestions(turn: readonly Utterance[], aliases: CompiledAliases): Span[] {
  // Spaces collapsed first: QUESTION_BREAK's "\s+" backtracks over a long run at every position in it.
  const parts = turn[turn.length - 1]!.text.replace(/\s+/g, ' ')
    .split(QUESTION_BREAK)
    .filter((part) => part.trim());
  if (parts.length < 2) return [];
  return parts.map((part) => detectQuestion(part, aliases)).filter((span) => span.topicText);
}

interface Scored {
  span: string;
  asksSomething: boolean;
  isStatement: boolean;
  /** Leaned towards the card on screen: the previous card already settles a close call. */
  followUp: boolean;
  ranked: RankedEntry[];
  required: number;
}

function noMatch(
  outcome: MatchOutcome,
  questionText: string,
  candidates: RankedEntry[] = [],
  nearMisses: RankedEntry[] = [],
): QuestionMatch {
  return {
    outcome,
    candidates,
    asked: [],
    nearMisses,
    ambiguous: false,
    questionText,
    confidence: candidates[0]?.score ?? 0,
  };
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
    const listed = followUpTerms.some(
      (terms) => questionTerms.filter((term) => terms.has(term)).length >= Math.min(2, terms.size),
    );
    if (listed) return 1;
    return entry.category === previous.category && entry.tags.some((tag) => previousTags.has(tag)) ? 0.5 : 0;
  };
  return ranked
    .filter((candidate) => candidate.entry.id !== previous.id)
    .map((candidate) => ({
      ...candidate,
      score: Math.min(1, candidate.score + FOLLOW_UP_BONUS * leaning(candidate.entry)),
    }))
    .sort((a, b) => b.score - a.score);
}

/** Ranks the entries for one span; undefined when the span has no topic word or nothing matches. */
function scoreSpan(
  index: QuestionIndex,
  span: Span,
  terms: readonly string[],
  settings: Required<MatchOptions>,
  previous: KnowledgeEntry | undefined,
): Scored | undefined {
  if (terms.length === 0) return undefined;
  const followUp = previous !== undefined && terms.length <= FOLLOW_UP_MAX_TERMS && ANAPHORA.test(span.topicText);
  const context = span.context ? termsOfNormalized(span.context) : [];
  let ranked = index.rank(terms, followUp ? FOLLOW_UP_POOL : CANDIDATE_COUNT, context);
  if (followUp) ranked = preferFollowUps(index, ranked, previous).slice(0, CANDIDATE_COUNT);
  if (ranked.length === 0) return undefined;
  const required = settings.threshold + (span.asksSomething ? 0 : settings.statementPenalty);
  return {
    span: span.topicText,
    asksSomething: span.asksSomething,
    isStatement: span.isStatement,
    followUp,
    ranked,
    required,
  };
}

/** Orders the readings of a turn: a trusted one first, then by how far each clears its bar. */
const rankSpan = (index: QuestionIndex, scored: Scored, settings: Required<MatchOptions>) =>
  clearance(scored) + (trusted(index, scored, settings) ? 1 : 0);

/** How far a scored span clears its bar (negative when it does not). */
const clearance = (scored: Scored) => scored.ranked[0]!.score - scored.required;

/** How far the best entry's fit leads the runner-up's. */
const lead = ([top, runnerUp]: readonly RankedEntry[]) => (top && runnerUp ? top.fit - runnerUp.fit : Infinity);

/**
 * The trust policy: a card only when the best entry clearly wins. It clears the bar, the
 * line asks something rather than tells, the entry explains more of the question's terms
 * than noise does, and it leads the runner-up by more than the pack's own held-out
 * questions lead by chance (a follow-up is settled by the card on screen instead).
 */
function trusted(index: QuestionIndex, scored: Scored, settings: Required<MatchOptions>): boolean {
  if (clearance(scored) < 0 || scored.isStatement) return false;
  if (scored.followUp || !settings.trustPolicy) return true;
  const { noiseMargin, noiseUnexplained } = index.calibration;
  const top = scored.ranked[0]!;
  // An entry silent on as much of the question as noise usually is does not explain it.
  if (top.unexplained >= noiseUnexplained) return false;
  // A perfect fit is one of the entry's own headings or phrasings, word for word; the user's
  // own entry wins a close call with a shipped one, as it wins a near-tie in the ranking.
  const runnerUp = scored.ranked[1];
  const ownWins = index.isOwn(top.entry.id) && runnerUp !== undefined && !index.isOwn(runnerUp.entry.id);
  return top.fit >= PERFECT_FIT || ownWins || lead(scored.ranked) >= noiseMargin * CLEAR_LEAD;
}

/**
 * The card as shown: its confidence reaches the "strong match" band only when it leads the
 * runner-up by twice the pack's chance lead; a card that merely wins is at most a likely match.
 */
function shownCard(index: QuestionIndex, scored: Scored, settings: Required<MatchOptions>): RankedEntry {
  const top = scored.ranked[0]!;
  const strong =
    scored.followUp || !settings.trustPolicy || lead(scored.ranked) >= index.calibration.noiseMargin * STRONG_LEAD;
  return strong || top.score < STRONG_MATCH_CONFIDENCE ? top : { ...top, score: BELOW_STRONG };
}

/** Entries worth a "Did they ask…?" chip: the best, and up to two more when about as likely; never for a line that tells or asks nothing. */
function nearMissesOf(index: QuestionIndex, scored: Scored, settings: Required<MatchOptions>): RankedEntry[] {
  if (!scored.asksSomething || scored.isStatement) return [];
  const [first, ...rest] = scored.ranked;
  if (!first || first.score < settings.chipThreshold) return [];
  // An entry within the lead that chance gives is as likely as the first, however the confidence curve spreads them.
  const close = (other: RankedEntry) =>
    first.score - other.score <= SECOND_CHIP_MARGIN ||
    (settings.trustPolicy && first.fit - other.fit < index.calibration.noiseMargin * CLEAR_LEAD);
  const chips = [first, ...rest.filter((other) => other.score >= settings.chipThreshold && close(other))];
  return chips.slice(0, settings.trustPolicy ? MAX_CHIPS : 2);
}

/**
 * Decides whether the interviewer just asked a question the knowledge base covers.
 * Reads the interviewer's latest turn (up to a few utterances, since questions often
 * span two segments and follow small talk), tries each plausible span, and keeps the
 * span whose best entry is most confident. A turn that asks two things gives both;
 * a short follow-up leans towards the card on screen; a close miss gives chips.
 */
export function matchQuestion(
  index: QuestionIndex,
  window: readonly Utterance[],
  options: MatchOptions = {},
  context: MatchContext = {},
): QuestionMatch {
  const settings = withDefaults(options);
  const turn = recentInterviewerTurn(window, settings);
  if (turn.length === 0) return noMatch('empty', '');

  let best: Scored | undefined;
  let sawOnlySmallTalk = true;
  for (const span of questionSpans(turn, index.aliases, settings.trustPolicy)) {
    const terms = termsOfNormalized(span.topicText);
    if (terms.length > 0) sawOnlySmallTalk = false;
    const scored = scoreSpan(index, span, terms, settings, context.previous);
    if (scored && (!best || rankSpan(index, scored, settings) > rankSpan(index, best, settings))) best = scored;
  }

  const lastText = turn[turn.length - 1]!.text;
  if (!best)
    return sawOnlySmallTalk ? noMatch('small-talk', lastText) : byMeaning(index, lastText, undefined, settings);
  const asked = askedInOrder(index, turn, settings, context.previous);
  // A reading that clears the bar without clearly winning offers chips, rather than a card for a lesser part of the turn.
  if (!trusted(index, best, settings) && (asked.length === 0 || clearance(best) >= 0)) {
    return byMeaning(index, lastText, best, settings);
  }
  // The card is the best reading of the whole turn; the other questions it asked are listed beside it.
  const chosen = trusted(index, best, settings) ? best : asked[asked.length - 1]!;
  const top = shownCard(index, chosen, settings);
  const others = asked
    .map((scored) => shownCard(index, scored, settings))
    .filter((entry) => entry.entry.id !== top.entry.id);
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

/**
 * Where the words alone give no card, the semantic encoder (when the pack has one that
 * passed its calibration) may add its closest entry as a chip, if that entry sits above
 * the pack's noise level and is not offered yet. It never makes a card: on the development
 * sets, agreement between words and vectors still gave wrong cards. A line that tells or
 * asks nothing gets nothing from it.
 */
function byMeaning(
  index: QuestionIndex,
  text: string,
  best: Scored | undefined,
  settings: Required<MatchOptions>,
): QuestionMatch {
  const lexical = best
    ? noMatch('no-match', best.span, best.ranked, nearMissesOf(index, best, settings))
    : noMatch('no-match', text);
  const semantic = index.calibration.semantic;
  if (!semantic?.active || lexical.nearMisses.length >= MAX_CHIPS) return lexical;
  const signal = detectQuestion(text, index.aliases);
  if (signal.isStatement || !signal.asksSomething) return lexical;
  const [first] = index.rankByMeaning(text, 1);
  if (
    !first ||
    first.similarity < semantic.noise ||
    lexical.nearMisses.some((chip) => chip.entry.id === first.entry.id)
  )
    return lexical;
  const chip = best?.ranked.find((candidate) => candidate.entry.id === first.entry.id) ?? {
    entry: first.entry,
    score: settings.chipThreshold,
    fit: 0,
    unexplained: 1,
  };
  return { ...lexical, nearMisses: [...lexical.nearMisses, chip] };
}

function isClose([top, runnerUp]: readonly RankedEntry[]): boolean {
  return top !== undefined && runnerUp !== undefined && top.score - runnerUp.score < AMBIGUITY_MARGIN;
}

/** The confidently matched questions of a multi-question utterance, in order, one per entry. */
function askedInOrder(
  index: QuestionIndex,
  turn: readonly Utterance[],
  settings: Required<MatchOptions>,
  previous: KnowledgeEntry | undefined,
): Scored[] {
  const asked: Scored[] = [];
  for (const span of separateQuestions(turn, index.aliases)) {
    const scored = scoreSpan(index, span, termsOfNormalized(span.topicText), settings, previous);
    if (!scored || !trusted(index, scored, settings)) continue;
    const entryId = scored.ranked[0]!.entry.id;
    const earlier = asked.findIndex((known) => known.ranked[0]!.entry.id === entryId);
    if (earlier >= 0) asked.splice(earlier, 1);
    asked.push(scored);
  }
  return asked;
}
