import { matchQuestion, type MatchOptions, type QuestionMatch } from '../match/match-question';
import type { QuestionIndex } from '../match/question-index';
import { applySemanticStage, type SemanticDecision, type SemanticIndex } from '../match/semantic-stage';
import type { SentenceEncoder } from '../match/sentence-encoder';
import type { MatchCase } from './evaluate-matcher';

export interface SemanticRefinement {
  /** For `evaluateMatcher`: the semantic stage on each case's lexical match. */
  refine: (match: QuestionMatch, caseIndex: number) => QuestionMatch;
  /** How often the stage took each decision. */
  decisions: Record<SemanticDecision, number>;
}

/**
 * Embeds each case's question text (as the lexical matcher reads it) ahead of time, so the
 * evaluation itself stays synchronous and its timings stay the lexical matcher's.
 */
export async function semanticRefinement(
  index: QuestionIndex,
  cases: readonly MatchCase[],
  options: MatchOptions,
  encoder: SentenceEncoder,
  semantic: SemanticIndex,
): Promise<SemanticRefinement> {
  const texts = cases.map(
    (matchCase) => matchQuestion(index, [{ text: matchCase.utterance, speaker: 'interviewer' }], options).questionText,
  );
  const vectors = await encoder.embed(texts);
  const decisions: Record<SemanticDecision, number> = { abstain: 0, unchanged: 0, alternative: 0, chips: 0, card: 0 };
  return {
    decisions,
    refine(match, caseIndex) {
      const result = applySemanticStage(match, semantic, vectors[caseIndex]!);
      decisions[result.decision]++;
      return result.match;
    },
  };
}
