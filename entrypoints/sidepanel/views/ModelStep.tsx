import { modelSource } from '@/lib/asr/asr-settings';
import { ModelReadiness } from '@/components/settings/ModelReadiness';
import { useModelReadinessStore, useSettingsStore } from '../stores';

/** The chosen model's readiness with its download, wired to the stores (Live's first steps, Settings). */
export function ModelStep() {
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
    />
  );
}
