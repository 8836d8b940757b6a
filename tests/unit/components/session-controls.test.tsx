// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SessionControls } from '@/components/session/SessionControls';

afterEach(cleanup);

describe('SessionControls while the model loads', () => {
  const loading = { state: 'loading' as const, loaded: 50, total: 50, file: 'generation_config.json' };

  it('says a model from the user’s folder is loaded from it, not downloaded', () => {
    render(
      <SessionControls
        status="starting"
        model={loading}
        notice={undefined}
        onStart={() => undefined}
        onStop={() => undefined}
        drill
        modelFromFolder
      />,
    );
    expect(screen.getByText(/Loading the speech model from your folder: 100 %/)).toBeTruthy();
    expect(screen.queryByText(/Downloading/)).toBeNull();
  });
});
