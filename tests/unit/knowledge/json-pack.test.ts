import { describe, expect, it } from 'vitest';
import { parseJsonPack, toJsonPack } from '@/lib/knowledge/json-pack';
import { PackError } from '@/lib/knowledge/pack-error';

const entry = (question: string, extra: object = {}) => ({ question, outline: { keyPoints: ['a point'] }, ...extra });

describe('parseJsonPack', () => {
  it('reads a full pack and fills defaults', () => {
    const pack = parseJsonPack(
      JSON.stringify({
        format: 'cuecard-pack',
        version: 1,
        id: 'mine',
        title: 'Mine',
        entries: [entry('What is AUC?', { category: 'ml-theory' })],
      }),
    );
    expect(pack.id).toBe('mine');
    expect(pack.entries[0]).toMatchObject({
      id: 'what-is-auc',
      category: 'ml-theory',
      frequency: 'medium',
      phrasings: [],
      outline: { frame: { name: 'Concept' }, keyPoints: ['a point'], pitfalls: [] },
    });
  });

  it('reads a bare array of entries and a frame written as text', () => {
    const pack = parseJsonPack(JSON.stringify([entry('Q?', { outline: { frame: 'STAR', keyPoints: ['x'] } })]), {
      fileName: 'quick.json',
    });
    expect(pack.title).toBe('quick');
    expect(pack.entries[0]!.outline.frame.steps).toEqual(['Situation', 'Task', 'Action', 'Result']);
  });

  it('round-trips through toJsonPack', () => {
    const original = parseJsonPack(JSON.stringify([entry('One?'), entry('Two?', { tags: ['x'] })]), { id: 'p' });
    expect(parseJsonPack(toJsonPack(original))).toEqual(original);
  });

  it.each([
    ['broken JSON', '{\n  "entries": [\n    {"question": }\n  ]\n}', /line 3: not valid JSON/],
    ['a wrong format tag', '{"format":"other","entries":[]}', /format: unknown format/],
    ['a newer version', '{"version":2,"entries":[]}', /version: pack version 2/],
    ['no entries', '{"entries":[]}', /entries: the pack has no entries/],
    ['a number instead of a pack', '42', /expected a pack object/],
    [
      'a missing question',
      JSON.stringify([entry('Fine?'), { outline: { keyPoints: ['x'] } }]),
      /entries\[1\]\.question/,
    ],
    [
      'a blank key point',
      JSON.stringify([{ question: 'Q?', outline: { keyPoints: ['  '] } }]),
      /entries\[0\]\.outline\.keyPoints\[0\]: must not be empty/,
    ],
    ['a bad tag type', JSON.stringify([entry('Q?', { tags: [3] })]), /entries\[0\]\.tags\[0\]/],
    [
      'a duplicate question',
      JSON.stringify([entry('Same?'), entry('same')]),
      /entries\[1\]\.question: the same question already appears at entries\[0\]/,
    ],
  ])('refuses %s, naming where', (_name, text, expected) => {
    expect(() => parseJsonPack(text)).toThrow(PackError);
    expect(() => parseJsonPack(text)).toThrow(expected);
  });
});

describe('aliases in a JSON pack', () => {
  const entries = [{ question: 'What is SSR?', outline: { keyPoints: ['x'] } }];

  it('are read and written back', () => {
    const pack = parseJsonPack(
      JSON.stringify({ title: 'T', entries, aliases: [{ term: 'ssr', variants: ['server side rendering'] }] }),
    );
    expect(pack.aliases).toEqual([{ term: 'ssr', variants: ['server side rendering'] }]);
    expect(parseJsonPack(toJsonPack(pack))).toEqual(pack);
  });

  it('are checked, naming the field', () => {
    expect(() =>
      parseJsonPack(JSON.stringify({ title: 'T', entries, aliases: [{ term: 'ssr', variants: [] }] })),
    ).toThrow(/aliases\[0\]\.variants/);
  });
});
