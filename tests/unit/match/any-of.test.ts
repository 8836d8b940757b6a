import { describe, expect, it } from 'vitest';
import { anyOf } from '@/lib/match/any-of';

describe('anyOf', () => {
  it('makes one non-capturing group of a comma-separated, wrapped list, in order', () => {
    expect(
      anyOf(`
      so, okay, lets talk
        about,
      curious (?:about|how)
    `),
    ).toBe('(?:so|okay|lets talk about|curious (?:about|how))');
  });

  it('matches whole alternatives only where the caller bounds them', () => {
    const pivot = new RegExp(String.raw`^${anyOf('so, so then')}\b`);
    expect(pivot.exec('so then what')?.[0]).toBe('so');
    expect(pivot.test('sofa')).toBe(false);
  });
});
