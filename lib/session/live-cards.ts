import type { KnowledgeEntry } from '../knowledge/schema';
import type { TranscriptLine } from '../messaging/runtime-messages';
import { matchQuestion, type MatchOptions, type QuestionMatch } from '../match/match-question';
import type { QuestionIndex, RankedEntry } from '../match/question-index';
import type { NearMissOffer, ShownCard } from '../messaging/runtime-messages';

/** How many recent lines the matcher reads: a question can span a few utterances. */
export const WINDOW_LINES = 4;

/** What a new transcript line means for the live view. */
export type LiveReading =
  /** New questions to show, in the order asked; the last one becomes the card. */
  | { kind: 'card'; match: QuestionMatch; questions: RankedEntry[] }
  /** Nothing confident, but one or two entries are close: offer them as chips. */
  | { kind: 'near-miss'; match: QuestionMatch; nearMisses: RankedEntry[] };

/**
 * Reads the latest transcript for a new question. Returns a hint only when a new
 * interviewer line brings a confident question that differs from the card on screen,
 * so hints never flicker: the candidate's own speech, small talk and repeats keep the
 * current card. A short follow-up leans towards the card on screen; a turn that asks
 * two things gives both; a close call offers chips instead of a card.
 */
export function nextCard(
  index: QuestionIndex,
  lines: readonly TranscriptLine[],
  current: KnowledgeEntry | undefined,
  options: MatchOptions = {},
): LiveReading | null {
  return readLine(index, lines, current, options).reading;
}

/**
 * `nextCard`'s reading together with the match it came from, also when the reading is nothing
 * (the semantic stage reads that match again); no match for a line the candidate said.
 */
export function readLine(
  index: QuestionIndex,
  lines: readonly TranscriptLine[],
  current: KnowledgeEntry | undefined,
  options: MatchOptions = {},
): { reading: LiveReading | null; match: QuestionMatch | null } {
  const last = lines[lines.length - 1];
  if (!last || last.channel !== 'interviewer') return { reading: null, match: null };
  const window = lines
    .slice(-WINDOW_LINES)
    .map((line) => ({ text: line.text, speaker: line.channel, endMs: line.endMs }));
  const match = matchQuestion(index, window, options, { previous: current });
  if (match.outcome === 'card' && match.best) {
    const questions = match.asked.filter((asked) => asked.entry.id !== current?.id);
    return {
      reading:
        match.best.entry.id === current?.id || questions.length === 0 ? null : { kind: 'card', match, questions },
      match,
    };
  }
  const nearMisses = match.nearMisses.filter((candidate) => candidate.entry.id !== current?.id);
  return { reading: nearMisses.length ? { kind: 'near-miss', match, nearMisses } : null, match };
}

/**
 * The cards a hint reading adds to the session, in the order asked; the last one is
 * shown. Each is identified by the line that brought it and its entry, and gets its own
 * time stamp (earlier questions a millisecond apart, before the line's) to keep their order.
 */
export function cardsToShow(
  reading: Extract<LiveReading, { kind: 'card' }>,
  line: Pick<TranscriptLine, 'seq' | 'at'>,
): ShownCard[] {
  const { match, questions } = reading;
  const { at } = line;
  return questions.map((question, position) => {
    const isCard = position === questions.length - 1;
    return {
      line: line.seq,
      entryId: question.entry.id,
      question: question.entry.question,
      confidence: question.score,
      alternatives:
        isCard && match.ambiguous
          ? match.candidates
              .slice(1)
              .map(({ entry, score }) => ({ entryId: entry.id, question: entry.question, score }))
          : [],
      heard: isCard ? match.questionText : '',
      at: at - (questions.length - 1 - position),
    };
  });
}

/** The chips a near-miss reading offers. */
export function nearMissOffer(
  reading: Extract<LiveReading, { kind: 'near-miss' }>,
  line: Pick<TranscriptLine, 'seq' | 'at'>,
): NearMissOffer {
  return {
    line: line.seq,
    entries: reading.nearMisses.map(({ entry }) => ({ entryId: entry.id, question: entry.question })),
    heard: reading.match.questionText,
    at: line.at,
  };
}
