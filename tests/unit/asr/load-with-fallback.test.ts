import { describe, expect, it } from 'vitest';
import { loadWithFallback } from '@/lib/asr/load-with-fallback';
import type { AsrDevice } from '@/lib/asr/whisper-models';

function attempts(failures: Partial<Record<AsrDevice, string[]>>) {
  const calls: string[] = [];
  const warnings: string[] = [];
  let cleared = 0;
  return {
    calls,
    warnings,
    cleared: () => cleared,
    attempt: {
      async load(device: AsrDevice) {
        calls.push(device);
        const error = failures[device]?.shift();
        if (error) throw new Error(error);
        return `model on ${device}`;
      },
      async clearCachedModel() {
        cleared++;
      },
      warn: (message: string) => warnings.push(message),
    },
  };
}

describe('loadWithFallback', () => {
  it('uses WebGPU when it works', async () => {
    const run = attempts({});
    expect(await loadWithFallback('webgpu', run.attempt)).toEqual({ value: 'model on webgpu', device: 'webgpu' });
  });

  it('falls back to WASM and says so when WebGPU fails', async () => {
    const run = attempts({ webgpu: ['device lost'] });
    expect(await loadWithFallback('webgpu', run.attempt)).toMatchObject({ device: 'wasm' });
    expect(run.calls).toEqual(['webgpu', 'wasm']);
    expect(run.warnings[0]).toMatch(/WebGPU could not run the model \(device lost\); using WASM/);
  });

  it('clears a corrupt cached model and retries once', async () => {
    const run = attempts({ wasm: ['protobuf parsing failed'] });
    expect(await loadWithFallback('wasm', run.attempt)).toMatchObject({ device: 'wasm' });
    expect(run.cleared()).toBe(1);
    expect(run.calls).toEqual(['wasm', 'wasm']);
  });

  it('gives up with a message saying what to do', async () => {
    const run = attempts({ wasm: ['fetch failed', 'fetch failed'] });
    await expect(loadWithFallback('wasm', run.attempt)).rejects.toThrow(
      'The speech model is not on this device yet. Cuecard could not reach the model host (huggingface.co). Are you offline? Connect and press Start again, or use a local model folder (Settings).',
    );
    expect(run.calls).toEqual(['wasm']);
  });
});
