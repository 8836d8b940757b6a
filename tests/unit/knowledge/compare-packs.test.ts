import { describe, expect, it } from 'vitest';
import { comparePacks, findInstalledCopy, packChangesText } from '@/lib/knowledge/compare-packs';
import { parsePackFile } from '@/lib/knowledge/parse-pack-file';
import { toJsonPack } from '@/lib/knowledge/json-pack';
import { toMarkdownPack } from '@/lib/knowledge/markdown-pack';
import { parseMarkdownPack } from '@/lib/knowledge/markdown-pack';
import { withMyAnswers } from '@/lib/knowledge/my-answer';

const mine = parseMarkdownPack(
  [
    '# My questions',
    '## How do you pick a vector database?',
    'Category: system-design',
    '- Scale — how many vectors',
    '## What is a feature store?',
    'Tags: features',
    '- Offline and online — one definition, two stores',
    '## Why do you want this job?',
    'Category: behavioral',
    '- Mission',
  ].join('\n'),
  { id: 'my-questions' },
);

describe('comparePacks', () => {
  it.each([
    ['Markdown', `my-questions.md`, toMarkdownPack],
    ['JSON', `my-questions.json`, toJsonPack],
  ])('finds nothing changed in a %s export read back, answers included', (_format, fileName, write) => {
    const exported = write(
      withMyAnswers(mine, { [mine.entries[0]!.id]: { lead: 'Picked pgvector', points: [], numbers: [] } }),
    );
    const actual = comparePacks(mine, parsePackFile(fileName, exported));
    expect(actual).toEqual({ added: 0, changed: 0, removed: 0, same: 3 });
  });

  it('counts new, changed and removed entries, matching by id or by question', () => {
    const [vector, feature] = mine.entries;
    const imported = {
      ...mine,
      entries: [
        { ...vector!, id: 'other-id' },
        { ...feature!, tags: ['features', 'serving'] },
        { ...feature!, id: 'new-one', question: 'What is online serving?' },
      ],
    };
    expect(comparePacks(mine, imported)).toEqual({ added: 1, changed: 1, removed: 1, same: 1 });
  });
});

describe('findInstalledCopy', () => {
  it('finds the installed pack of the same id or title that holds most of the imported entries', () => {
    const renamed = { ...mine, id: 'my-questions-backup' };
    expect(findInstalledCopy([mine], renamed)).toMatchObject({
      packId: 'my-questions',
      title: 'My questions',
      same: 3,
    });
    expect(findInstalledCopy([mine], { ...mine, title: 'Backup' })).toMatchObject({ packId: 'my-questions' });
  });

  it('does not take a pack that only shares a name, or shares little, for a copy', () => {
    expect(findInstalledCopy([mine], { ...mine, id: 'other', title: 'Other' })).toBeUndefined();
    const mostlyNew = {
      ...mine,
      entries: [
        mine.entries[0]!,
        ...['A?', 'B?', 'C?'].map((question, i) => ({ ...mine.entries[1]!, id: `n${i}`, question })),
      ],
    };
    expect(findInstalledCopy([mine], mostlyNew)).toBeUndefined();
  });

  it('words the changes', () => {
    expect(packChangesText({ added: 2, changed: 1, removed: 0, same: 9 })).toBe(
      '2 new, 1 changed, 0 removed; 9 the same',
    );
    expect(packChangesText({ added: 0, changed: 0, removed: 0, same: 3 })).toBe(
      'no question would change (3 the same)',
    );
  });
});
