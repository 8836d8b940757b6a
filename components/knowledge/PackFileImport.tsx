import { useState } from 'react';
import { MAX_PACK_BYTES } from '@/lib/knowledge/parse-pack-file';
import type { KnowledgePack } from '@/lib/knowledge/schema';
import { PackError } from '@/lib/knowledge/pack-error';
import type { QuestionIndex } from '@/lib/match/question-index';
import { browserHtmlTools } from '@/lib/page/browser-html-tools';
import { importedPack, reviewItems, type ReviewedQuestion } from '@/lib/page/imported-pack';
import { markdownQuestionList } from '@/lib/page/markdown-page';
import type { ImportResult } from '@/lib/store/knowledge-store';
import { FileButton } from '../common/FileButton';
import type { Notice } from '@/lib/store/session-store';
import { MessageLine } from '../common/MessageLine';
import { ImportReview } from './ImportReview';
import { countOf } from '../common/count-of';

interface PackFileImportProps {
  onImport: (fileName: string, text: string) => ImportResult;
  /** For a Markdown question list: the knowledge base to check for repeats, and where the reviewed pack goes. */
  index: QuestionIndex;
  onSaveImported: (pack: KnowledgePack) => KnowledgePack;
  /** The user's packs now: an "Imported …" line goes once the pack it names is removed. */
  userPackIds: ReadonlySet<string>;
}

/** Markdown/JSON pack import; a README-style question list goes through the review list first. */
export function PackFileImport({ onImport, index, onSaveImported, userPackIds }: PackFileImportProps) {
  const [message, setMessage] = useState<(Notice & { packId?: string }) | null>(null);
  const current = message?.packId && !userPackIds.has(message.packId) ? null : message;
  const [review, setReview] = useState<{ fileName: string; title: string; items: ReviewedQuestion[] } | null>(null);

  async function importFiles(files: FileList | null) {
    for (const file of Array.from(files ?? [])) {
      const text = file.size > MAX_PACK_BYTES ? '' : await file.text();
      // A README-style question list goes through the page extraction and the review list; a pack imports directly.
      const list = text && /\.(md|markdown)$/i.test(file.name) ? markdownQuestionList(text, file.name, browserHtmlTools) : null;
      if (list) {
        setMessage(null);
        setReview({ fileName: file.name, title: list.title, items: reviewItems(list.questions, index) });
        return;
      }
      // Refuse an oversized file before reading it into memory.
      const result =
        file.size > MAX_PACK_BYTES
          ? { ok: false as const, message: `${file.name}: the file is larger than ${MAX_PACK_BYTES / 1024 / 1024} MB; split it into smaller packs` }
          : onImport(file.name, text);
      setMessage(
        result.ok
          ? { kind: 'info', text: `Imported ${countOf(result.pack.entries.length, 'question')} from ${file.name}.`, packId: result.pack.id }
          : { kind: 'error', text: `${result.message}. Nothing was changed; fix the file and import it again.` },
      );
      if (!result.ok) return;
    }
  }

  function saveReviewed(reviewed: ReviewedQuestion[]) {
    if (!review) return;
    try {
      const pack = onSaveImported(importedPack({ title: review.title, url: '' }, reviewed));
      setMessage({ kind: 'info', text: `Imported ${countOf(pack.entries.length, 'question')} from ${review.fileName}.`, packId: pack.id });
      setReview(null);
    } catch (error) {
      if (!(error instanceof PackError)) throw error;
      setMessage({ kind: 'error', text: `Not saved — ${error.message}. Fix it above and save again.` });
    }
  }

  return (
    <section className="pack-import" aria-label="Import a pack">
      <FileButton label="Import a Markdown or JSON pack" accept=".md,.markdown,.txt,.json" onFiles={(files) => void importFiles(files)} />
      <MessageLine message={current} />
      {review && <ImportReview key={review.fileName} title={review.fileName} initial={review.items} onSave={saveReviewed} onCancel={() => setReview(null)} />}
    </section>
  );
}
