import type { DevicePreference, RunDevice } from '../messaging/runtime-messages';
export interface GpuLike {
  requestAdapter(): Promise<unknown>;
}

/**
 * WebGPU when asked for (or "auto") and an adapter really exists; WASM otherwise.
 * On Linux `navigator.gpu` can exist while requestAdapter() gives null, so the
 * adapter is what counts, not the API.
 */
export async function chooseDevice(preference: DevicePreference, gpu: GpuLike | undefined): Promise<RunDevice> {
  if (preference === 'wasm' || !gpu) return 'wasm';
  try {
    return (await gpu.requestAdapter()) ? 'webgpu' : 'wasm';
  } catch {
    return 'wasm';
  }
}

/** ONNX Runtime Web's file names in the extension's runtime folder (wxt.config.ts copies both builds). */
const PLAIN_BUILD = 'ort-wasm-simd-threaded';

/**
 * Which ONNX Runtime WASM build to load for a device, as `env.wasm.wasmPaths`. WebGPU needs the
 * asyncify build (the one `onnxruntime-web/webgpu` picks from a path prefix); on WASM alone the
 * plain SIMD build runs the speech models faster (BENCHMARKS.md, issue #21: 7–16 % on Whisper
 * tiny.en, about 2.5× on Moonshine tiny), so a WASM-only load points the runtime at it.
 * The runtime loads its build once per worker: a later WebGPU load there falls back to WASM.
 */
export function runtimeFilesFor(device: RunDevice, prefix: string): string | { mjs: string; wasm: string } {
  return device === 'webgpu' ? prefix : { mjs: `${prefix}${PLAIN_BUILD}.mjs`, wasm: `${prefix}${PLAIN_BUILD}.wasm` };
}
