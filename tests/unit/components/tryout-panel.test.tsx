// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TryoutPanel } from '@/components/tryout/TryoutPanel';
import { createPackIndex } from '@/lib/match/question-index';
import { loadShippedPacks } from '../../../scripts/load-pack-path';

afterEach(cleanup);

// The shipped packs, read from their files (the build's virtual module is not there in jsdom).
const index = createPackIndex(loadShippedPacks('knowledge'));

describe('TryoutPanel', () => {
  it.each(['okay great so the weather is nice today', 'I think that is a good system', 'nice, I like that approach'])(
    'shows no “closest” question for chatter: %s',
    async (chatter) => {
      render(<TryoutPanel index={index} verbosity="standard" threshold={0.5} />);
      fireEvent.change(screen.getByLabelText('What the interviewer said'), { target: { value: chatter } });
      await waitFor(() =>
        expect(screen.getByRole('status').textContent).not.toBe('Type or paste what the interviewer said.'),
      );
      expect(screen.queryByText(/Closest/)).toBeNull();
      expect(screen.queryByText(/\d+ ?%/)).toBeNull();
      expect(screen.queryByRole('article', { name: 'Card' })).toBeNull();
    },
  );
});
