// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EntryEditor } from '@/components/knowledge/EntryEditor';
import { categorySlug } from '@/lib/knowledge/category-names';

afterEach(cleanup);

describe('EntryEditor category', () => {
  it('says “Behavioural” in the New form, as the filter does, and saves the slug', () => {
    const onSave = vi.fn((_entry: unknown) => ({ ok: true as const, entry: {} as never }));
    render(<EntryEditor draftQuestion="Tell me about a hard deadline?" onSave={onSave} onCancel={() => undefined} />);
    const category = screen.getByLabelText<HTMLInputElement>('Category');
    expect(category.value).toBe('Behavioural');
    expect([...category.list!.querySelectorAll('option')].map((option) => option.value)).toContain('ML theory');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave.mock.calls[0]![0]).toMatchObject({ category: 'behavioral' });
  });

  it.each([
    ['ML theory', 'ml-theory'],
    ['system-design', 'system-design'],
    ['  Data engineering ', 'data-engineering'],
  ])('reads “%s” as %s', (typed, expected) => {
    expect(categorySlug(typed)).toBe(expected);
  });
});
