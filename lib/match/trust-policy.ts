import type { MatchOptions } from './match-question';
import type { QuestionIndex, RankedEntry } from './question-index';
import type { Scored } from './span-scoring';

/** A fit this close to 1 is a heading or phrasing matched word for word, both ways. */
const PERFECT_FIT = 0.999;
/** At most this many "Did they ask…?" chips. */
export const MAX_CHIPS = 3;
/** Confidence from which a card reads "strong match". */
export const STRONG_MATCH_CONFIDENCE = 0.8;
/** What a card that wins without a strong lead shows at most: just under the strong band. */
const BELOW_STRONG = 0.79;
/** A strong match leads the runner-up by this many times the pack's chance lead. */
const STRONG_LEAD = 2;
/** A card's lead over the runner-up must reach this many times the pack's chance lead (calibration's noiseMargin). */
const CLEAR_LEAD = 1;
/** A second chip is offered only when it is about as likely as the first. */
const SECOND_CHIP_MARGIN = 0.15;

/** Orders the readings of a turn: a trusted one first, then by how far each clears its bar. */
export const rankSpan = (index: QuestionIndex, scored: Scored, settings: Required<MatchOptions>) =>
  clearance(scored) + (trusted(index, scored, settings) ? 1 : 0);

/** How far a scored span clears its bar (negative when it does not). */
export const clearance = (scored: Scored) => scored.ranked[0]!.score - scored.required;

/** How far the best entry's fit leads the runner-up's. */
const lead = ([top, runnerUp]: readonly RankedEntry[]) => (top && runnerUp ? top.fit - runnerUp.fit : Infinity);

/**
 * The trust policy: a card only when the best entry clearly wins. It clears the bar, the
 * line asks something rather than tells, the entry explains more of the question's terms
 * than noise does, and it leads the runner-up by more than the pack's own held-out
 * questions lead by chance (a follow-up is settled by the card on screen instead).
 */
export function trusted(index: QuestionIndex, scored: Scored, settings: Required<MatchOptions>): boolean {
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
export function shownCard(index: QuestionIndex, scored: Scored, settings: Required<MatchOptions>): RankedEntry {
  const top = scored.ranked[0]!;
  const strong =
    scored.followUp || !settings.trustPolicy || lead(scored.ranked) >= index.calibration.noiseMargin * STRONG_LEAD;
  return strong || top.score < STRONG_MATCH_CONFIDENCE ? top : { ...top, score: BELOW_STRONG };
}

/** Entries worth a "Did they ask…?" chip: the best, and up to two more when about as likely; never for a line that tells or asks nothing. */
export function nearMissesOf(index: QuestionIndex, scored: Scored, settings: Required<MatchOptions>): RankedEntry[] {
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
