import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SHIPPED_PACKS } from '@/lib/knowledge/shipped-packs';
import { matchQuestion } from '@/lib/match/match-question';
import { createPackIndex } from '@/lib/match/question-index';

/** Reproducible in CI (seed 1); set FUZZ_SEED to explore other inputs, e.g. FUZZ_SEED=$RANDOM. */
const FUZZ_RUNS = { numRuns: 400, seed: Number(process.env.FUZZ_SEED ?? 1) };

const index = createPackIndex(SHIPPED_PACKS);

describe('fuzzing the matcher', () => {
  it('any transcript window gives a well-formed answer: no throw, confidence in [0, 1], a hint only above the threshold', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            text: fc.string({ unit: 'binary', maxLength: 300 }),
            speaker: fc.constantFrom<'interviewer' | 'candidate'>('interviewer', 'candidate'),
            endMs: fc.option(fc.nat(), { nil: undefined }),
          }),
          { maxLength: 6 },
        ),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (window, threshold) => {
          const match = matchQuestion(index, window, { threshold });
          expect(match.confidence).toBeGreaterThanOrEqual(0);
          expect(match.confidence).toBeLessThanOrEqual(1 + 1e-9);
          if (match.outcome === 'card') expect(match.confidence).toBeGreaterThanOrEqual(threshold);
          expect(match.candidates.length).toBeLessThanOrEqual(3);
        },
      ),
      FUZZ_RUNS,
    );
  });

  it('a very long utterance is answered, not choked on', () => {
    const long = 'so um how would you handle class imbalance '.repeat(2_000);
    expect(matchQuestion(index, [{ text: long, speaker: 'interviewer' }]).outcome).toBe('card');
  });
});
