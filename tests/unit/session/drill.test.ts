import { describe, expect, it } from 'vitest';
import { parseMarkdownPack } from '@/lib/knowledge/markdown-pack';
import { pickDrillQuestion } from '@/lib/session/drill';

const entries = parseMarkdownPack(`## A?
Category: behavioral
- a
## B?
Category: coding
- b
## C?
Category: coding
- c`).entries;

describe('pickDrillQuestion', () => {
  it('picks from the chosen categories only', () => {
    for (let i = 0; i < 20; i++) expect(pickDrillQuestion(entries, ['coding'], new Set())?.category).toBe('coding');
  });

  it('prefers questions not yet asked, and starts over when all were', () => {
    expect(pickDrillQuestion(entries, ['coding'], new Set(['b']), () => 0)?.id).toBe('c');
    expect(pickDrillQuestion(entries, ['coding'], new Set(['b', 'c']), () => 0)?.id).toBe('b');
  });

  it('uses every category when none is chosen, and gives nothing for an empty base', () => {
    expect(pickDrillQuestion(entries, [], new Set(), () => 0)?.id).toBe('a');
    expect(pickDrillQuestion([], [], new Set())).toBeUndefined();
  });
});
