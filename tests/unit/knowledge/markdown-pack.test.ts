import { describe, expect, it } from 'vitest';
import { PackError } from '@/lib/knowledge/pack-error';
import { parseMarkdownPack, toMarkdownPack } from '@/lib/knowledge/markdown-pack';

const USER_PACK = `# My interview notes

Anything before the first question is a description and is ignored.

## Why did you leave your last job?
Category: behavioral
- Be positive about the old team
- Say what you are moving towards

## What is a confusion matrix?
It is a table of predicted versus actual classes.
  Wrapped lines continue the paragraph.

Pitfalls:
- Mixing up rows and columns
`;

describe('parseMarkdownPack', () => {
  it('reads "## " questions, an optional Category line, and the rest as the outline', () => {
    const pack = parseMarkdownPack(USER_PACK, { fileName: 'notes.md' });

    expect(pack.title).toBe('My interview notes');
    expect(pack.id).toBe('my-interview-notes');
    expect(pack.entries.map((entry) => entry.question)).toEqual([
      'Why did you leave your last job?',
      'What is a confusion matrix?',
    ]);
    const [behavioral, theory] = pack.entries;
    expect(behavioral!.category).toBe('behavioral');
    expect(behavioral!.outline.frame.name).toBe('STAR');
    expect(behavioral!.outline.keyPoints).toEqual([
      'Be positive about the old team',
      'Say what you are moving towards',
    ]);
    expect(theory!.category).toBe('general');
    expect(theory!.outline.keyPoints).toEqual([
      'It is a table of predicted versus actual classes. Wrapped lines continue the paragraph.',
    ]);
    expect(theory!.outline.pitfalls).toEqual(['Mixing up rows and columns']);
  });

  it('reads every metadata line and labelled block', () => {
    const pack = parseMarkdownPack(`## Design a feed ranker
Id: feed
Category: System-Design
Frequency: HIGH
Tags: Ranking, feed
Also asked: rank a social feed | order posts for a user
Frame: Clarify → Data → Model

### Key points
- **Objective** — engagement with guardrails
Follow-ups:
1. How do you handle new users?
Numbers:
* 100 ms budget
`);
    expect(pack.entries[0]).toEqual({
      id: 'feed',
      question: 'Design a feed ranker',
      phrasings: ['rank a social feed', 'order posts for a user'],
      category: 'system-design',
      frequency: 'high',
      tags: ['ranking', 'feed'],
      outline: {
        frame: { name: 'Steps', steps: ['Clarify', 'Data', 'Model'] },
        keyPoints: ['Objective — engagement with guardrails'],
        pitfalls: [],
        followUps: ['How do you handle new users?'],
        numbers: ['100 ms budget'],
      },
    });
  });

  it.each([
    ['no heading at all', 'just some text\n- and a bullet', /no questions found/],
    ['an empty heading', '## \n- point', /line 1.*no question text/],
    [
      'an unknown frequency',
      '## Q one?\n- a\n\n## Q two?\nFrequency: sometimes\n- b',
      /line 5, frequency: frequency must be high, medium or low/,
    ],
    ['an unreadable frame', '## Q?\nFrame: whatever\n- a', /line 2, frame/],
    ['the same question twice', '## Same?\n- a\n## same\n- b', /line 3.*already appears at line 1/],
    ['a bad category', '## Q?\nCategory: !!\n- a', /line 2, category/],
  ])('refuses %s with the line and field', (_name, markdown, expected) => {
    expect(() => parseMarkdownPack(markdown)).toThrow(PackError);
    expect(() => parseMarkdownPack(markdown)).toThrow(expected);
  });

  it('reads a fenced code block as one key point and writes it back the same way', () => {
    const pack = parseMarkdownPack(
      '## Reverse a list?\n- walk once\n```python\ndef rev(head):\n\n    prev = None\n```\n- O(1) space',
    );
    expect(pack.entries[0]!.outline.keyPoints).toEqual([
      'walk once',
      'def rev(head):\n\n    prev = None',
      'O(1) space',
    ]);
    expect(parseMarkdownPack(toMarkdownPack(pack)).entries[0]!.outline.keyPoints).toEqual(
      pack.entries[0]!.outline.keyPoints,
    );
  });

  it('keeps a question without outline as one still to prepare', () => {
    const pack = parseMarkdownPack('## Q one?\n- a\n## Q two?\n');
    expect(pack.entries.map((entry) => entry.outline.keyPoints)).toEqual([['a'], []]);
  });

  it('keeps fenced code as outline text, not as headings', () => {
    const pack = parseMarkdownPack('## Reverse a list?\n```\n## not a heading\n```\n- use two pointers');
    expect(pack.entries).toHaveLength(1);
    expect(pack.entries[0]!.outline.keyPoints).toEqual(['## not a heading', 'use two pointers']);
  });
});

describe('toMarkdownPack', () => {
  it('writes a pack that parses back to the same pack', () => {
    const original = parseMarkdownPack(USER_PACK, { fileName: 'notes.md' });
    const actual = parseMarkdownPack(toMarkdownPack(original), { id: original.id });
    expect(actual).toEqual(original);
  });
});

describe('pack text that names Object.prototype keys', () => {
  it('refuses "Frame: constructor" with the pack error a user can act on', () => {
    expect(() => parseMarkdownPack('## What is a prototype?\nFrame: constructor\n- x')).toThrow(PackError);
    expect(() => parseMarkdownPack('## What is a prototype?\nFrame: constructor\n- x')).toThrow(
      /frame "constructor" is neither a known frame/,
    );
  });

  it('reads "Category: constructor" and a "### constructor" line as ordinary text', () => {
    const pack = parseMarkdownPack('## What is a prototype?\nCategory: constructor\n- x\n### constructor\n- y');
    const [entry] = pack.entries;
    expect(entry!.category).toBe('constructor');
    expect(entry!.outline.frame.name).toBe('Concept');
    expect(entry!.outline.keyPoints).toContain('y');
  });
});

describe("a pack's Aliases block", () => {
  const PACK = `# Front-end notes

Aliases:
- ssr: server side rendering | server rendering
- http2: http # | http version #

## What is SSR and when is it worth it?
- Faster first paint
`;

  it('is read from before the first question, and written back the same', () => {
    const pack = parseMarkdownPack(PACK);
    expect(pack.aliases).toEqual([
      { term: 'ssr', variants: ['server side rendering', 'server rendering'] },
      { term: 'http2', variants: ['http #', 'http version #'] },
    ]);
    expect(parseMarkdownPack(toMarkdownPack(pack))).toEqual(pack);
  });

  it('refuses a malformed alias line with its line number, and a term that is not one word', () => {
    expect(() => parseMarkdownPack('Aliases:\n- just words\n## Q?\n- x')).toThrow(/line 2/);
    expect(() => parseMarkdownPack('Aliases:\n- two words: x | y\n## Q?\n- x')).toThrow(
      /one word of letters and digits/,
    );
  });

  it('makes a file with aliases and no question a vocabulary part; without either it is refused', () => {
    expect(parseMarkdownPack('# Words\n\nAliases:\n- ml: machine learning').entries).toEqual([]);
    expect(() => parseMarkdownPack('# Words\n\nJust prose.')).toThrow(PackError);
  });

  it('leaves packs without aliases as they were', () => {
    expect(parseMarkdownPack(USER_PACK)).not.toHaveProperty('aliases');
  });
});
