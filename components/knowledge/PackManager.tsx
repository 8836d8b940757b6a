import { useState } from 'react';
import { toJsonPack } from '@/lib/knowledge/json-pack';
import { toMarkdownPack } from '@/lib/knowledge/markdown-pack';
import { MAX_PACK_BYTES } from '@/lib/knowledge/parse-pack-file';
import type { KnowledgePack } from '@/lib/knowledge/schema';
import type { ImportResult } from '@/lib/store/knowledge-store';
import { downloadText } from '../common/download-text';
import { FileButton } from '../common/FileButton';
import type { Notice } from '@/lib/store/session-store';
import { MessageLine } from '../common/MessageLine';

interface PackManagerProps {
  shippedPacks: readonly KnowledgePack[];
  userPacks: readonly KnowledgePack[];
  disabledPackIds: readonly string[];
  onImport: (fileName: string, text: string) => ImportResult;
  onRemove: (packId: string) => void;
  onToggle: (packId: string) => void;
}

/** The packs Cuecard searches, with Markdown/JSON import and export. */
export function PackManager({ shippedPacks, userPacks, disabledPackIds, onImport, onRemove, onToggle }: PackManagerProps) {
  const [message, setMessage] = useState<Notice | null>(null);

  async function importFiles(files: FileList | null) {
    for (const file of Array.from(files ?? [])) {
      // Refuse an oversized file before reading it into memory.
      const result =
        file.size > MAX_PACK_BYTES
          ? { ok: false as const, message: `${file.name}: the file is larger than ${MAX_PACK_BYTES / 1024 / 1024} MB; split it into smaller packs` }
          : onImport(file.name, await file.text());
      setMessage(
        result.ok
          ? { kind: 'info', text: `Imported ${result.pack.entries.length} questions from ${file.name}.` }
          : { kind: 'error', text: `${result.message}. Nothing was changed; fix the file and import it again.` },
      );
      if (!result.ok) return;
    }
  }

  const row = (pack: KnowledgePack, removable: boolean) => (
    <li key={pack.id} className="pack-row">
      <label className="checkbox">
        <input type="checkbox" checked={!disabledPackIds.includes(pack.id)} onChange={() => onToggle(pack.id)} />
        <span>
          <strong>{pack.title}</strong> — {pack.entries.length} questions
        </span>
      </label>
      <span className="pack-actions">
        <button type="button" onClick={() => downloadText(`${pack.id}.md`, toMarkdownPack(pack), 'text/markdown')}>
          Export .md
        </button>
        <button type="button" onClick={() => downloadText(`${pack.id}.json`, toJsonPack(pack), 'application/json')}>
          Export .json
        </button>
        {removable && (
          <button type="button" onClick={() => onRemove(pack.id)} aria-label={`Remove ${pack.title}`}>
            Remove
          </button>
        )}
      </span>
    </li>
  );

  return (
    <section className="packs" aria-label="Knowledge packs">
      <h2>Knowledge packs</h2>
      <ul>
        {shippedPacks.map((pack) => row(pack, false))}
        {userPacks.map((pack) => row(pack, true))}
      </ul>
      <FileButton label="Import a Markdown or JSON pack" accept=".md,.markdown,.txt,.json" onFiles={(files) => void importFiles(files)} />
      <MessageLine message={message} />
    </section>
  );
}
