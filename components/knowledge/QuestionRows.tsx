import { useWindowVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import type { BrowsableEntry } from '@/lib/knowledge/browse-index';
import { categoryName } from '@/lib/knowledge/category-names';

/** One list row's key, for React and for the virtual list's measured heights. */
const rowKey = (item: BrowsableEntry) => `${item.packId}/${item.entry.id}`;

/** A one-line question's row; longer ones wrap and are measured. */
const ESTIMATED_ROW_HEIGHT = 58;

/**
 * The virtual list of results, scrolled by the panel's own scroll, and the way back to the
 * row an entry was opened from: back in the list, it is scrolled to and focused again.
 */
export function useQuestionRows(results: readonly BrowsableEntry[], listShown: boolean) {
  const list = useRef<HTMLDivElement>(null);
  // The panel's own scroll moves the list: one scrollbar, not a box scrolling inside a page.
  // Heights are kept by entry, not by position: React keeps a row's element when the filtered
  // set moves it, so a height kept by position would belong to whichever entry was there before.
  // The list's place on the page is read again on each render (scrolling renders), as TanStack Virtual's
  // window-list example does: a layout read, not render state, so the refs rule does not fit these two lines.
  // eslint-disable-next-line react-hooks/refs -- see above
  const virtualizer = useWindowVirtualizer({
    count: results.length,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    getItemKey: useCallback((position: number) => rowKey(results[position]!), [results]),
    overscan: 8,
    // eslint-disable-next-line react-hooks/refs -- see above
    scrollMargin: list.current?.offsetTop ?? 0,
  });
  /** The row an entry was opened from. */
  const returnTo = useRef<string | null>(null);
  const openedFrom = (item: BrowsableEntry) => {
    returnTo.current = rowKey(item);
  };

  useEffect(() => {
    const key = returnTo.current;
    if (!listShown || !key) return;
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
  }, [listShown, results, virtualizer]);

  return { list, virtualizer, openedFrom };
}

/** The rows the virtual list draws now (those in view, and a few either side). */
export function QuestionRows({
  list,
  virtualizer,
  results,
  onOpen,
}: {
  list: RefObject<HTMLDivElement | null>;
  virtualizer: Virtualizer<Window, Element>;
  results: readonly BrowsableEntry[];
  onOpen: (item: BrowsableEntry) => void;
}) {
  return (
    <div
      ref={list}
      className="browser-list"
      role="list"
      aria-label="Questions"
      style={{ height: virtualizer.getTotalSize() }}
    >
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
            <button type="button" className="browser-item" data-row-key={rowKey(item)} onClick={() => onOpen(item)}>
              <span className="browser-question">{item.entry.question}</span>
              <span className="card-meta">
                {categoryName(item.entry.category)} · {item.entry.frequency}
              </span>
            </button>
          </div>
        );
      })}
    </div>
  );
}
