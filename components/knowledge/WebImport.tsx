import { useState } from 'react';
import { extractQuestions } from '@/lib/page/extract-questions';
import { browserHtmlTools } from '@/lib/page/browser-html-tools';
import { importedPack, type ReviewedQuestion } from '@/lib/page/imported-pack';
import { KNOWN_CATEGORIES, type KnowledgePack } from '@/lib/knowledge/schema';
import { PackError } from '@/lib/knowledge/pack-error';
import { findDuplicate } from '@/lib/match/find-duplicate';
import type { QuestionIndex } from '@/lib/match/question-index';
import type { Notice } from '@/lib/store/session-store';
import { MessageLine } from '../common/MessageLine';

interface Found extends ReviewedQuestion {
  duplicateOf?: string;
}

interface WebImportProps {
  index: QuestionIndex;
  readCurrentPage: () => Promise<{ html: string; url: string; title: string }>;
  onSave: (pack: KnowledgePack) => KnowledgePack;
}

/** "Import questions from this page": Readability finds them, the user reviews, ticks and edits, then saves. */
export function WebImport({ index, readCurrentPage, onSave }: WebImportProps) {
  const [page, setPage] = useState<{ url: string; title: string } | null>(null);
  const [found, setFound] = useState<Found[]>([]);
  const [notice, setNotice] = useState<Notice | null>(null);

  async function scan() {
    setNotice(null);
    let source: { html: string; url: string; title: string };
    try {
      source = await readCurrentPage();
    } catch (error) {
      setNotice({ kind: 'error', text: `Cuecard could not read this page (${(error as Error).message}). Click the Cuecard toolbar button on the page first, then try again.` });
      return;
    }
    const { questions, title } = extractQuestions(browserHtmlTools.parseHtml(source.html), browserHtmlTools);
    if (questions.length === 0) {
      setNotice({ kind: 'info', text: `No interview questions found on “${title || source.url}”. Pages with question headings, numbered bold questions or FAQ blocks work best.` });
      return;
    }
    setPage({ url: source.url, title: title || source.title });
    setFound(
      questions.map((item) => {
        const { similar, duplicateOf } = findDuplicate(index, item.question);
        return { ...item, keep: !duplicateOf, category: similar?.category ?? 'general', duplicateOf: duplicateOf?.question };
      }),
    );
  }

  function update(position: number, change: Partial<Found>) {
    setFound((items) => items.map((item, i) => (i === position ? { ...item, ...change } : item)));
  }

  function save() {
    if (!page) return;
    try {
      const pack = onSave(importedPack(page, found));
      setNotice({ kind: 'info', text: `Saved ${pack.entries.length} questions as “${pack.title}”.` });
      setPage(null);
      setFound([]);
    } catch (error) {
      if (!(error instanceof PackError)) throw error;
      setNotice({ kind: 'error', text: `Not saved — ${error.message}. Fix it above and save again.` });
    }
  }

  return (
    <section className="web-import" aria-label="Import from a web page">
      <button type="button" onClick={() => void scan()}>
        Import questions from this page
      </button>
      <MessageLine message={notice} />
      {page && (
        <form className="import-review" aria-label="Review imported questions" onSubmit={(event) => (event.preventDefault(), save())}>
          <p className="hint-meta">
            {found.length} found on “{page.title}”. Untick what you do not want; edit freely.
          </p>
          <ol>
            {found.map((item, position) => (
              <li key={position} className="import-item">
                <label className="checkbox">
                  <input type="checkbox" checked={item.keep} onChange={(event) => update(position, { keep: event.target.checked })} aria-label={`Keep question ${position + 1}`} />
                  <input className="import-question" value={item.question} onChange={(event) => update(position, { question: event.target.value })} aria-label={`Question ${position + 1}`} />
                </label>
                <select value={item.category} onChange={(event) => update(position, { category: event.target.value })} aria-label={`Category of question ${position + 1}`}>
                  {[...new Set([...KNOWN_CATEGORIES, 'general', item.category])].map((category) => (
                    <option key={category}>{category}</option>
                  ))}
                </select>
                {item.duplicateOf && <p className="message message--info">Looks like “{item.duplicateOf}”, which you already have.</p>}
                <ul className="import-outline">
                  {item.outline.map((point) => (
                    <li key={point}>{point}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
          <div className="pack-actions">
            <button type="submit" className="primary">
              Save {found.filter((item) => item.keep).length} questions
            </button>
            <button type="button" onClick={() => (setPage(null), setFound([]))}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
