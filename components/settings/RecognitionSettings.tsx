import { useEffect, useState, type ReactNode } from 'react';
import { localModelChoice } from '@/lib/asr/asr-settings';
import { listModelFolders } from '@/lib/asr/model-store';
import { WHISPER_MODELS } from '@/lib/asr/whisper-models';
import type { DevicePreference, VadSettings } from '@/lib/messaging/runtime-messages';
import { RangeSetting } from '../common/RangeSetting';
import { LocalModelFolder } from './LocalModelFolder';

interface RecognitionSettingsProps {
  model: string;
  device: DevicePreference;
  captureMicrophone: boolean;
  vad: VadSettings;
  onModel: (model: string) => void;
  onVad: (vad: Partial<VadSettings>) => void;
  onDevice: (device: DevicePreference) => void;
  onCaptureMicrophone: (capture: boolean) => void;
  /** The chosen model's readiness and its download, under the model choice. */
  modelReadiness?: ReactNode;
}

/** Model choice (download sizes shown up front), a user-provided model folder, device and microphone. */
export function RecognitionSettings(props: RecognitionSettingsProps) {
  return (
    <section className="settings" aria-label="Speech recognition settings">
      <h2>Speech recognition</h2>
      <ModelChoice model={props.model} onModel={props.onModel} modelReadiness={props.modelReadiness} />
      <label>
        Speed
        <select
          value={props.device}
          onChange={(event) => props.onDevice(event.target.value as RecognitionSettingsProps['device'])}
        >
          <option value="auto">Fastest available</option>
          <option value="wasm">Processor only</option>
        </select>
      </label>
      <p className="card-meta">
        {props.device === 'auto'
          ? 'Uses the graphics card when it works, else the processor.'
          : 'Slower, but works on every computer.'}
      </p>
      <PauseSettings vad={props.vad} onVad={props.onVad} />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={props.captureMicrophone}
          onChange={(event) => props.onCaptureMicrophone(event.target.checked)}
        />
        Also capture my microphone (labelled “You”; never brings a card)
      </label>
      <p className="card-meta">
        Audio never leaves this device. The first use downloads the chosen model from the Hugging Face hub, which sees
        your IP address.
      </p>
    </section>
  );
}

/** The model: the shipped choices with their download sizes, and the user's own model folders. */
function ModelChoice({
  model,
  onModel,
  modelReadiness,
}: Pick<RecognitionSettingsProps, 'model' | 'onModel' | 'modelReadiness'>) {
  const [folders, setFolders] = useState<Array<{ name: string; bytes: number }>>([]);
  useEffect(() => {
    // The list can arrive after Settings was closed: a closed view is not updated.
    let open = true;
    void listModelFolders().then((stored) => open && setFolders(stored));
    return () => {
      open = false;
    };
  }, []);

  const chosen = WHISPER_MODELS.find((choice) => choice.id === model);
  return (
    <>
      <label>
        Model
        <select value={model} onChange={(event) => onModel(event.target.value)}>
          {WHISPER_MODELS.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}, {option.downloadMb} MB
            </option>
          ))}
          {folders.map((folder) => (
            <option key={folder.name} value={localModelChoice(folder.name)}>
              Local folder: {folder.name} ({Math.round(folder.bytes / 1024 / 1024)} MB)
            </option>
          ))}
        </select>
      </label>
      {/* What the choice means, in a line of its own: an option's text is cut at the panel's narrowest. */}
      {chosen && (
        <p className="card-meta">
          {chosen.label}: {chosen.tradeOff}; a {chosen.downloadMb} MB download, once.
        </p>
      )}
      {modelReadiness}
      <LocalModelFolder
        onStored={async (name) => {
          setFolders(await listModelFolders());
          onModel(localModelChoice(name));
        }}
      />
    </>
  );
}

/** When a spoken line ends: the pause that ends it, the longest line, and the sound kept around speech. */
function PauseSettings({ vad, onVad }: Pick<RecognitionSettingsProps, 'vad' | 'onVad'>) {
  return (
    <fieldset className="vad-settings">
      <legend>When a spoken line ends</legend>
      <RangeSetting
        min={300}
        max={2000}
        step={100}
        value={vad.minSilenceMs}
        onChange={(minSilenceMs) => onVad({ minSilenceMs })}
      >
        A pause of {(vad.minSilenceMs / 1000).toFixed(1)} s ends a line (shorter: cards sooner; longer: fewer sentences
        cut in two)
      </RangeSetting>
      <RangeSetting
        min={5000}
        max={29000}
        step={1000}
        value={vad.maxUtteranceMs}
        onChange={(maxUtteranceMs) => onVad({ maxUtteranceMs })}
      >
        A line longer than {vad.maxUtteranceMs / 1000} s is cut there
      </RangeSetting>
      <RangeSetting min={0} max={800} step={50} value={vad.padMs} onChange={(padMs) => onVad({ padMs })}>
        Sound kept before and after speech: {(vad.padMs / 1000).toFixed(2)} s (more: fewer clipped first words)
      </RangeSetting>
    </fieldset>
  );
}
