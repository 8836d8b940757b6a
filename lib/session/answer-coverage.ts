import { keywordOf } from '../card/build-card';
import type { KnowledgeEntry } from '../knowledge/schema';
import { matchTerms, termWeightFactor } from '../match/match-terms';
import { NO_ALIASES, type CompiledAliases } from '../match/pack-aliases';
import type { TranscriptLine } from '../messaging/runtime-messages';

export interface PointCoverage {
  point: string;
  covered: boolean;
}

/**
 * Which key points of an outline the candidate's answer touched. A point counts as
 * covered when every topic word of its lead ("Reweight", "Metrics first") was said,
 * or when at least half of all its topic words (two at most) were. Speech-recognition
 * text goes through the same normalisation as the matcher, with the same pack aliases.
 */
export function answerCoverage(
  entry: KnowledgeEntry,
  answer: readonly string[],
  aliases: CompiledAliases = NO_ALIASES,
): PointCoverage[] {
  const topicTerms = (text: string) => [
    ...new Set(matchTerms(text, aliases).filter((term) => termWeightFactor(term) === 1)),
  ];
  const said = new Set(answer.flatMap((text) => matchTerms(text, aliases)));
  return entry.outline.keyPoints.map((point) => {
    const lead = topicTerms(keywordOf(point));
    const all = topicTerms(point);
    const shared = all.filter((term) => said.has(term)).length;
    const covered =
      (lead.length > 0 && lead.every((term) => said.has(term))) ||
      (all.length > 0 && shared >= Math.min(2, Math.ceil(all.length / 2)));
    return { point, covered };
  });
}

/** The candidate's answer to a question: their lines after it was asked, before the next one. */
export function linesOfAnswer(
  lines: readonly TranscriptLine[],
  askedAt: number,
  nextAskedAt = Number.POSITIVE_INFINITY,
): TranscriptLine[] {
  return lines.filter((line) => line.channel === 'candidate' && line.at >= askedAt && line.at < nextAskedAt);
}

/** What the candidate said in answer to a question (see `linesOfAnswer`). */
export function answerLines(
  lines: readonly TranscriptLine[],
  askedAt: number,
  nextAskedAt = Number.POSITIVE_INFINITY,
): string[] {
  return linesOfAnswer(lines, askedAt, nextAskedAt).map((line) => line.text);
}
