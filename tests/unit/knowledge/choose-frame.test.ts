import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { frameFromContent, frameKindFor } from '@/lib/knowledge/choose-frame';
import { parseMarkdownPack } from '@/lib/knowledge/markdown-pack';
import { FRAME_SETS, parseLabelledQuestions, scoreFrames } from '@/lib/dev/score-frames';

describe('frameKindFor', () => {
  it.each([
    ['Tell me about a time you missed a deadline.', 'general', 'star'],
    ['12. What is the difference between TCP and UDP?', 'network', 'compare'],
    ['Kafka vs. RabbitMQ: which would you pick?', 'backend', 'compare'],
    ['How would you reduce the cold-start time of a serverless function?', 'backend', 'techniques'],
    ['Our checkout page got twice as slow after the release. What do you check first?', 'frontend', 'debug'],
    ['How would you design a chat service for a million users?', 'backend', 'design'],
    ['Write a function that merges two sorted lists.', 'general', 'coding'],
    ['What is a closure?', 'javascript', 'concept'],
    ['Why do you want to join our team?', 'behavioral', 'motivation'],
  ] as const)('%s (%s) → %s', (question, category, kind) => {
    expect(frameKindFor(question, category)).toBe(kind);
  });

  it('falls back to the category when the question says nothing of its shape', () => {
    expect(frameKindFor('Top K frequent words in a stream.', 'coding')).toBe('coding');
    expect(frameKindFor('Feature stores at scale.', 'mlops')).toBe('ops');
    expect(frameKindFor('Feature stores at scale.', 'something-new')).toBe('concept');
  });

  it('lets only a story override a coding or design category', () => {
    expect(frameKindFor('What is the difference between a heap and a stack? Implement both.', 'coding')).toBe('coding');
    expect(frameKindFor('Tell me about a time your design was wrong.', 'system-design')).toBe('star');
  });

  it('gives a whole frame with steps, a fresh copy each time', () => {
    const frame = frameFromContent('X versus Y?', 'general');
    expect(frame).toEqual({ name: 'Compare', steps: ['Each in a line', 'Key differences', 'When to pick which'] });
    frame.steps.push('changed');
    expect(frameFromContent('X versus Y?', 'general').steps).toHaveLength(3);
  });
});

describe('packs that name no frame', () => {
  it('get the frame the question asks for; a named frame is kept', () => {
    const pack = parseMarkdownPack(
      [
        '# Mine',
        '',
        '## How do you handle missing data?',
        'Category: ml-theory',
        '- Impute — median',
        '',
        '## How do you handle missing data in logs?',
        'Category: ml-theory',
        'Frame: Mine: A → B',
        '- x',
      ].join('\n'),
      { id: 'mine' },
    );
    expect(pack.entries.map((entry) => entry.outline.frame.name)).toEqual(['Techniques', 'Mine']);
  });
});

describe('the hand-labelled frame sets (npm run eval:frames)', () => {
  it.each(Object.entries(FRAME_SETS))(
    '%s: the chooser fits far more questions than the category alone',
    (_name, path) => {
      const score = scoreFrames(parseLabelledQuestions(readFileSync(path, 'utf8')));
      expect(score.chooser).toBeGreaterThan(score.categoryOnly + 0.2);
      expect(score.chooser).toBeGreaterThan(0.55);
    },
  );
});
