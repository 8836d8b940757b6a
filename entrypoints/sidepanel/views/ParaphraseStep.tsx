import { useEffect } from 'react';
import { ModelReadiness } from '@/components/settings/ModelReadiness';
import { ParaphraseSettings } from '@/components/settings/ParaphraseSettings';
import { SENTENCE_MODEL, SENTENCE_MODEL_MEGABYTES } from '@/lib/semantic/sentence-model';
import { useSentenceReadinessStore, useSettingsStore } from '../stores';

/** The paraphrase setting and, while it is on, the sentence model's Get ready, wired to the stores. */
export function ParaphraseStep() {
  const on = useSettingsStore((state) => state.understandParaphrases);
  const setOn = useSettingsStore((state) => state.setUnderstandParaphrases);
  const readiness = useSentenceReadinessStore((state) => state.readiness);
  useEffect(() => {
    if (on) void useSentenceReadinessStore.getState().check(SENTENCE_MODEL, 'wasm');
  }, [on]);
  return (
    <ParaphraseSettings
      on={on}
      onChange={setOn}
      modelReadiness={
        <ModelReadiness
          readiness={readiness}
          modelLabel="The sentence model (all-MiniLM-L6-v2)"
          aboutMb={SENTENCE_MODEL_MEGABYTES}
          onDownload={() => void useSentenceReadinessStore.getState().download()}
          onCancel={() => useSentenceReadinessStore.getState().cancel()}
        />
      }
    />
  );
}
