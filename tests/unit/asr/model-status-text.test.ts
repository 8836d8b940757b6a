import { describe, expect, it } from 'vitest';
import { ModelDownloadError } from '@/lib/asr/model-download';
import { isNetworkFailure, modelText, type ModelSituation } from '@/lib/asr/model-status-text';

describe('modelText', () => {
  it.each<[string, ModelSituation, { tone: string; text: RegExp }]>([
    [
      'loading from the user’s folder',
      { kind: 'loading', fromFolder: true, percent: 100, file: 'generation_config.json' },
      { tone: 'progress', text: /^Loading the speech model from your folder: 100 %$/ },
    ],
    [
      'loading from the hub',
      { kind: 'loading', fromFolder: false, percent: 40, file: 'onnx/encoder.onnx' },
      { tone: 'progress', text: /^Getting the speech model ready \(onnx\/encoder\.onnx\): 40 %$/ },
    ],
    [
      'Start while offline',
      { kind: 'load-failed', error: new Error('Failed to fetch') },
      { tone: 'error', text: /could not reach the model host.*offline\?.*local model folder/ },
    ],
    [
      'Start with a broken model',
      { kind: 'load-failed', error: new Error('bad shape') },
      { tone: 'error', text: /^The speech model could not be loaded \(bad shape\)\. Press Start again/ },
    ],
    [
      'Get ready offline',
      { kind: 'download-stopped', error: new TypeError('Failed to fetch'), cancelled: false, arrived: false },
      { tone: 'error', text: /^Cuecard could not reach the model host.*Try again.*local model folder/ },
    ],
    [
      'a dropped connection',
      { kind: 'download-stopped', error: new ModelDownloadError('body ended', true), cancelled: false, arrived: true },
      { tone: 'error', text: /^The connection dropped during the download/ },
    ],
    [
      'a cancel',
      { kind: 'download-stopped', error: 'cancelled', cancelled: true, arrived: true },
      { tone: 'info', text: /^Download paused/ },
    ],
    [
      'a full disk',
      {
        kind: 'download-stopped',
        error: new DOMException('full', 'QuotaExceededError'),
        cancelled: false,
        arrived: true,
      },
      { tone: 'error', text: /not enough disk space/ },
    ],
  ])('words %s', (_case, situation, expected) => {
    const actual = modelText(situation);
    expect(actual.tone).toBe(expected.tone);
    expect(actual.text).toMatch(expected.text);
    expect(actual.text).not.toMatch(/Failed to fetch/);
  });

  it('knows a network failure from the words a worker passes on', () => {
    expect(isNetworkFailure(new Error('Failed to fetch'))).toBe(true);
    expect(isNetworkFailure(new Error('protobuf parsing failed'))).toBe(false);
    expect(isNetworkFailure(new ModelDownloadError('the model host answered 503', false))).toBe(false);
  });
});
