import type { AsrSettings, VadSettings } from '../messaging/runtime-messages';
import { DEFAULT_WHISPER_MODEL, findWhisperModel, type WhisperModelChoice } from './whisper-models';

const LOCAL_PREFIX = 'local:';

export const localModelChoice = (folder: string) => `${LOCAL_PREFIX}${folder}`;

/** Where the model the user chose in settings comes from: a stored folder, or the model hub. */
export function modelSource(
  choice: string,
): { source: 'local'; folder: string } | { source: 'hub'; model: WhisperModelChoice } {
  if (choice.startsWith(LOCAL_PREFIX)) return { source: 'local', folder: choice.slice(LOCAL_PREFIX.length) };
  return { source: 'hub', model: findWhisperModel(choice) ?? findWhisperModel(DEFAULT_WHISPER_MODEL)! };
}

/** What the worker needs to load, from the model the user chose in settings. */
export function asrSettingsFor(choice: string, device: AsrSettings['device'], vad: VadSettings): AsrSettings {
  const chosen = modelSource(choice);
  return chosen.source === 'local'
    ? { model: chosen.folder, source: 'local', device, vad }
    : { model: chosen.model.hubId, source: 'hub', device, vad };
}
