import { useState } from 'react';
import type { ImportWorkerReply, ImportWorkerRequest } from '@/lib/messaging/import-worker-messages';
import { importedPack, reviewItems, type ReviewedQuestion } from '@/lib/page/imported-pack';
import type { ImportReviewStore, PendingReview } from '@/lib/import/import-review-store';
import type { KnowledgePack } from '@/lib/knowledge/schema';
import type { QuestionIndex } from '@/lib/match/question-index';
import { MessageLine } from '../common/MessageLine';
import { PendingImportReview } from './PendingImportReview';
import { countOf } from '../common/count-of';
import { useImportNotice } from './useImportNotice';

interface WebImportProps {
  index: QuestionIndex;
  /** The user's packs now: a "Saved …" line goes once the pack it names is removed. */
  userPackIds: ReadonlySet<string>;
  readCurrentPage: () => Promise<{ html: string; url: string; title: string }>;
  /** Finds the page's questions off the panel's thread, within a time budget (the import worker). */
  read: (request: ImportWorkerRequest) => Promise<ImportWorkerReply>;
  onSave: (pack: KnowledgePack) => KnowledgePack;
  /** Where the review under way is kept, so it outlives a switch to another view. */
  reviews: ImportReviewStore;
}

/** "Import questions from this page": the extractor finds them, the user reviews, ticks and edits, then saves. */
export function WebImport({ index, userPackIds, readCurrentPage, read, onSave, reviews }: WebImportProps) {
  const [reading, setReading] = useState(false);
  const actions = reviews.getState();
  const { notice, setNotice, saveReviewed } = useImportNotice(userPackIds);

  async function scan() {
    setNotice(null);
    let source: { html: string; url: string; title: string };
    try {
      source = await readCurrentPage();
    } catch (error) {
      setNotice({
        kind: 'error',
        text: `Cuecard could not read this page (${(error as Error).message}). Click the Cuecard toolbar button on the page first, then try again.`,
      });
      return;
    }
    setReading(true);
    const reply = await read({ type: 'page', html: source.html, url: source.url }).finally(() => setReading(false));
    if (reply.status !== 'done') {
      setNotice({
        kind: 'error',
        text: reply.status === 'error' ? reply.message : 'Cuecard could not read this page. Nothing was imported.',
      });
      return;
    }
    const { questions, title } = reply;
    if (questions.length === 0) {
      setNotice({
        kind: 'info',
        text: `No interview questions found on “${title || source.url}”. Pages with question headings, numbered or bold questions, question lists, tables or FAQ blocks work best.`,
      });
      return;
    }
    actions.begin('page', {
      from: title || source.title,
      url: source.url,
      title: title || source.title,
      items: reviewItems(questions, index),
    });
  }

  function save(review: PendingReview, reviewed: ReviewedQuestion[]) {
    const saved = saveReviewed(
      () => onSave(importedPack(review, reviewed)),
      (pack) => `Saved ${countOf(pack.entries.length, 'question')} as “${pack.title}”.`,
    );
    if (saved) actions.end('page');
  }

  return (
    <section className="web-import" aria-label="Import from a web page">
      <button type="button" onClick={() => void scan()} disabled={reading}>
        {reading ? 'Reading the page…' : 'Import questions from this page'}
      </button>
      <MessageLine message={notice} />
      <PendingImportReview reviews={reviews} source="page" onSave={save} />
    </section>
  );
}
