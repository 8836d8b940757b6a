import { localModelChoice, modelSource } from '@/lib/asr/asr-settings';
import { LocalModelFolder } from '@/components/settings/LocalModelFolder';
import { ModelReadiness } from '@/components/settings/ModelReadiness';
import { useModelReadinessStore, useSettingsStore } from '../stores';

/**
 * The chosen model's readiness with its download, wired to the stores (Live's first steps,
 * Settings). With `offerFolder`, a failed download offers a local model folder right there
 * (Settings has that button under it already).
 */
export function ModelStep({ offerFolder = false }: { offerFolder?: boolean }) {
  const choice = useSettingsStore((state) => state.asrModel);
  const readiness = useModelReadinessStore((state) => state.readiness);
  const device = useModelReadinessStore((state) => state.device);
  const chosen = modelSource(choice);
  return (
    <ModelReadiness
      readiness={readiness}
      modelLabel={chosen.source === 'local' ? `the folder “${chosen.folder}”` : chosen.model.label}
      // The listed sizes are the WASM (q8) files; WebGPU reads other precisions.
      aboutMb={chosen.source === 'hub' && device !== 'webgpu' ? chosen.model.downloadMb : undefined}
      onDownload={() => void useModelReadinessStore.getState().download()}
      onCancel={() => useModelReadinessStore.getState().cancel()}
      localFolder={
        offerFolder ? (
          <LocalModelFolder onStored={(name) => useSettingsStore.getState().setAsrModel(localModelChoice(name))} />
        ) : undefined
      }
    />
  );
}
