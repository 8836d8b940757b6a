import { useState } from 'react';
import { IMPORT_FILE_ACCEPT, importFileKind, MAX_DOCUMENT_BYTES, type ImportFileKind } from '@/lib/import/import-file';
import { packChangesText, type InstalledCopy } from '@/lib/knowledge/compare-packs';
import { MAX_PACK_BYTES } from '@/lib/knowledge/parse-pack-file';
import type { KnowledgePack } from '@/lib/knowledge/schema';
import type { QuestionIndex } from '@/lib/match/question-index';
import type { ImportWorkerReply, ImportWorkerRequest } from '@/lib/messaging/import-worker-messages';
import { importedPack, reviewItems, type ReviewedQuestion } from '@/lib/page/imported-pack';
import type { ImportReviewStore, PendingReview } from '@/lib/import/import-review-store';
import type { ImportResult } from '@/lib/store/knowledge-store';
import { FileButton } from '../common/FileButton';
import { MessageLine } from '../common/MessageLine';
import { countOf } from '../common/count-of';
import { InstalledCopyDialog, type CopyChoice } from './InstalledCopyDialog';
import { PendingImportReview } from './PendingImportReview';
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

/** The file's kind, or why it is refused before it is read (an unknown kind, or too large to read into memory). */
function fileKind(file: File): { kind: ImportFileKind } | { refused: string } {
  const kind = importFileKind(file.name);
  if (!kind) {
    return {
      refused: `Cuecard cannot read "${file.name}": import a .docx, .pdf, .md, .txt, .html or .json file. Nothing was changed.`,
    };
  }
  const limit = kind === 'pdf' || kind === 'docx' ? MAX_DOCUMENT_BYTES : MAX_PACK_BYTES;
  if (file.size > limit) {
    return {
      refused: `${file.name}: the file is larger than ${limit / 1024 / 1024} MB; split it into smaller files. Nothing was changed; fix the file and import it again.`,
    };
  }
  return { kind };
}

type SetNotice = ReturnType<typeof useImportNotice>['setNotice'];
type CopyOffer = { fileName: string; pack: KnowledgePack; of: InstalledCopy };

/** Reads the chosen files one by one: a document into the review list, a pack straight in. */
function useFileImport({
  onImport,
  read,
  index,
  reviews,
  setNotice,
  offerCopy,
}: Pick<PackFileImportProps, 'onImport' | 'read' | 'index' | 'reviews'> & {
  setNotice: SetNotice;
  offerCopy: (copy: CopyOffer) => void;
}) {
  const [reading, setReading] = useState<string | null>(null);

  /** Reads a document's questions into the review. Whether the file turned out to be a pack after all. */
  async function readDocument(file: File): Promise<'pack' | 'done'> {
    setNotice(null);
    setReading(file.name);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const reply = await read({ type: 'file', name: file.name, bytes }).finally(() => setReading(null));
    if (reply.status === 'error') {
      setNotice({ kind: 'error', text: reply.message });
      return 'done';
    }
    if (reply.status !== 'done') return 'pack';
    if (reply.questions.length === 0) {
      setNotice({
        kind: 'info',
        text: `No interview questions found in ${file.name}. Questions set apart as headings, bold lines, numbered or list items work best.`,
      });
    } else {
      const items = reviewItems(reply.questions, index);
      reviews.getState().begin('file', { from: file.name, title: reply.title, url: '', items });
    }
    return 'done';
  }

  /** Imports a pack's text. Whether the next file may follow (not after an error or the "already installed" question). */
  async function importPack(file: File): Promise<boolean> {
    const result = onImport(file.name, await file.text());
    if (result.ok === 'copy') {
      setNotice(null);
      offerCopy({ fileName: file.name, pack: result.pack, of: result.copy });
      return false;
    }
    setNotice(
      result.ok
        ? {
            kind: 'info',
            text: `Imported ${countOf(result.pack.entries.length, 'question')} from ${file.name}.`,
            packId: result.pack.id,
          }
        : { kind: 'error', text: `${result.message}. Nothing was changed; fix the file and import it again.` },
    );
    return result.ok;
  }

  async function importFiles(files: FileList | null) {
    for (const file of Array.from(files ?? [])) {
      const checked = fileKind(file);
      if ('refused' in checked) {
        setNotice({ kind: 'error', text: checked.refused });
        return;
      }
      // A document's reply may say it holds a pack: the pack import below reads it then.
      if (checked.kind !== 'pack-json' && (await readDocument(file)) === 'done') return;
      if (!(await importPack(file))) return;
    }
  }

  return { reading, importFiles };
}

/** A file that looks like an installed pack waits for the user's answer: update it, keep both, or drop the file. */
function useInstalledCopy({
  onSaveImported,
  onUpdatePack,
  setNotice,
}: Pick<PackFileImportProps, 'onSaveImported' | 'onUpdatePack'> & { setNotice: SetNotice }) {
  const [copy, setCopy] = useState<CopyOffer | null>(null);

  function settleCopy(choice: CopyChoice) {
    if (!copy) return;
    setCopy(null);
    if (choice === 'cancel') return;
    const pack = choice === 'update' ? onUpdatePack(copy.of.packId, copy.pack) : onSaveImported(copy.pack);
    setNotice({
      kind: 'info',
      text:
        choice === 'update'
          ? `Updated “${copy.of.title}” from ${copy.fileName}: ${packChangesText(copy.of)}.`
          : `Imported ${countOf(pack.entries.length, 'question')} from ${copy.fileName} as a second pack.`,
      packId: pack.id,
    });
  }

  return { copy, offerCopy: setCopy, settleCopy };
}

/**
 * File import: notes and guides (Word, PDF, HTML, text, a README) go through the page
 * extraction and the review list; a Cuecard pack (Markdown or JSON) imports directly.
 */
export function PackFileImport(props: PackFileImportProps) {
  const { onSaveImported, userPackIds, reviews } = props;
  const { notice, setNotice, saveReviewed } = useImportNotice(userPackIds);
  const { copy, offerCopy, settleCopy } = useInstalledCopy({ ...props, setNotice });
  const { reading, importFiles } = useFileImport({ ...props, setNotice, offerCopy });

  function saveReview(review: PendingReview, reviewed: ReviewedQuestion[]) {
    const saved = saveReviewed(
      () => onSaveImported(importedPack({ title: review.title, url: '' }, reviewed)),
      (pack) => `Imported ${countOf(pack.entries.length, 'question')} from ${review.from}.`,
    );
    if (saved) reviews.getState().end('file');
  }

  return (
    <section className="pack-import" aria-label="Import a file">
      <FileButton
        label="Import a file: PDF, Word, Markdown, text or a pack"
        accept={IMPORT_FILE_ACCEPT}
        disabled={reading !== null}
        onFiles={(files) => void importFiles(files)}
      />
      {reading && <p role="status">Reading {reading}…</p>}
      <MessageLine message={notice} />
      {copy && <InstalledCopyDialog fileName={copy.fileName} of={copy.of} onChoose={settleCopy} />}
      <PendingImportReview reviews={reviews} source="file" onSave={saveReview} />
    </section>
  );
}
