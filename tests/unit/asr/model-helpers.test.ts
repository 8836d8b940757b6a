import { describe, expect, it } from 'vitest';
import { chooseDevice, runtimeFilesFor } from '@/lib/asr/choose-device';
import { checkModelFolder, fileInModel } from '@/lib/asr/local-model-folder';
import { DEFAULT_WHISPER_MODEL, dtypeFor, findWhisperModel } from '@/lib/asr/whisper-models';

const gpu = (adapter: () => Promise<unknown>) => ({ requestAdapter: adapter });

describe('chooseDevice', () => {
  it.each([
    ['auto', gpu(async () => ({})), 'webgpu'],
    ['auto', gpu(async () => null), 'wasm'], // navigator.gpu without an adapter (Linux)
    ['auto', gpu(() => Promise.reject(new Error('blocked'))), 'wasm'],
    ['auto', undefined, 'wasm'],
    ['wasm', gpu(async () => ({})), 'wasm'],
  ] as const)('%s with %o → %s', async (preference, gpu, expected) => {
    expect(await chooseDevice(preference, gpu)).toBe(expected);
  });
});

describe('runtimeFilesFor', () => {
  it('loads the plain SIMD build for WASM and the asyncify build (by prefix) for WebGPU', () => {
    expect(runtimeFilesFor('wasm', 'chrome-extension://x/ort/')).toEqual({
      mjs: 'chrome-extension://x/ort/ort-wasm-simd-threaded.mjs',
      wasm: 'chrome-extension://x/ort/ort-wasm-simd-threaded.wasm',
    });
    expect(runtimeFilesFor('webgpu', 'chrome-extension://x/ort/')).toBe('chrome-extension://x/ort/');
  });
});

describe('checkModelFolder', () => {
  const base = ['m/config.json', 'm/tokenizer.json', 'm/preprocessor_config.json'];
  it('accepts a quantised folder and a full-precision one', () => {
    expect(
      checkModelFolder([...base, 'm/onnx/encoder_model_quantized.onnx', 'm/onnx/decoder_model_merged_quantized.onnx']),
    ).toEqual({ ok: true, name: 'm', dtype: 'q8' });
    expect(checkModelFolder([...base, 'm/onnx/encoder_model.onnx', 'm/onnx/decoder_model_merged.onnx'])).toEqual({
      ok: true,
      name: 'm',
      dtype: 'fp32',
    });
  });

  it('says what is missing', () => {
    const check = checkModelFolder(['m/config.json', 'm/onnx/encoder_model.onnx']);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.message).toMatch(
      /missing tokenizer\.json, preprocessor_config\.json, onnx\/encoder_model/,
    );
    expect(checkModelFolder([])).toEqual({ ok: false, message: 'The folder is empty.' });
  });
});

describe('fileInModel', () => {
  it.each([
    ['https://huggingface.co/my-whisper/resolve/main/onnx/encoder_model.onnx', 'onnx/encoder_model.onnx'],
    ['/models/my-whisper/config.json', 'config.json'],
    ['https://huggingface.co/other/resolve/main/config.json', null],
  ])('%s → %s', (url, expected) => {
    expect(fileInModel(url, 'my-whisper')).toBe(expected);
  });
});

describe('model catalogue', () => {
  it('defaults to Moonshine tiny and picks precision by device', () => {
    expect(findWhisperModel(DEFAULT_WHISPER_MODEL)?.label).toBe('Moonshine tiny (English)');
    expect(findWhisperModel('tiny.en')?.hubId).toBe('onnx-community/whisper-tiny.en');
    expect(findWhisperModel('moonshine-tiny')?.hubId).toBe('onnx-community/moonshine-tiny-ONNX');
    expect(dtypeFor('webgpu')).toEqual({ encoder_model: 'fp32', decoder_model_merged: 'q4' });
    expect(dtypeFor('wasm')).toEqual({ encoder_model: 'q8', decoder_model_merged: 'q8' });
  });
});
