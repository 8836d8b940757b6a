import type { QuestionMatch } from '../match/match-question';
import type { SemanticIndex, SemanticResult } from '../match/semantic-stage';
import type { NearMissOffer, ShownCard, TranscriptLine } from '../messaging/runtime-messages';
import { cardsToShow, type LiveReading } from './live-cards';

/** The optional sentence model, as the session owner uses it. */
export interface SemanticPlatform {
  /** The semantic index of the knowledge on now (entry vectors embedded once, then cached). */
  index(): Promise<SemanticIndex>;
  /** The sentence model's vector for one text. */
  embed(text: string): Promise<Float32Array>;
}

/** What the semantic stage adds to a line's lexical reading, as the owner publishes it. */
export type SemanticAddition =
  /** Chips where the lexical matcher had none, or other ones. */
  | { kind: 'near-misses'; offer: NearMissOffer }
  /** The lexical card, re-sent with the encoder's confident choice among its alternatives. */
  | { kind: 'alternatives'; card: ShownCard }
  /** A card where the lexical matcher had none. */
  | { kind: 'card'; cards: ShownCard[] };

const sameEntries = (a: readonly { entry: { id: string } }[], b: readonly { entry: { id: string } }[]) =>
  a.length === b.length && a.every((item, i) => item.entry.id === b[i]!.entry.id);

/**
 * Turns the stage's result into what to add on screen, or null: it only adds (a card already
 * shown stays the card), never repeats what the lexical reading already showed, and never
 * offers the card that is on screen.
 */
export function semanticAddition(
  result: SemanticResult,
  lexical: LiveReading | null,
  current: string | undefined,
  line: Pick<TranscriptLine, 'seq' | 'at'>,
): SemanticAddition | null {
  const { match } = result;
  switch (result.decision) {
    case 'abstain':
    case 'unchanged':
      return null;
    case 'alternative': {
      if (lexical?.kind !== 'card') return null;
      const shown = cardsToShow({ kind: 'card', match, questions: lexical.questions }, line);
      return { kind: 'alternatives', card: shown[shown.length - 1]! };
    }
    case 'card': {
      if (lexical?.kind === 'card' || !match.best || match.best.entry.id === current) return null;
      return { kind: 'card', cards: cardsToShow({ kind: 'card', match, questions: [match.best] }, line) };
    }
    case 'chips': {
      if (lexical?.kind === 'card') return null;
      const nearMisses = match.nearMisses.filter((chip) => chip.entry.id !== current);
      if (nearMisses.length === 0 || (lexical && sameEntries(nearMisses, lexical.nearMisses))) return null;
      return {
        kind: 'near-misses',
        offer: {
          line: line.seq,
          entries: nearMisses.map(({ entry }) => ({ entryId: entry.id, question: entry.question })),
          heard: match.questionText,
          at: line.at,
        },
      };
    }
    default: {
      const unhandled: never = result.decision;
      return unhandled;
    }
  }
}

/** Whether a lexical match is worth a second opinion: something was said that could be a question. */
export function worthEmbedding(match: QuestionMatch | null): match is QuestionMatch {
  return (
    match !== null && match.outcome !== 'small-talk' && match.outcome !== 'empty' && match.questionText.trim() !== ''
  );
}
