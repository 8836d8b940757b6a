// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KnowledgeBrowser } from '@/components/knowledge/KnowledgeBrowser';
import { parseMarkdownPack } from '@/lib/knowledge/markdown-pack';
import type { MyAnswer } from '@/lib/knowledge/schema';

const pack = parseMarkdownPack(
  [
    '# Mine',
    '',
    '## What is gradient clipping and when would you use it in training a very deep recurrent network?',
    'Category: ml-theory',
    'Tags: optimisation, rnn',
    '- Caps the gradient norm',
    '',
    '## How do you pick a learning rate?',
    'Category: ml-theory',
    'Tags: optimisation',
    '- Range test',
    '',
    '## Tell me about a conflict with a colleague',
    'Category: behavioral',
    'Tags: teamwork',
    '- Situation first',
  ].join('\n'),
  { id: 'mine' },
);

afterEach(cleanup);

function renderBrowser(editable = true) {
  const onSave = vi.fn((entry: unknown) => ({ ok: true as const, entry: entry as (typeof pack.entries)[number] }));
  const answers: Record<string, MyAnswer> = {};
  const onSaveMyAnswer = vi.fn((entryId: string, answer: MyAnswer) => {
    answers[entryId] = answer;
    view.rerender(browser());
    return { ok: true as const };
  });
  const browser = () => (
    <KnowledgeBrowser
      packs={[pack]}
      editablePackIds={new Set(editable ? ['mine'] : [])}
      myAnswers={{ ...answers }}
      onSaveMyAnswer={onSaveMyAnswer}
      practiceStatusOf={(id) => (id.includes('learning-rate') ? 'due' : id.includes('conflict') ? 'weak' : 'never')}
      onSave={onSave}
      onDelete={vi.fn()}
      menu={
        <section aria-label="Knowledge packs">
          <button type="button">Import / export</button>
        </section>
      }
    />
  );
  const view = render(browser());
  return { onSave, onSaveMyAnswer };
}

const rows = () =>
  within(screen.getByRole('list', { name: 'Questions' }))
    .queryAllByRole('listitem')
    .map((row) => row.querySelector('.browser-question')!.textContent);

describe('KnowledgeBrowser', () => {
  // Whether a title is cut or the list scrolls in a box of its own is layout: tests/e2e/layout.e2e.ts checks it in Chromium.
  it('lists each question with its whole text', () => {
    renderBrowser();
    expect(rows()).toContain(
      'What is gradient clipping and when would you use it in training a very deep recurrent network?',
    );
  });

  it('offers to add the question a search did not find, with its text filled in', async () => {
    const { onSave } = renderBrowser();
    fireEvent.change(screen.getByLabelText('Search questions'), {
      target: { value: 'how do you shard a vector index' },
    });
    await waitFor(() =>
      expect(screen.getByText('No question matches “how do you shard a vector index”.')).toBeTruthy(),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Add this question' }));
    expect(screen.getByLabelText<HTMLInputElement>('Question', { exact: true }).value).toBe(
      'how do you shard a vector index?',
    );
    expect(screen.queryByRole('region', { name: 'Knowledge packs' })).toBeNull();
    fireEvent.change(screen.getByLabelText('Key points, one per line (“Lead — detail”)'), {
      target: { value: 'Partition — by id' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledWith(
      expect.objectContaining({ question: 'how do you shard a vector index?' }),
      undefined,
    );
  });

  it('filters by a tag typed into the tag box, once it names a known tag', async () => {
    renderBrowser();
    const tag = screen.getByLabelText<HTMLInputElement>('Tag');
    expect(tag.list?.querySelectorAll('option').length).toBe(3);
    fireEvent.change(tag, { target: { value: 'optim' } });
    await waitFor(() => expect(rows()).toHaveLength(3));
    fireEvent.change(tag, { target: { value: 'Teamwork' } });
    await waitFor(() => expect(rows()).toEqual(['Tell me about a conflict with a colleague']));
  });

  it('an opened entry replaces the list, the menu and the packs, and going back restores them', () => {
    renderBrowser();
    fireEvent.click(screen.getByText('How do you pick a learning rate?'));
    expect(screen.queryByRole('list', { name: 'Questions' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Import / export' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Knowledge packs' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '← All questions' }));
    expect(screen.getByRole('region', { name: 'Knowledge packs' })).toBeTruthy();
  });
});

describe('My answer', () => {
  it('is written on an entry the user cannot edit, with a story for a behavioural one, and shows on its card', () => {
    const { onSaveMyAnswer } = renderBrowser(false);
    fireEvent.click(screen.getByText('Tell me about a conflict with a colleague'));
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Write my answer' }));
    const form = screen.getByRole('form', { name: 'My answer' });
    fireEvent.change(within(form).getByLabelText('In one line'), {
      target: { value: 'Settled a schema fight with a migration plan' },
    });
    fireEvent.change(within(form).getByLabelText('Result'), { target: { value: 'Both teams shipped on time.' } });
    fireEvent.change(within(form).getByLabelText('Numbers from my work, one per line'), {
      target: { value: '2 teams\n0 rollbacks' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Save my answer' }));

    expect(onSaveMyAnswer).toHaveBeenCalledWith(expect.stringMatching(/conflict/), {
      lead: 'Settled a schema fight with a migration plan',
      story: { situation: '', task: '', action: '', result: 'Both teams shipped on time.' },
      points: [],
      numbers: ['2 teams', '0 rollbacks'],
    });
    expect(screen.queryByRole('form', { name: 'My answer' })).toBeNull();
    const mine = within(screen.getByRole('article', { name: 'Card' })).getByRole('region', { name: 'My answer' });
    expect(mine.textContent).toContain('Settled a schema fight with a migration plan');
    expect(mine.textContent).toContain('ResultBoth teams shipped on time.');
    expect(screen.getByRole('button', { name: 'Edit my answer' })).toBeTruthy();
  });

  it('asks no story of a question that is not behavioural', () => {
    renderBrowser(false);
    fireEvent.click(screen.getByText('How do you pick a learning rate?'));
    fireEvent.click(screen.getByRole('button', { name: 'Write my answer' }));
    expect(screen.queryByLabelText('Situation')).toBeNull();
  });
});

describe('the Practice filter', () => {
  it('lists what is due, weak or never practised', async () => {
    renderBrowser();
    fireEvent.change(screen.getByLabelText('Practice'), { target: { value: 'due' } });
    await waitFor(() => expect(rows()).toEqual(['How do you pick a learning rate?']));
    fireEvent.change(screen.getByLabelText('Practice'), { target: { value: 'weak' } });
    await waitFor(() => expect(rows()).toEqual(['Tell me about a conflict with a colleague']));
    fireEvent.change(screen.getByLabelText('Practice'), { target: { value: 'never' } });
    await waitFor(() => expect(rows()).toHaveLength(1));
  });
});
