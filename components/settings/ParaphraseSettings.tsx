import type { ReactNode } from 'react';
import { SENTENCE_MODEL_MEGABYTES } from '@/lib/semantic/sentence-model';

export interface ParaphraseSettingsProps {
  on: boolean;
  onChange: (on: boolean) => void;
  /** The sentence model's readiness and Get ready download, shown while the setting is on. */
  modelReadiness: ReactNode;
}

/** The optional sentence model: off by default; on, it needs its own one-time download. */
export function ParaphraseSettings({ on, onChange, modelReadiness }: ParaphraseSettingsProps) {
  return (
    <section className="settings" aria-label="Paraphrase settings">
      <label className="checkbox">
        <input type="checkbox" checked={on} onChange={(event) => onChange(event.target.checked)} />
        Understand paraphrases (downloads ~{SENTENCE_MODEL_MEGABYTES} MB)
      </label>
      <p className="card-meta">
        A small sentence model runs beside the matcher and may add “Did they ask…?” chips or a card for questions worded
        unlike your entries. Cards never wait for it.
      </p>
      {on && modelReadiness}
    </section>
  );
}
