// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { RecognitionSettings } from '@/components/settings/RecognitionSettings';
import { SessionControls } from '@/components/session/SessionControls';

afterEach(cleanup);

const ENGINEER_WORDS = /WASM|WebGPU|utterance|partial/i;

describe('Settings in the user’s words', () => {
  it('says what each choice means (speed, accuracy, download size), without engineer terms', () => {
    const { container } = render(
      <RecognitionSettings
        model="tiny.en"
        device="auto"
        captureMicrophone={false}
        vad={{ minSilenceMs: 700, maxUtteranceMs: 28_000, padMs: 250 }}
        onModel={() => undefined}
        onVad={() => undefined}
        onDevice={() => undefined}
        onCaptureMicrophone={() => undefined}
      />,
    );
    expect(container.textContent).not.toMatch(ENGINEER_WORDS);
    const models = [...screen.getByLabelText('Model').querySelectorAll('option')].map((option) => option.textContent);
    expect(models[0]).toBe('Whisper tiny (English): fastest, good with clear English (41 MB download)');
    expect(models[1]).toMatch(/more accurate.*77 MB download/);
    expect(screen.getByLabelText('Speed')).toBeTruthy();
    expect(screen.getByLabelText(/^A pause of 0\.7 s ends a line/)).toBeTruthy();
  });

  it('names where recognition runs in words, in the session line', () => {
    render(<SessionControls status="capturing" model={{ state: 'ready', device: 'wasm', loaded: 0, total: 0 }} notice={undefined} onStart={() => undefined} onStop={() => undefined} />);
    expect(screen.getByRole('status').textContent).toBe('● Capturing tab audio · recognising on the processor');
  });
});
