import type { TranscriptLine } from '../messaging/runtime-messages';
import { matchQuestion, type MatchOptions, type QuestionMatch } from '../match/match-question';
import type { QuestionIndex } from '../match/question-index';

/** How many recent lines the matcher reads: a question can span a few utterances. */
const WINDOW_LINES = 4;

/**
 * Reads the latest transcript for a new question. Returns the match only when a new
 * interviewer line brings a confident question that differs from the hint on screen,
 * so hints never flicker: the candidate's own speech, small talk and repeats keep the
 * current card.
 */
export function nextHint(
  index: QuestionIndex,
  lines: readonly TranscriptLine[],
  currentEntryId: string | undefined,
  options: MatchOptions = {},
): QuestionMatch | null {
  const last = lines[lines.length - 1];
  if (!last || last.channel !== 'interviewer') return null;
  const window = lines.slice(-WINDOW_LINES).map((line) => ({ text: line.text, speaker: line.channel, endMs: line.endMs }));
  const match = matchQuestion(index, window, options);
  if (match.outcome !== 'hint' || !match.best || match.best.entry.id === currentEntryId) return null;
  return match;
}
