import { create } from 'zustand';
import { modelSource } from '../asr/asr-settings';
import { modelText } from '../asr/model-status-text';
import {
  downloadModel,
  hubFileUrl,
  whisperFiles,
  type DownloadProgress,
  type DownloadStore,
} from '../asr/model-download';
import type { AsrDevice } from '../asr/whisper-models';
import type { DevicePreference } from '../messaging/runtime-messages';

/** Whether the chosen speech model can run with no network, and the download that gets it there. */
export type Readiness =
  | { phase: 'checking' }
  /** A folder the user provided: nothing to download. */
  | { phase: 'local' }
  /** Nothing or part of it stored; `loaded` is what a resume keeps. */
  | { phase: 'missing'; loaded: number }
  | ({ phase: 'downloading' } & DownloadProgress)
  /** Stopped with parts kept: cancelled, or `failed` (offline, host refused, disk full); `message` says which and what to do. */
  | { phase: 'paused'; loaded: number; message: string; failed: boolean }
  | { phase: 'ready' };

export interface ModelReadinessState {
  readiness: Readiness;
  /** The device the files are for (each device reads its own precision). */
  device?: AsrDevice;
  /** Looks at what is stored for this model choice on this device. */
  check: (choice: string, preference: DevicePreference) => Promise<void>;
  /** Downloads (or resumes) the model last checked. */
  download: () => Promise<void>;
  cancel: () => void;
}

export interface ModelReadinessDeps {
  store: DownloadStore;
  fetch: typeof fetch;
  /** The device the recogniser will use for this preference (WebGPU only with a real adapter). */
  resolveDevice: (preference: DevicePreference) => Promise<AsrDevice>;
  /** Where a model choice's files come from (default: the speech model's, by Whisper choice). */
  locate?: (choice: string, device: AsrDevice) => ModelLocation;
}

/** A model to download from the hub (its id and the files its pipeline reads), or a folder the user gave. */
export type ModelLocation = { source: 'hub'; hubId: string; files: string[] } | { source: 'local' };

/** The speech model's files: a Whisper choice, or a local folder. */
export function whisperLocation(choice: string, device: AsrDevice): ModelLocation {
  const chosen = modelSource(choice);
  return chosen.source === 'local'
    ? { source: 'local' }
    : { source: 'hub', hubId: chosen.model.hubId, files: whisperFiles(device) };
}

const CANCELLED = 'cancelled';

/** What is stored of a model's files: complete, or the bytes a resume would keep. */
async function storedBytes(store: DownloadStore, hubId: string, files: readonly string[]) {
  let loaded = 0;
  let complete = true;
  for (const file of files) {
    const url = hubFileUrl(hubId, file);
    const size = await store.storedSize(url);
    if (size !== undefined) {
      loaded += size;
      continue;
    }
    complete = false;
    for (const part of await store.readParts(url)) loaded += part.size;
  }
  return { loaded, complete };
}

/**
 * One store for a model's readiness, shared by the onboarding card and Settings: the speech
 * model by default, or another (the sentence model) through `locate`.
 */
export function createModelReadinessStore(deps: ModelReadinessDeps) {
  const locate = deps.locate ?? whisperLocation;
  let controller: AbortController | undefined;
  let target: { hubId: string; files: string[] } | undefined;
  /** Bumped by every check, so a slow check for an older choice cannot overwrite a newer one. */
  let checkId = 0;
  return create<ModelReadinessState>()((set, get) => ({
    readiness: { phase: 'checking' },
    async check(choice, preference) {
      const id = ++checkId;
      if (locate(choice, 'wasm').source === 'local') {
        controller?.abort(CANCELLED);
        target = undefined;
        set({ readiness: { phase: 'local' }, device: undefined });
        return;
      }
      const device = await deps.resolveDevice(preference);
      const location = locate(choice, device);
      if (id !== checkId || location.source === 'local') return;
      const { hubId, files } = location;
      // Asked again for the model being downloaded (the card shown again): let it run.
      if (controller && target?.hubId === hubId && target.files.join() === files.join()) return;
      controller?.abort(CANCELLED);
      target = { hubId, files };
      set({ device, readiness: { phase: 'checking' } });
      // Storage that cannot be read counts as nothing stored: Get ready then says what fails.
      const { loaded, complete } = await storedBytes(deps.store, hubId, files).catch(() => ({
        loaded: 0,
        complete: false,
      }));
      if (id !== checkId) return;
      set({ readiness: complete ? { phase: 'ready' } : { phase: 'missing', loaded } });
    },
    async download() {
      const mine = target;
      if (!mine || get().readiness.phase === 'downloading') return;
      const { hubId, files } = mine;
      controller = new AbortController();
      const { signal } = controller;
      // A newer check (another model chosen) owns the state from then on.
      const current = () => target === mine;
      const start = get().readiness;
      const before = 'loaded' in start ? start.loaded : 0;
      let firstProgress: number | undefined;
      let arrived = false;
      set({ readiness: { phase: 'downloading', file: files[0]!, loaded: 0, done: 0, files: files.length } });
      try {
        await downloadModel({
          hubId,
          files,
          fetch: deps.fetch,
          store: deps.store,
          signal,
          onProgress: (progress) => {
            firstProgress ??= progress.loaded;
            if (progress.loaded > firstProgress) arrived = true;
            if (!signal.aborted && current()) set({ readiness: { phase: 'downloading', ...progress } });
          },
        });
        if (current()) set({ readiness: { phase: 'ready' } });
      } catch (error) {
        const loaded = (await storedBytes(deps.store, hubId, files).catch(() => ({ loaded: 0 }))).loaded;
        const cancelled = signal.aborted && signal.reason === CANCELLED;
        // Nothing new arrived: the host was never reached (offline), not a connection that dropped.
        const { tone, text } = modelText({
          kind: 'download-stopped',
          error: signal.aborted ? signal.reason : error,
          cancelled,
          arrived: arrived || loaded > before,
        });
        if (current()) set({ readiness: { phase: 'paused', loaded, message: text, failed: tone === 'error' } });
      } finally {
        if (controller?.signal === signal) controller = undefined;
      }
    },
    cancel() {
      controller?.abort(CANCELLED);
    },
  }));
}
