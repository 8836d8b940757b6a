import { useState } from 'react';
import { toJsonPack } from '@/lib/knowledge/json-pack';
import { toMarkdownPack } from '@/lib/knowledge/markdown-pack';
import type { KnowledgePack } from '@/lib/knowledge/schema';
import { downloadText } from '../common/download-text';

/** Saves one pack as a file, in the Markdown or JSON format import reads back. */
export function PackExport({ packs }: { packs: readonly KnowledgePack[] }) {
  const [packId, setPackId] = useState(packs[0]?.id ?? '');
  const pack = packs.find((candidate) => candidate.id === packId) ?? packs[0];
  if (!pack) return null;
  return (
    <fieldset className="pack-export">
      <legend>Export a pack</legend>
      <select aria-label="Pack to export" value={pack.id} onChange={(event) => setPackId(event.target.value)}>
        {packs.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {candidate.title}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => downloadText(`${pack.id}.md`, toMarkdownPack(pack), 'text/markdown')}>
        Export .md
      </button>
      <button type="button" onClick={() => downloadText(`${pack.id}.json`, toJsonPack(pack), 'application/json')}>
        Export .json
      </button>
    </fieldset>
  );
}
