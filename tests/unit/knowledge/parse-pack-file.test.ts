import { describe, expect, it } from 'vitest';
import { addPack } from '@/lib/knowledge/add-pack';
import { MAX_PACK_BYTES, parsePackFile } from '@/lib/knowledge/parse-pack-file';

describe('parsePackFile', () => {
  it('chooses the parser by file name', () => {
    expect(parsePackFile('a.md', '## Q?\n- x').entries).toHaveLength(1);
    expect(parsePackFile('a.JSON', '[{"question":"Q?","outline":{"keyPoints":["x"]}}]').entries).toHaveLength(1);
  });

  it.each([
    ['an empty file', 'a.md', '  \n', /the file is empty/],
    ['an unknown extension', 'a.pdf', '## Q?\n- x', /use a \.md or \.json file/],
    ['an oversized file', 'a.md', 'x'.repeat(MAX_PACK_BYTES + 1), /larger than 20 MB/],
  ])('refuses %s', (_name, fileName, text, expected) => {
    expect(() => parsePackFile(fileName, text)).toThrow(expected);
  });
});

describe('addPack', () => {
  it('never replaces a stored pack with the same id', () => {
    const first = parsePackFile('mine.md', '## One?\n- x');
    const second = parsePackFile('mine.md', '## Two?\n- y');
    const actual = addPack(addPack([], first), second);
    expect(actual.map((pack) => pack.id)).toEqual(['mine', 'mine-2']);
    expect(actual[0]).toBe(first);
  });
});
