// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RecognitionSettings } from '@/components/settings/RecognitionSettings';
import { SessionControls } from '@/components/session/SessionControls';

afterEach(cleanup);

const ENGINEER_WORDS = /WASM|WebGPU|utterance|partial/i;

function renderSettings(model: string) {
  const onModel = vi.fn();
  const { container } = render(
    <RecognitionSettings
      model={model}
      device="auto"
      captureMicrophone={false}
      vad={{ minSilenceMs: 700, maxUtteranceMs: 28_000, padMs: 250 }}
      onModel={onModel}
      onVad={() => undefined}
      onDevice={() => undefined}
      onCaptureMicrophone={() => undefined}
    />,
  );
  return { onModel, container };
}

describe('Settings in the user’s words', () => {
  it('says what each choice means (speed, accuracy, download size), without engineer terms', () => {
    const { container } = renderSettings('tiny.en');
    expect(container.textContent).not.toMatch(ENGINEER_WORDS);
    const models = [...screen.getByLabelText('Model').querySelectorAll('option')].map((option) => option.textContent);
    expect(models.slice(0, 3)).toEqual([
      'Moonshine tiny (English), 28 MB',
      'Whisper tiny (English), 41 MB',
      'Whisper base (English), 77 MB',
    ]);
    expect(container.textContent).toContain(
      'Whisper tiny (English): reads 30 s of audio for every line, so slower than Moonshine without a graphics card; a 41 MB download, once.',
    );
    expect(screen.getByLabelText('Speed')).toBeTruthy();
    expect(container.textContent).toContain('Uses the graphics card when it works, else the processor.');
    expect(screen.getByLabelText(/^A pause of 0\.7 s ends a line/)).toBeTruthy();
  });

  it('offers Moonshine tiny beside the Whisper models and says what it means', () => {
    const { onModel, container } = renderSettings('moonshine-tiny');
    expect(container.textContent).toContain('Moonshine tiny (English): fastest without a graphics card');
    fireEvent.change(screen.getByLabelText('Model'), { target: { value: 'tiny.en' } });
    expect(onModel).toHaveBeenCalledWith('tiny.en');
  });

  it('names where recognition runs in words, in the session line', () => {
    render(
      <SessionControls
        status="capturing"
        model={{ state: 'ready', device: 'wasm', loaded: 0, total: 0 }}
        notice={undefined}
        onStart={() => undefined}
        onStop={() => undefined}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe('● Capturing tab audio · recognising on the processor');
  });
});
