// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GettingStarted } from '@/components/onboarding/GettingStarted';
import { ModelReadiness } from '@/components/settings/ModelReadiness';
import type { Readiness } from '@/lib/store/model-readiness-store';

afterEach(cleanup);

function renderReadiness(readiness: Readiness, aboutMb: number | null = 41) {
  const onDownload = vi.fn();
  const onCancel = vi.fn();
  render(
    <ModelReadiness
      readiness={readiness}
      modelLabel="Whisper tiny (English)"
      aboutMb={aboutMb ?? undefined}
      onDownload={onDownload}
      onCancel={onCancel}
    />,
  );
  return { onDownload, onCancel };
}

describe('ModelReadiness', () => {
  it('offers the download with its size before anything is fetched', () => {
    const { onDownload } = renderReadiness({ phase: 'missing', loaded: 0 });
    expect(
      screen.getByText(/Whisper tiny \(English\), about 41 MB, downloaded once and kept on this device\./),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Get ready' }));
    expect(onDownload).toHaveBeenCalledTimes(1);
  });

  it('shows progress in MB against the size, which file, and a cancel', () => {
    const { onCancel } = renderReadiness({
      phase: 'downloading',
      file: 'onnx/decoder_model_merged_quantized.onnx',
      loaded: 12.5 * 1024 * 1024,
      done: 2,
      files: 7,
    });
    expect(
      screen.getByText(/Downloading Whisper tiny \(English\): 12\.5 MB of about 41 MB \(file 3 of 7\)/),
    ).toBeTruthy();
    const bar = screen.getByRole<HTMLProgressElement>('progressbar');
    expect(bar.value / bar.max).toBeCloseTo(12.5 / 41, 3);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel download' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('without a known size (WebGPU files) counts files instead of inventing a total', () => {
    renderReadiness({ phase: 'downloading', file: 'config.json', loaded: 3 * 1024 * 1024, done: 1, files: 7 }, null);
    expect(screen.getByText(/Downloading Whisper tiny \(English\): 3\.0 MB \(file 2 of 7\)/)).toBeTruthy();
    const bar = screen.getByRole<HTMLProgressElement>('progressbar');
    expect([bar.value, bar.max]).toEqual([1, 7]);
  });

  it('after a failure says so as an error, offers Try again and the local folder, keeping what arrived', () => {
    render(
      <ModelReadiness
        readiness={{
          phase: 'paused',
          loaded: 20 * 1024 * 1024,
          message: 'The connection dropped during the download.',
          failed: true,
        }}
        modelLabel="Whisper tiny (English)"
        aboutMb={41}
        onDownload={() => undefined}
        onCancel={() => undefined}
        localFolder={<button type="button">Use a local model folder</button>}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('The connection dropped during the download.');
    expect(alert.className).toContain('message--error');
    expect(screen.getByText(/\(20\.0 MB already here\)/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Use a local model folder' })).toBeTruthy();
  });

  it('after a cancel offers to resume, as news rather than an error', () => {
    renderReadiness({ phase: 'paused', loaded: 20 * 1024 * 1024, message: 'Download paused.', failed: false });
    expect(screen.getByRole('status').className).toContain('message--info');
    expect(screen.getByRole('button', { name: 'Resume download' })).toBeTruthy();
  });

  it('says Ready offline once stored', () => {
    renderReadiness({ phase: 'ready' });
    expect(screen.getByRole('status').textContent).toBe(
      '✓ Ready offline: Whisper tiny (English) is stored on this device.',
    );
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('GettingStarted', () => {
  it('welcomes, lists the three steps in order with the model step inside, and can be put away', () => {
    const onDismiss = vi.fn();
    render(<GettingStarted modelStep={<span>model step</span>} onDismiss={onDismiss} />);
    const region = screen.getByRole('region', { name: 'Welcome to Cuecard' });
    const steps = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(steps).toHaveLength(3);
    expect(steps[0]).toMatch(/^Get the speech model ready.*model step$/);
    expect(steps[1]).toMatch(/click the Cuecard button in Chrome’s toolbar on that tab/);
    expect(steps[2]).toMatch(/^Press Start listening to this tab\./);
    expect(region.textContent).toContain('Everything runs on this device');
    fireEvent.click(screen.getByRole('button', { name: 'Got it' }));
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });
});
