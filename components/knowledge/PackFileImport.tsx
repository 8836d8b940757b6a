import { useState } from 'react';
import { IMPORT_FILE_ACCEPT, importFileKind, MAX_DOCUMENT_BYTES } from '@/lib/import/import-file';
import { packChangesText, type InstalledCopy } from '@/lib/knowledge/compare-packs';
import { MAX_PACK_BYTES } from '@/lib/knowledge/parse-pack-file';
import type { KnowledgePack } from '@/lib/knowledge/schema';
import type { QuestionIndex } from '@/lib/match/question-index';
import type { ImportWorkerReply, ImportWorkerRequest } from '@/lib/messaging/import-worker-messages';
import { importedPack, reviewItems, type ReviewedQuestion } from '@/lib/page/imported-pack';
import type { ImportReviewStore } from '@/lib/store/import-review-store';
import type { ImportResult } from '@/lib/store/knowledge-store';
import { FileButton } from '../common/FileButton';
import { MessageLine } from '../common/MessageLine';
import { ImportReview } from './ImportReview';
import { countOf } from '../common/count-of';
import { useImportNotice } from './useImportNotice';

interface PackFileImportProps {
  onImport: (fileName: string, text: string) => ImportResult;
  /** Finds a file's questions off the panel's thread, within a time budget (the import worker). */
  read: (request: ImportWorkerRequest) => Promise<ImportWorkerReply>;
  /** For a question list: the knowledge base to check for repeats, and where the reviewed pack goes. */
  index: QuestionIndex;
  onSaveImported: (pack: KnowledgePack) => KnowledgePack;
  /** Replaces an installed pack with an imported copy of it (a backup restored, a newer export). */
  onUpdatePack: (packId: string, pack: KnowledgePack) => KnowledgePack;
  /** The user's packs now: an "Imported …" line goes once the pack it names is removed. */
  userPackIds: ReadonlySet<string>;
  /** Where the review under way is kept, so it outlives a switch to another view. */
  reviews: ImportReviewStore;
}

/**
 * File import: notes and guides (Word, PDF, HTML, text, a README) go through the page
 * extraction and the review list; a Cuecard pack (Markdown or JSON) imports directly.
 */
export function PackFileImport({ onImport, read, index, onSaveImported, onUpdatePack, userPackIds, reviews }: PackFileImportProps) {
  const [copy, setCopy] = useState<{ fileName: string; pack: KnowledgePack; of: InstalledCopy } | null>(null);
  const [reading, setReading] = useState<string | null>(null);
  const { notice, setNotice, saveReviewed } = useImportNotice(userPackIds);
  const review = reviews((state) => state.reviews.file);
  const actions = reviews.getState();

  async function importFiles(files: FileList | null) {
    for (const file of Array.from(files ?? [])) {
      const kind = importFileKind(file.name);
      if (!kind) {
        setNotice({ kind: 'error', text: `Cuecard cannot read "${file.name}": import a .docx, .pdf, .md, .txt, .html or .json file. Nothing was changed.` });
        return;
      }
      // Refuse an oversized file before reading it into memory.
      const limit = kind === 'pdf' || kind === 'docx' ? MAX_DOCUMENT_BYTES : MAX_PACK_BYTES;
      if (file.size > limit) {
        setNotice({ kind: 'error', text: `${file.name}: the file is larger than ${limit / 1024 / 1024} MB; split it into smaller files. Nothing was changed; fix the file and import it again.` });
        return;
      }
      if (kind !== 'pack-json') {
        setNotice(null);
        setReading(file.name);
        const reply = await read({ type: 'file', name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }).finally(() => setReading(null));
        if (reply.status === 'error') {
          setNotice({ kind: 'error', text: reply.message });
          return;
        }
        if (reply.status === 'done') {
          if (reply.questions.length === 0) {
            setNotice({ kind: 'info', text: `No interview questions found in ${file.name}. Questions set apart as headings, bold lines, numbered or list items work best.` });
          } else {
            actions.begin('file', { from: file.name, title: reply.title, url: '', items: reviewItems(reply.questions, index) });
          }
          return;
        }
        // A pack: the pack import below reads it.
      }
      const result = onImport(file.name, await file.text());
      if (result.ok === 'copy') {
        setNotice(null);
        setCopy({ fileName: file.name, pack: result.pack, of: result.copy });
        return;
      }
      setNotice(
        result.ok
          ? { kind: 'info', text: `Imported ${countOf(result.pack.entries.length, 'question')} from ${file.name}.`, packId: result.pack.id }
          : { kind: 'error', text: `${result.message}. Nothing was changed; fix the file and import it again.` },
      );
      if (!result.ok) return;
    }
  }

  function saveReview(reviewed: ReviewedQuestion[]) {
    if (!review) return;
    const saved = saveReviewed(
      () => onSaveImported(importedPack({ title: review.title, url: '' }, reviewed)),
      (pack) => `Imported ${countOf(pack.entries.length, 'question')} from ${review.from}.`,
    );
    if (saved) actions.end('file');
  }

  /** The user's answer to "already installed": update it, keep both, or drop the file. */
  function settleCopy(choice: 'update' | 'both' | 'cancel') {
    if (!copy) return;
    setCopy(null);
    if (choice === 'cancel') return;
    const pack = choice === 'update' ? onUpdatePack(copy.of.packId, copy.pack) : onSaveImported(copy.pack);
    setNotice({
      kind: 'info',
      text: choice === 'update' ? `Updated “${copy.of.title}” from ${copy.fileName}: ${packChangesText(copy.of)}.` : `Imported ${countOf(pack.entries.length, 'question')} from ${copy.fileName} as a second pack.`,
      packId: pack.id,
    });
  }

  return (
    <section className="pack-import" aria-label="Import a file">
      <FileButton label="Import a file: PDF, Word, Markdown, text or a pack" accept={IMPORT_FILE_ACCEPT} disabled={reading !== null} onFiles={(files) => void importFiles(files)} />
      {reading && <p role="status">Reading {reading}…</p>}
      <MessageLine message={notice} />
      {copy && (
        <div className="import-copy" role="alertdialog" aria-label="Pack already installed">
          <p>
            “{copy.of.title}” is already installed, and {copy.fileName} looks like a copy of it. Updating it from the file: {packChangesText(copy.of)}.
          </p>
          <div className="pack-actions">
            <button type="button" className="primary" onClick={() => settleCopy('update')}>
              Update it
            </button>
            <button type="button" onClick={() => settleCopy('both')}>
              Keep both
            </button>
            <button type="button" onClick={() => settleCopy('cancel')}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {review && (
        <ImportReview
          key={review.from}
          title={review.from}
          items={review.items}
          edited={review.edited}
          onUpdate={(position, change) => actions.update('file', position, change)}
          onSetKeep={(positions, keep) => actions.setKeep('file', positions, keep)}
          onSave={saveReview}
          onCancel={() => actions.end('file')}
        />
      )}
    </section>
  );
}
