import { useState } from 'react';
import { packChangesText, type InstalledCopy } from '@/lib/knowledge/compare-packs';
import { MAX_PACK_BYTES } from '@/lib/knowledge/parse-pack-file';
import type { KnowledgePack } from '@/lib/knowledge/schema';
import type { QuestionIndex } from '@/lib/match/question-index';
import { browserHtmlTools } from '@/lib/page/browser-html-tools';
import { importedPack, reviewItems, type ReviewedQuestion } from '@/lib/page/imported-pack';
import { markdownQuestionList } from '@/lib/page/markdown-page';
import type { ImportReviewStore } from '@/lib/store/import-review-store';
import type { ImportResult } from '@/lib/store/knowledge-store';
import { FileButton } from '../common/FileButton';
import { MessageLine } from '../common/MessageLine';
import { ImportReview } from './ImportReview';
import { countOf } from '../common/count-of';
import { useImportNotice } from './useImportNotice';

interface PackFileImportProps {
  onImport: (fileName: string, text: string) => ImportResult;
  /** For a Markdown question list: the knowledge base to check for repeats, and where the reviewed pack goes. */
  index: QuestionIndex;
  onSaveImported: (pack: KnowledgePack) => KnowledgePack;
  /** Replaces an installed pack with an imported copy of it (a backup restored, a newer export). */
  onUpdatePack: (packId: string, pack: KnowledgePack) => KnowledgePack;
  /** The user's packs now: an "Imported …" line goes once the pack it names is removed. */
  userPackIds: ReadonlySet<string>;
  /** Where the review under way is kept, so it outlives a switch to another view. */
  reviews: ImportReviewStore;
}

/** Markdown/JSON pack import; a README-style question list goes through the review list first. */
export function PackFileImport({ onImport, index, onSaveImported, onUpdatePack, userPackIds, reviews }: PackFileImportProps) {
  const [copy, setCopy] = useState<{ fileName: string; pack: KnowledgePack; of: InstalledCopy } | null>(null);
  const { notice, setNotice, saveReviewed } = useImportNotice(userPackIds);
  const review = reviews((state) => state.reviews.file);
  const actions = reviews.getState();

  async function importFiles(files: FileList | null) {
    for (const file of Array.from(files ?? [])) {
      const text = file.size > MAX_PACK_BYTES ? '' : await file.text();
      // A README-style question list goes through the page extraction and the review list; a pack imports directly.
      const list = text && /\.(md|markdown)$/i.test(file.name) ? markdownQuestionList(text, file.name, browserHtmlTools) : null;
      if (list) {
        setNotice(null);
        actions.begin('file', { from: file.name, title: list.title, url: '', items: reviewItems(list.questions, index) });
        return;
      }
      // Refuse an oversized file before reading it into memory.
      const result =
        file.size > MAX_PACK_BYTES
          ? { ok: false as const, message: `${file.name}: the file is larger than ${MAX_PACK_BYTES / 1024 / 1024} MB; split it into smaller packs` }
          : onImport(file.name, text);
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
    <section className="pack-import" aria-label="Import a pack">
      <FileButton label="Import a Markdown or JSON pack" accept=".md,.markdown,.txt,.json" onFiles={(files) => void importFiles(files)} />
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
