import { VERBOSITIES, type Verbosity } from '@/lib/card/build-card';

const LABELS: Record<Verbosity, string> = { glance: 'Glance', standard: 'Standard', detailed: 'Detailed' };

export function VerbosityPicker({ value, onChange }: { value: Verbosity; onChange: (verbosity: Verbosity) => void }) {
  return (
    <div className="segmented" role="radiogroup" aria-label="Hint detail">
      {VERBOSITIES.map((verbosity) => (
        <label key={verbosity} className={verbosity === value ? 'is-selected' : undefined}>
          <input
            type="radio"
            name="verbosity"
            value={verbosity}
            checked={verbosity === value}
            onChange={() => onChange(verbosity)}
          />
          {LABELS[verbosity]}
        </label>
      ))}
    </div>
  );
}
