import { useState } from 'react';
import { IMPORT_FILE_ACCEPT, importFileKind, MAX_DOCUMENT_BYTES } from '@/lib/import/import-file';
import { MAX_PACK_BYTES } from '@/lib/knowledge/parse-pack-file';
import type { KnowledgePack } from '@/lib/knowledge/schema';
import type { QuestionIndex } from '@/lib/match/question-index';
import type { ImportWorkerReply, ImportWorkerRequest } from '@/lib/messaging/import-worker-messages';
import { importedPack, reviewItems, type ReviewedQuestion } from '@/lib/page/imported-pack';
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
  /** The user's packs now: an "Imported …" line goes once the pack it names is removed. */
  userPackIds: ReadonlySet<string>;
}

/**
 * File import: notes and guides (Word, PDF, HTML, text, a README) go through the page
 * extraction and the review list; a Cuecard pack (Markdown or JSON) imports directly.
 */
export function PackFileImport({ onImport, read, index, onSaveImported, userPackIds }: PackFileImportProps) {
  const { notice, setNotice, saveReviewed } = useImportNotice(userPackIds);
  const [review, setReview] = useState<{ fileName: string; title: string; items: ReviewedQuestion[] } | null>(null);
  const [reading, setReading] = useState<string | null>(null);

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
            setReview({ fileName: file.name, title: reply.title, items: reviewItems(reply.questions, index) });
          }
          return;
        }
        // A pack: the pack import below reads it.
      }
      const result = onImport(file.name, await file.text());
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
      (pack) => `Imported ${countOf(pack.entries.length, 'question')} from ${review.fileName}.`,
    );
    if (saved) setReview(null);
  }

  return (
    <section className="pack-import" aria-label="Import a file">
      <FileButton label="Import a file: PDF, Word, Markdown, text or a pack" accept={IMPORT_FILE_ACCEPT} disabled={reading !== null} onFiles={(files) => void importFiles(files)} />
      {reading && <p role="status">Reading {reading}…</p>}
      <MessageLine message={notice} />
      {review && <ImportReview key={review.fileName} title={review.fileName} initial={review.items} onSave={saveReview} onCancel={() => setReview(null)} />}
    </section>
  );
}
