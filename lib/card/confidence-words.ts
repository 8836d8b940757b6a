import { STRONG_MATCH_CONFIDENCE } from '../match/match-question';

/**
 * A card's calibrated confidence in words: a bare "48 %" reads as a coin flip, while on
 * Cuecard's calibrated scale it already means "more likely than the pack's noise".
 */
export function confidenceWords(confidence: number): string {
  if (confidence >= STRONG_MATCH_CONFIDENCE) return 'strong match';
  if (confidence >= 0.6) return 'likely match';
  return 'possible match';
}
