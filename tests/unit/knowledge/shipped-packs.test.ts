import { describe, expect, it } from 'vitest';
import { KNOWN_CATEGORIES } from '@/lib/knowledge/schema';
import { SHIPPED_PACKS } from '@/lib/knowledge/shipped-packs';
import { matchQuestion } from '@/lib/match/match-question';
import { createPackIndex } from '@/lib/match/question-index';
import { loadShippedPacks } from '../../../scripts/load-pack-path';

const entries = SHIPPED_PACKS.flatMap((pack) => pack.entries);

/** Topics the foundation issue asks the ML-engineer pack to cover, found in question text. */
const REQUIRED_TOPICS = [
  'ownership',
  'failed in production',
  'disagreed',
  'Why do you want to work',
  'sparse vectors',
  'top K most similar embeddings',
  'k-means clustering',
  'empty clusters',
  'streaming or mini-batch k-means',
  'ROC AUC',
  'logistic regression',
  'backpropagation',
  'does not fit in memory',
  'bias-variance',
  'L1 and L2',
  'class imbalance',
  'calibration',
  'data leakage',
  'Gradient boosted trees versus neural networks',
  'optimizers',
  'attention',
  'time series',
  'Bayesian',
  'distributed training',
  'news feed ranking',
  'video recommendation',
  'two-tower retrieval',
  'fraud detection',
  'search ranking',
  'retrieval-augmented generation',
  'online learning',
  'content moderation',
  'roll out a new model',
  'drift',
  'retrain',
  'feature store',
  'offline metrics improve',
  'latency budget',
  'reproducible',
];

describe('the shipped ML-engineer pack', () => {
  it('is compiled into the build and matches what the Node loader reads', () => {
    expect(SHIPPED_PACKS.map((pack) => pack.id)).toEqual(['ml-engineer']);
    expect(SHIPPED_PACKS).toEqual(loadShippedPacks('knowledge'));
  });

  it('has at least 150 entries across every known category', () => {
    expect(entries.length).toBeGreaterThanOrEqual(150);
    expect(new Set(entries.map((entry) => entry.category))).toEqual(new Set(KNOWN_CATEGORIES));
  });

  it.each(REQUIRED_TOPICS)('covers "%s"', (topic) => {
    expect(entries.some((entry) => entry.question.toLowerCase().includes(topic.toLowerCase()))).toBe(true);
  });

  it('gives every entry phrasings, three key points and a pitfall or follow-up', () => {
    const thin = entries.filter(
      (entry) =>
        entry.phrasings.length < 2 ||
        entry.outline.keyPoints.length < 3 ||
        entry.outline.pitfalls.length + entry.outline.followUps.length === 0,
    );
    expect(thin.map((entry) => entry.id)).toEqual([]);
  });

  it('never gives two entries the same question or phrasing, which would leave the matcher a coin toss', () => {
    const owner = new Map<string, string>();
    const shared: string[] = [];
    for (const entry of entries) {
      for (const text of new Set(
        [entry.question, ...entry.phrasings].map((t) =>
          t
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, ' ')
            .trim(),
        ),
      )) {
        if (owner.has(text)) shared.push(`"${text}": ${owner.get(text)} and ${entry.id}`);
        else owner.set(text, entry.id);
      }
    }
    expect(shared).toEqual([]);
  });

  it("carries the ML vocabulary as the pack's own aliases, not as code applied to every pack", () => {
    const aliases = SHIPPED_PACKS.flatMap((pack) => pack.aliases ?? []);
    expect(aliases.length).toBeGreaterThan(80);
    expect(aliases.find((alias) => alias.term === 'twotower')?.variants).toContain('too tower');
  });

  it('finds every entry when its own question is asked', () => {
    const index = createPackIndex(SHIPPED_PACKS);
    const unreachable = entries.filter((entry) => {
      const match = matchQuestion(index, [{ text: entry.question, speaker: 'interviewer' }]);
      return match.outcome !== 'card' || match.best?.entry.id !== entry.id;
    });
    expect(unreachable.map((entry) => entry.question)).toEqual([]);
  });
});
