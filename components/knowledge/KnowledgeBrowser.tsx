import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createBrowseIndex, type BrowsableEntry, type BrowseFilters } from '@/lib/knowledge/browse-index';
import { FREQUENCIES, type KnowledgePack } from '@/lib/knowledge/schema';
import type { MyAnswer } from '@/lib/knowledge/schema';
import type { PracticeStatus } from '@/lib/drill/practice-schedule';
import type { SaveAnswerResult, SaveResult } from '@/lib/store/knowledge-store';
import { EntryDetail } from './EntryDetail';
import { EntryEditor } from './EntryEditor';
import { countOf } from '../common/count-of';
import { categoryName } from '@/lib/knowledge/category-names';

interface KnowledgeBrowserProps {
  packs: readonly KnowledgePack[];
  /** Ids of packs the user may change (imported and their own). */
  editablePackIds: ReadonlySet<string>;
  onSave: (entry: unknown, packId?: string) => SaveResult;
  onDelete: (packId: string, entryId: string) => void;
  /** The user's own answers by entry id, and where a new one is saved. */
  myAnswers: Readonly<Record<string, MyAnswer>>;
  onSaveMyAnswer: (entryId: string, answer: MyAnswer) => SaveAnswerResult;
  /** Where an entry stands in the practice schedule, for the Practice filter. */
  practiceStatusOf: (entryId: string) => PracticeStatus;
  /** Less frequent actions (the packs, import, export), in the search bar, where they are found without scrolling; with the list only. */
  menu?: ReactNode;
}

type View = { kind: 'list' } | { kind: 'detail'; item: BrowsableEntry } | { kind: 'edit'; item?: BrowsableEntry; packId?: string; draftQuestion?: string };

/** One list row's key, for React and for the virtual list's measured heights. */
const rowKey = (item: BrowsableEntry) => `${item.packId}/${item.entry.id}`;

/** A one-line question's row; longer ones wrap and are measured. */
const ESTIMATED_ROW_HEIGHT = 58;

/** Search, filter and read the knowledge base offline; add, edit, duplicate and delete your own entries. */
export function KnowledgeBrowser({ packs, editablePackIds, onSave, onDelete, myAnswers, onSaveMyAnswer, practiceStatusOf, menu }: KnowledgeBrowserProps) {
  const items = useMemo(() => packs.flatMap((pack) => pack.entries.map((entry) => ({ entry, packId: pack.id, packTitle: pack.title }))), [packs]);
  const index = useMemo(() => createBrowseIndex(items), [items]);
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<BrowseFilters>({});
  const [view, setView] = useState<View>({ kind: 'list' });
  const deferredQuery = useDeferredValue(query);
  const [practice, setPractice] = useState<'' | Exclude<PracticeStatus, 'learned'>>('');
  const [tagText, setTagText] = useState('');
  // The tag box filters once its text is a known tag (typing offers the tags that match).
  const tag = useMemo(() => index.tags.find((known) => known.toLowerCase() === tagText.trim().toLowerCase()), [index, tagText]);
  const results = useMemo(() => {
    const found = index.find(deferredQuery, { ...filters, tag });
    return practice ? found.filter((item) => practiceStatusOf(item.entry.id) === practice) : found;
  }, [index, deferredQuery, filters, tag, practice, practiceStatusOf]);
  const list = useRef<HTMLDivElement>(null);
  // The panel's own scroll moves the list: one scrollbar, not a box scrolling inside a page.
  // Heights are kept by entry, not by position: React keeps a row's element when the filtered
  // set moves it, so a height kept by position would belong to whichever entry was there before.
  const virtualizer = useWindowVirtualizer({
    count: results.length,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    getItemKey: useCallback((position: number) => rowKey(results[position]!), [results]),
    overscan: 8,
    scrollMargin: list.current?.offsetTop ?? 0,
  });
  /** The row an entry was opened from: back in the list, it is scrolled to and focused again. */
  const returnTo = useRef<string | null>(null);
  const open = (item: BrowsableEntry) => {
    returnTo.current = rowKey(item);
    setView({ kind: 'detail', item });
  };

  useEffect(() => {
    const key = returnTo.current;
    if (view.kind !== 'list' || !key) return;
    returnTo.current = null;
    const at = results.findIndex((item) => rowKey(item) === key);
    if (at < 0) return;
    virtualizer.scrollToIndex(at, { align: 'center' });
    // The row renders once the list has scrolled to it: try for a few frames.
    let frames = 0;
    const focusRow = () => {
      const row = list.current?.querySelector<HTMLElement>(`[data-row-key="${CSS.escape(key)}"]`);
      if (row) row.focus();
      else if (++frames < 10) requestAnimationFrame(focusRow);
    };
    requestAnimationFrame(focusRow);
  }, [view, results, virtualizer]);

  const save = (entry: unknown, packId?: string) => {
    const result = onSave(entry, packId);
    if (result.ok) setView({ kind: 'list' });
    return result;
  };

  if (view.kind === 'edit') {
    return (
      <EntryEditor
        initial={view.item?.entry}
        draftQuestion={view.draftQuestion}
        onSave={(entry) => save(entry, view.packId)}
        onCancel={() => setView(view.item ? { kind: 'detail', item: view.item } : { kind: 'list' })}
      />
    );
  }
  if (view.kind === 'detail') {
    const { item } = view;
    return (
      <EntryDetail
        item={item}
        editable={editablePackIds.has(item.packId)}
        myAnswer={myAnswers[item.entry.id]}
        onSaveMyAnswer={(answer) => onSaveMyAnswer(item.entry.id, answer)}
        onBack={() => setView({ kind: 'list' })}
        onEdit={() => setView({ kind: 'edit', item, packId: item.packId })}
        onDuplicate={() => setView({ kind: 'edit', item: { ...item, entry: { ...item.entry, id: 'copy', question: `${item.entry.question} (copy)` } } })}
        onDelete={() => {
          onDelete(item.packId, item.entry.id);
          setView({ kind: 'list' });
        }}
      />
    );
  }

  const setFilter = (key: keyof BrowseFilters) => (value: string) => setFilters((current) => ({ ...current, [key]: value || undefined }));
  const typed = query.trim();
  return (
    <>
      <section className="browser" aria-label="Knowledge base">
        <div className="browser-bar">
          <input type="search" aria-label="Search questions" placeholder="Search questions" title="Search questions, topics and key points" value={query} onChange={(event) => setQuery(event.target.value)} />
          <button type="button" onClick={() => setView({ kind: 'edit' })}>
            + New
          </button>
          {menu}
        </div>
        <div className="browser-filters">
          <select aria-label="Category" value={filters.category ?? ''} onChange={(event) => setFilter('category')(event.target.value)}>
            <option value="">All categories</option>
            {index.categories.map((category) => (
              <option key={category} value={category}>
                {categoryName(category)}
              </option>
            ))}
          </select>
          <select aria-label="How often asked" value={filters.frequency ?? ''} onChange={(event) => setFilter('frequency')(event.target.value)}>
            <option value="">Any frequency</option>
            {FREQUENCIES.map((frequency) => (
              <option key={frequency}>{frequency}</option>
            ))}
          </select>
          <input type="search" list="browser-tags" aria-label="Tag" placeholder="Any tag" title="Type to find a tag" value={tagText} onChange={(event) => setTagText(event.target.value)} />
          <datalist id="browser-tags">
            {index.tags.map((tag) => (
              <option key={tag} value={tag} />
            ))}
          </datalist>
          <select aria-label="Practice" value={practice} onChange={(event) => setPractice(event.target.value as typeof practice)}>
            <option value="">Any practice</option>
            <option value="due">Due for practice</option>
            <option value="weak">Weak</option>
            <option value="never">Never practised</option>
          </select>
          <select aria-label="Pack" value={filters.packId ?? ''} onChange={(event) => setFilter('packId')(event.target.value)}>
            <option value="">All packs</option>
            {packs.map((pack) => (
              <option key={pack.id} value={pack.id}>
                {pack.title}
              </option>
            ))}
          </select>
        </div>
        <p className="hint-meta" role="status">
          {results.length} of {countOf(items.length, 'question')}
        </p>
        {results.length === 0 && typed && (
          <div className="browser-empty">
            <p>No question matches “{typed}”.</p>
            <button type="button" onClick={() => setView({ kind: 'edit', draftQuestion: /[?？]$/.test(typed) ? typed : `${typed}?` })}>
              Add this question
            </button>
          </div>
        )}
        <div ref={list} className="browser-list" role="list" aria-label="Questions" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((row) => {
            const item = results[row.index]!;
            return (
              <div
                key={rowKey(item)}
                ref={virtualizer.measureElement}
                data-index={row.index}
                role="listitem"
                className="browser-row"
                style={{ transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)` }}
              >
                <button type="button" className="browser-item" data-row-key={rowKey(item)} onClick={() => open(item)}>
                  <span className="browser-question">{item.entry.question}</span>
                  <span className="hint-meta">
                    {categoryName(item.entry.category)} · {item.entry.frequency}
                  </span>
                </button>
              </div>
            );
          })}
        </div>
      </section>
    </>
  );
}
