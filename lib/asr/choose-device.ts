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
