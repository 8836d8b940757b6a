import type { KnowledgeEntry } from '../knowledge/schema';
import { detectQuestion } from './detect-question';
import type { MatchOptions } from './match-question';
import { termsOfNormalized } from './match-terms';
import type { QuestionIndex, RankedEntry } from './question-index';
import type { Span } from './turn-spans';

/** How many entries a span's ranking keeps: the card, and the runners-up a close call offers. */
const CANDIDATE_COUNT = 3;
/** How many candidates a follow-up re-ranks against the previous entry. */
const FOLLOW_UP_POOL = 10;
/** Confidence added to an entry the previous card points to (a follow-up it lists, or a close neighbour). */
const FOLLOW_UP_BONUS = 0.2;
/** A follow-up is short: at most this many topic terms. */
const FOLLOW_UP_MAX_TERMS = 4;

/** Words that make a short utterance lean on what was just discussed. */
const ANAPHORA = /\b(?:that|this|it|those|them|these|there)\b|^(?:and|so|what about|how about)\b/;

/** One reading of the turn with the entries ranked for it, and the confidence it must reach. */
export interface Scored {
  span: string;
  asksSomething: boolean;
  isStatement: boolean;
  /** Leaned towards the card on screen: the previous card already settles a close call. */
  followUp: boolean;
  ranked: RankedEntry[];
  required: number;
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
export function scoreSpan(
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
