// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RecognitionSettings } from '@/components/settings/RecognitionSettings';

afterEach(cleanup);

function renderSettings(model: string) {
  const onModel = vi.fn();
  render(
    <RecognitionSettings
      model={model}
      device="auto"
      captureMicrophone={false}
      vad={{ minSilenceMs: 700, maxUtteranceMs: 20_000, padMs: 300 }}
      onModel={onModel}
      onVad={() => undefined}
      onDevice={() => undefined}
      onCaptureMicrophone={() => undefined}
    />,
  );
  return onModel;
}

describe('RecognitionSettings', () => {
  it('offers Moonshine tiny beside the Whisper models, each with its download size', () => {
    const onModel = renderSettings('tiny.en');
    const options = screen.getAllByRole('option').map((option) => option.textContent);
    expect(options).toContain('Moonshine tiny (English), about 28 MB');
    expect(options).toContain('Whisper tiny (English), about 41 MB');
    fireEvent.change(screen.getByLabelText('Model'), { target: { value: 'moonshine-tiny' } });
    expect(onModel).toHaveBeenCalledWith('moonshine-tiny');
  });

  it('says in plain words what the chosen model means', () => {
    renderSettings('moonshine-tiny');
    expect(screen.getByText(/works on just the speech it hears/i)).toBeTruthy();
    cleanup();
    renderSettings('tiny.en');
    expect(screen.getByText(/30 seconds of audio, however short the question/)).toBeTruthy();
  });
});
