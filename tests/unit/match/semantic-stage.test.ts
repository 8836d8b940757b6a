import { describe, expect, it } from 'vitest';
import type { KnowledgeEntry } from '@/lib/knowledge/schema';
import type { QuestionMatch } from '@/lib/match/match-question';
import type { RankedEntry } from '@/lib/match/question-index';
import { applySemanticStage, calibrateSemantic, createSemanticIndex } from '@/lib/match/semantic-stage';

const DIM = 8;
/** A unit vector mostly along axis `axis`, with a little of `also` (a related topic). */
function vector(axis: number, also?: number, share = 0): Float32Array {
  const v = new Float32Array(DIM);
  v[axis] = 1;
  if (also !== undefined) v[also] = share;
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}
const entry = (id: string): KnowledgeEntry =>
  ({ id, question: `Question ${id}?`, phrasings: [] }) as unknown as KnowledgeEntry;
const entries = ['a', 'b', 'c', 'd', 'e'].map(entry);
/** Five distinct topics (one axis each): a useful encoder. */
const separated = createSemanticIndex(
  'test',
  entries.map((item, i) => ({ entry: item, vectors: [vector(i)] })),
);
/** Every question almost the same vector: what random weights give. */
const clustered = createSemanticIndex(
  'test',
  entries.map((item, i) => ({ entry: item, vectors: [vector(7, i, 0.2)] })),
);

const ranked = (item: KnowledgeEntry, score: number): RankedEntry => ({
  entry: item,
  score,
  fit: score,
  unexplained: 0,
});
function lexical(
  outcome: QuestionMatch['outcome'],
  candidates: RankedEntry[],
  nearMisses: RankedEntry[] = [],
  questionText = 'how would you do that',
): QuestionMatch {
  const best = outcome === 'card' ? candidates[0] : undefined;
  return {
    outcome,
    best,
    asked: best ? [best] : [],
    nearMisses,
    candidates,
    ambiguous: false,
    questionText,
    confidence: best?.score ?? 0,
  };
}

describe('semantic calibration without labels', () => {
  it('finds room above the noise when entries sit apart', () => {
    expect(separated.calibration.usable).toBe(true);
    expect(separated.calibration.room).toBeGreaterThan(0.5);
  });

  it('abstains when every entry sits next to every other', () => {
    expect(clustered.calibration.usable).toBe(false);
    expect(calibrateSemantic([vector(0)]).usable).toBe(false);
  });
});

describe('applySemanticStage', () => {
  it('leaves the lexical match untouched when the encoder abstains, whatever it says', () => {
    const match = lexical('no-match', [ranked(entries[1]!, 0.2)]);
    const result = applySemanticStage(match, clustered, vector(7, 0, 0.2));
    expect(result.decision).toBe('abstain');
    expect(result.match).toBe(match);
  });

  it('never turns small talk into a hint', () => {
    const match = lexical('small-talk', []);
    expect(applySemanticStage(match, separated, vector(0)).match).toBe(match);
  });

  it('keeps the lexical card and offers a confident different entry beside it', () => {
    const match = lexical('card', [ranked(entries[1]!, 0.6), ranked(entries[2]!, 0.3)]);
    const result = applySemanticStage(match, separated, vector(0));
    expect(result.decision).toBe('alternative');
    expect(result.match.best?.entry.id).toBe('b');
    expect(result.match.candidates.map((c) => c.entry.id)).toEqual(['b', 'a', 'c']);
    expect(result.match.ambiguous).toBe(true);
  });

  it('changes nothing when it agrees with the card', () => {
    const match = lexical('card', [ranked(entries[0]!, 0.6)]);
    expect(applySemanticStage(match, separated, vector(0)).decision).toBe('unchanged');
  });

  it('gives a card where the lexical matcher was silent only when both signals point at one entry', () => {
    const agree = applySemanticStage(
      lexical('no-match', [ranked(entries[2]!, 0.3), ranked(entries[0]!, 0.2)]),
      separated,
      vector(0),
    );
    expect(agree.decision).toBe('card');
    expect(agree.match.outcome).toBe('card');
    expect(agree.match.best?.entry.id).toBe('a');

    const alone = applySemanticStage(lexical('no-match', [ranked(entries[2]!, 0.3)]), separated, vector(0));
    expect(alone.decision).toBe('chips');
    expect(alone.match.outcome).toBe('no-match');
    expect(alone.match.nearMisses.map((c) => c.entry.id)).toEqual(['a']);
  });

  it('gives a statement chips at most, however sure the encoder is', () => {
    const statement = lexical('no-match', [ranked(entries[0]!, 0.3)], [], 'we use xgboost a lot here');
    const result = applySemanticStage(statement, separated, vector(0));
    expect(result.decision).toBe('chips');
    expect(result.match.outcome).toBe('no-match');
  });

  it('offers chips, not a card, for a query between two entries', () => {
    const between = vector(0, 1, 1);
    const result = applySemanticStage(
      lexical('no-match', [ranked(entries[0]!, 0.3), ranked(entries[1]!, 0.3)]),
      separated,
      between,
    );
    expect(result.decision).toBe('chips');
    expect(result.match.nearMisses.map((c) => c.entry.id).sort()).toEqual(['a', 'b']);
  });

  it('adds nothing for a query far from every entry', () => {
    const match = lexical('no-match', [ranked(entries[0]!, 0.2)]);
    expect(applySemanticStage(match, separated, vector(6)).decision).toBe('unchanged');
  });
});
