import { dtypeFor, type AsrDevice } from './whisper-models';

/**
 * Where transformers.js looks for a hub file, and where a download made ahead of time
 * must therefore be stored: its browser cache keys files by this address
 * (`env.remoteHost` + `env.remotePathTemplate`, revision "main").
 */
export function hubFileUrl(hubId: string, path: string): string {
  return `https://huggingface.co/${hubId}/resolve/main/${path}`;
}

/** transformers.js's browser cache (`env.cacheKey`); a test pins the two together. */
export const TRANSFORMERS_CACHE_NAME = 'transformers-cache';

const WEIGHT_SUFFIX = { fp32: '', q8: '_quantized', q4: '_q4' } as const;

/**
 * The files transformers.js's speech-recognition pipeline reads for a Whisper or Moonshine model
 * on this device (both are encoder + merged decoder): configs, tokenizer, feature extractor, and
 * the encoder and merged decoder at the device's precision. A test compares this list with the library's own
 * (`ModelRegistry.get_pipeline_files`), so an upgrade that reads other files fails it.
 */
export function whisperFiles(device: AsrDevice): string[] {
  const dtypes = dtypeFor(device);
  return [
    'config.json',
    `onnx/encoder_model${WEIGHT_SUFFIX[dtypes.encoder_model]}.onnx`,
    `onnx/decoder_model_merged${WEIGHT_SUFFIX[dtypes.decoder_model_merged]}.onnx`,
    'generation_config.json',
    'tokenizer.json',
    'tokenizer_config.json',
    'preprocessor_config.json',
  ];
}

/** Where downloaded files go: whole files where the recogniser finds them, parts kept for a resume. */
export interface DownloadStore {
  /** Size of the stored complete file, or undefined if it is not stored. */
  storedSize(url: string): Promise<number | undefined>;
  saveFile(url: string, file: Blob): Promise<void>;
  /** The parts of an interrupted download of this file, in order. */
  readParts(url: string): Promise<Blob[]>;
  appendPart(url: string, part: Blob): Promise<void>;
  clearParts(url: string): Promise<void>;
}

export interface DownloadProgress {
  /** The file being fetched now (path inside the model). */
  file: string;
  /** Bytes stored so far, all files together (parts kept from earlier attempts included). */
  loaded: number;
  /** Files complete, of `files`. */
  done: number;
  files: number;
}

export interface DownloadRequest {
  hubId: string;
  files: readonly string[];
  fetch: typeof fetch;
  store: DownloadStore;
  signal?: AbortSignal;
  onProgress?: (progress: DownloadProgress) => void;
  /** Bytes gathered in memory before they are kept as a part: what a dropped connection can lose. */
  partBytes?: number;
}

const PART_BYTES = 4 * 1024 * 1024;

/**
 * The download failed in a way the user should read: a host error or a page instead of a
 * model, or (resumable) a body that ended early, as a dropped connection leaves it.
 */
export class ModelDownloadError extends Error {
  constructor(
    message: string,
    readonly resumable = false,
  ) {
    super(message);
  }
}

/**
 * Fetches every file of a model into the store, one at a time. Files already stored are
 * skipped; a file cut off by a dropped connection or a cancel keeps what arrived, and
 * the next call asks only for the rest (an HTTP range request; a host that ignores the
 * range sends the whole file, which replaces the parts). Resolves when every file is
 * stored; rejects with the abort reason on cancel, or with a ModelDownloadError.
 */
export async function downloadModel(request: DownloadRequest): Promise<void> {
  const { files, store } = request;
  let loadedBefore = 0;
  for (const [done, file] of files.entries()) {
    const url = hubFileUrl(request.hubId, file);
    const stored = await store.storedSize(url);
    if (stored !== undefined) {
      loadedBefore += stored;
      continue;
    }
    const report = (fileBytes: number) =>
      request.onProgress?.({ file, loaded: loadedBefore + fileBytes, done, files: files.length });
    loadedBefore += await downloadFile(url, file, request, report);
  }
  request.onProgress?.({ file: '', loaded: loadedBefore, done: files.length, files: files.length });
}

async function downloadFile(
  url: string,
  file: string,
  request: DownloadRequest,
  report: (bytes: number) => void,
): Promise<number> {
  const { store, signal } = request;
  let parts = await store.readParts(url);
  let have = parts.reduce((sum, part) => sum + part.size, 0);
  report(have);
  const response = await request.fetch(url, { signal, headers: have > 0 ? { Range: `bytes=${have}-` } : {} });
  if (response.status === 200 && have > 0) {
    // The host sent the whole file again: what was kept is not a prefix of this body.
    await store.clearParts(url);
    parts = [];
    have = 0;
  } else if (response.status !== 200 && response.status !== 206) {
    if (response.status === 416) await store.clearParts(url);
    throw new ModelDownloadError(`the model host answered ${response.status} for ${file}`);
  }
  const expected = Number(response.headers.get('content-length') ?? NaN) + have;
  const reader = response.body?.getReader();
  if (!reader) throw new ModelDownloadError(`the model host sent no data for ${file}`);
  const partBytes = request.partBytes ?? PART_BYTES;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const keepPending = async () => {
    if (pendingBytes === 0) return;
    const part = new Blob(pending as BlobPart[]);
    pending = [];
    pendingBytes = 0;
    await store.appendPart(url, part);
    parts.push(part);
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      pending.push(value);
      pendingBytes += value.byteLength;
      have += value.byteLength;
      report(have);
      if (pendingBytes >= partBytes) await keepPending();
    }
  } finally {
    // Cancelled or cut off: what arrived is kept for the next attempt.
    await keepPending();
  }
  const whole = new Blob(parts);
  // Fewer bytes than announced: cut off. More is fine: a compressed transfer announces its compressed size.
  if (Number.isFinite(expected) && whole.size < expected) {
    throw new ModelDownloadError(`${file} arrived incomplete (${whole.size} of ${expected} bytes)`, true);
  }
  try {
    await checkContent(file, whole);
  } catch (error) {
    await store.clearParts(url);
    throw error;
  }
  await store.saveFile(url, whole);
  await store.clearParts(url);
  return whole.size;
}

/** A login page or an error page saved as a model would break every later load: refuse it here. */
async function checkContent(file: string, blob: Blob): Promise<void> {
  const head = (await blob.slice(0, 64).text()).trimStart();
  const looksLikeHtml = /^<(!doctype|html|head|body)/i.test(head);
  if (file.endsWith('.json')) {
    try {
      JSON.parse(await blob.text());
      return;
    } catch {
      throw new ModelDownloadError(`${file} is not valid JSON${looksLikeHtml ? ' (the host sent a web page)' : ''}`);
    }
  }
  if (looksLikeHtml) throw new ModelDownloadError(`${file} is a web page, not a model file`);
}
