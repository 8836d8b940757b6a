import type { KnowledgePack } from '@/lib/knowledge/schema';
import { countOf } from '../common/count-of';

interface PackManagerProps {
  shippedPacks: readonly KnowledgePack[];
  userPacks: readonly KnowledgePack[];
  disabledPackIds: readonly string[];
  onRemove: (packId: string) => void;
  onToggle: (packId: string) => void;
}

/** The packs Cuecard searches: switch each on or off, remove the user's own (with undo, above). */
export function PackManager({ shippedPacks, userPacks, disabledPackIds, onRemove, onToggle }: PackManagerProps) {
  const row = (pack: KnowledgePack, removable: boolean) => (
    <li key={pack.id} className="pack-row">
      <label className="checkbox">
        <input type="checkbox" checked={!disabledPackIds.includes(pack.id)} onChange={() => onToggle(pack.id)} />
        <span>
          <strong>{pack.title}</strong> — {countOf(pack.entries.length, 'question')}
        </span>
      </label>
      {removable && (
        <button type="button" onClick={() => onRemove(pack.id)} aria-label={`Remove ${pack.title}`}>
          Remove
        </button>
      )}
    </li>
  );

  return (
    <section className="packs" aria-label="Knowledge packs">
      <h2>Knowledge packs</h2>
      <ul>
        {shippedPacks.map((pack) => row(pack, false))}
        {userPacks.map((pack) => row(pack, true))}
      </ul>
    </section>
  );
}
