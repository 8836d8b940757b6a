import type { KnowledgeEntry } from '../knowledge/schema';
import { detectQuestion } from './detect-question';
import { termsOfNormalized } from './match-terms';
import type { QuestionIndex, RankedEntry } from './question-index';
import { scoreSpan, type Scored } from './span-scoring';
import { clearance, MAX_CHIPS, nearMissesOf, rankSpan, shownCard, trusted } from './trust-policy';
import { questionSpans, recentInterviewerTurn, separateQuestions } from './turn-spans';

export { STRONG_MATCH_CONFIDENCE } from './trust-policy';

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

export type MatchOutcome = 'card' | 'no-match' | 'small-talk' | 'empty';

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

/** Runners-up this close to the card make the match ambiguous: the user may want to pick. */
const AMBIGUITY_MARGIN = 0.06;

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
    outcome: 'card',
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
