import { describe, expect, it } from 'vitest';
import { shortcutFor } from '@/lib/card/panel-shortcuts';

const press = (
  key: string,
  modifiers: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; code: string; typing: boolean }> = {},
) => shortcutFor({ key, altKey: false, ctrlKey: false, metaKey: false, ...modifiers });

describe('shortcutFor', () => {
  it.each([
    ['ArrowLeft', { altKey: true }, { kind: 'previous-card' }],
    ['ArrowRight', { altKey: true }, { kind: 'next-card' }],
    ['1', { altKey: true, code: 'Digit1' }, { kind: 'verbosity', verbosity: 'glance' }],
    ['¡', { altKey: true, code: 'Digit1' }, { kind: 'verbosity', verbosity: 'glance' }], // macOS: Alt+1 types ¡
    ['3', { altKey: true, code: 'Digit3' }, { kind: 'verbosity', verbosity: 'detailed' }],
    ['ß', { altKey: true, code: 'KeyS' }, { kind: 'toggle-capture' }],
    ['?', {}, { kind: 'help' }],
  ])('%s → action', (key, modifiers, expected) => {
    expect(press(key, modifiers)).toEqual(expected);
  });

  it.each([
    ['ArrowLeft', {}],
    ['s', {}],
    ['1', { altKey: true, ctrlKey: true, code: 'Digit1' }],
    ['x', { altKey: true, code: 'KeyX' }],
    ['?', { typing: true }],
    ['?', { ctrlKey: true }],
  ])('leaves %s alone', (key, modifiers) => {
    expect(press(key, modifiers)).toBeNull();
  });
});
