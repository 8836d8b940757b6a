import { useDeferredValue, useMemo, useState } from 'react';
import { KNOWN_CATEGORIES } from '@/lib/knowledge/schema';
import type { ReviewedQuestion } from '@/lib/page/imported-pack';
import { countOf } from '../common/count-of';
import { categoryName } from '@/lib/knowledge/category-names';

interface ImportReviewProps {
  title: string;
  items: readonly ReviewedQuestion[];
  /** Something was ticked, unticked or edited: Cancel asks before it throws that away. */
  edited: boolean;
  onUpdate: (position: number, change: Partial<ReviewedQuestion>) => void;
  onSetKeep: (positions: number[], keep: boolean) => void;
  onSave: (reviewed: ReviewedQuestion[]) => void;
  onCancel: () => void;
}

/** A question is one line: a pasted line break becomes a space. */
const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ');

/**
 * The questions found on a page or in a file, to tick, edit and file under a category
 * before they join the knowledge base. Built for long pages: select all or none of what
 * the filter shows, repeats of stored questions start unticked. The list itself lives in
 * a store (it outlives a switch to another view); this draws it.
 */
export function ImportReview({ title, items, edited, onUpdate, onSetKeep, onSave, onCancel }: ImportReviewProps) {
  const [filter, setFilter] = useState('');
  const [confirming, setConfirming] = useState(false);
  const deferredFilter = useDeferredValue(filter);
  const visible = useMemo(() => {
    const needle = deferredFilter.trim().toLowerCase();
    return items
      .map((item, position) => ({ item, position }))
      .filter(({ item }) => !needle || `${item.question} ${item.category}`.toLowerCase().includes(needle));
  }, [items, deferredFilter]);
  const categories = useMemo(
    () => [...new Set([...KNOWN_CATEGORIES, 'general', ...items.map((item) => item.category)])],
    [items],
  );
  const kept = items.filter((item) => item.keep).length;
  const duplicates = items.filter((item) => item.duplicateOf).length;
  const unanswered = items.filter((item) => item.outline.length === 0).length;
  const tickVisible = (keep: boolean) =>
    onSetKeep(
      visible.map(({ position }) => position),
      keep,
    );

  return (
    <form
      className="import-review"
      aria-label="Review imported questions"
      onSubmit={(event) => (event.preventDefault(), onSave([...items]))}
    >
      <p className="card-meta">
        {items.length} found in “{title}”{duplicates > 0 && `, ${duplicates} already in your knowledge base (unticked)`}
        {unanswered > 0 && `, ${unanswered} without an answer on the page`}. Untick what you do not want; edit freely.
      </p>
      <div className="import-tools">
        <input
          type="search"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          placeholder="Filter questions"
          aria-label="Filter found questions"
        />
        <button type="button" onClick={() => tickVisible(true)}>
          Select {deferredFilter ? 'shown' : 'all'}
        </button>
        <button type="button" onClick={() => tickVisible(false)}>
          Select none{deferredFilter ? ' of shown' : ''}
        </button>
      </div>
      <ol>
        {visible.map(({ item, position }) => (
          <ImportReviewItem
            key={position}
            item={item}
            position={position}
            categories={categories}
            onUpdate={onUpdate}
          />
        ))}
      </ol>
      <ReviewActions
        kept={kept}
        total={items.length}
        confirming={confirming}
        onConfirm={setConfirming}
        onCancel={edited ? () => setConfirming(true) : onCancel}
        onDiscard={onCancel}
      />
    </form>
  );
}

/** One found question: keep it or not, its wording, its category, and the answer found with it. */
function ImportReviewItem({
  item,
  position,
  categories,
  onUpdate,
}: {
  item: ReviewedQuestion;
  position: number;
  categories: readonly string[];
  onUpdate: ImportReviewProps['onUpdate'];
}) {
  return (
    <li className="import-item" value={position + 1}>
      <input
        type="checkbox"
        className="import-keep"
        checked={item.keep}
        onChange={(event) => onUpdate(position, { keep: event.target.checked })}
        aria-label={`Keep question ${position + 1}`}
      />
      <textarea
        className="import-question"
        rows={1}
        value={item.question}
        onChange={(event) => onUpdate(position, { question: oneLine(event.target.value) })}
        aria-label={`Question ${position + 1}`}
      />
      <select
        value={item.category}
        onChange={(event) => onUpdate(position, { category: event.target.value })}
        aria-label={`Category of question ${position + 1}`}
      >
        {categories.map((category) => (
          <option key={category} value={category}>
            {categoryName(category)}
          </option>
        ))}
      </select>
      {item.duplicateOf && (
        <p className="message message--info">Looks like “{item.duplicateOf}”, which you already have.</p>
      )}
      {item.outline.length === 0 ? (
        <p className="card-meta import-unanswered">No answer on the page: saved as a question to prepare.</p>
      ) : (
        <ul className="import-outline">
          {item.outline.map((point, i) => (
            <li key={i}>{point.includes('\n') ? <pre>{point}</pre> : point}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** Save what is ticked, or Cancel; Cancel after an edit asks first, so that work is not thrown away by a slip. */
function ReviewActions({
  kept,
  total,
  confirming,
  onConfirm,
  onCancel,
  onDiscard,
}: {
  kept: number;
  total: number;
  confirming: boolean;
  onConfirm: (confirming: boolean) => void;
  onCancel: () => void;
  onDiscard: () => void;
}) {
  if (confirming) {
    return (
      <div className="pack-actions" role="alertdialog" aria-label="Discard the review?">
        <p className="message message--error">Discard these {countOf(total, 'question')} and your changes?</p>
        <button type="button" onClick={onDiscard}>
          Discard
        </button>
        <button type="button" onClick={() => onConfirm(false)}>
          Keep reviewing
        </button>
      </div>
    );
  }
  return (
    <div className="pack-actions">
      <button type="submit" className="primary">
        Save {countOf(kept, 'question')}
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
