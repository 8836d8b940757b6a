import type { AsrSettings, VadSettings } from '../messaging/runtime-messages';
import { DEFAULT_WHISPER_MODEL, findWhisperModel } from './whisper-models';

const LOCAL_PREFIX = 'local:';

export const localModelChoice = (folder: string) => `${LOCAL_PREFIX}${folder}`;

/** What the worker needs to load, from the model the user chose in settings. */
export function asrSettingsFor(choice: string, device: AsrSettings['device'], vad: VadSettings): AsrSettings {
  if (choice.startsWith(LOCAL_PREFIX)) return { model: choice.slice(LOCAL_PREFIX.length), source: 'local', device, vad };
  const model = findWhisperModel(choice) ?? findWhisperModel(DEFAULT_WHISPER_MODEL)!;
  return { model: model.hubId, source: 'hub', device, vad };
}
