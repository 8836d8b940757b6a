import type { KnowledgeEntry } from '../knowledge/schema';
import { matchQuestion } from './match-question';
import type { QuestionIndex } from './question-index';

/**
 * How closely a new question's words and a stored heading's words must coincide for
 * the two to count as the same question. This is the raw fit, not the calibrated
 * confidence: a related question can be a confident hint and still be worth keeping.
 */
const DUPLICATE_FIT = 0.9;

export interface ImportMatch {
  /** The stored entry that asks the same thing, if any. */
  duplicateOf?: KnowledgeEntry;
  /** The closest confident entry, whose category a new question can borrow. */
  similar?: KnowledgeEntry;
}

/** Compares a question about to be imported with the knowledge base. */
export function findDuplicate(index: QuestionIndex, question: string): ImportMatch {
  const match = matchQuestion(index, [{ text: question, speaker: 'interviewer' }]);
  const best = match.outcome === 'card' ? match.best : undefined;
  return { similar: best?.entry, duplicateOf: best && best.fit >= DUPLICATE_FIT ? best.entry : undefined };
}
