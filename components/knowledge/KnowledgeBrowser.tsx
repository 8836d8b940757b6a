import { useDeferredValue, useMemo, useState, type ReactNode } from 'react';
import { createBrowseIndex, type BrowsableEntry, type BrowseFilters } from '@/lib/knowledge/browse-index';
import type { KnowledgePack } from '@/lib/knowledge/schema';
import type { MyAnswer } from '@/lib/knowledge/schema';
import type { PracticeStatus } from '@/lib/drill/practice-schedule';
import type { SaveAnswerResult, SaveResult } from '@/lib/store/knowledge-store';
import { BrowserFilters, type PracticeFilter } from './BrowserFilters';
import { EntryDetail } from './EntryDetail';
import { EntryEditor } from './EntryEditor';
import { countOf } from '../common/count-of';
import { QuestionRows, useQuestionRows } from './QuestionRows';

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

export type View =
  | { kind: 'list' }
  | { kind: 'detail'; item: BrowsableEntry }
  | { kind: 'edit'; item?: BrowsableEntry; packId?: string; draftQuestion?: string };

/** The search box and the filters, and the entries they leave. */
function useBrowseResults(packs: readonly KnowledgePack[], practiceStatusOf: (entryId: string) => PracticeStatus) {
  const items = useMemo(
    () => packs.flatMap((pack) => pack.entries.map((entry) => ({ entry, packId: pack.id, packTitle: pack.title }))),
    [packs],
  );
  const index = useMemo(() => createBrowseIndex(items), [items]);
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<BrowseFilters>({});
  const deferredQuery = useDeferredValue(query);
  const [practice, setPractice] = useState<PracticeFilter>('');
  const [tagText, setTagText] = useState('');
  // The tag box filters once its text is a known tag (typing offers the tags that match).
  const tag = useMemo(
    () => index.tags.find((known) => known.toLowerCase() === tagText.trim().toLowerCase()),
    [index, tagText],
  );
  const results = useMemo(() => {
    const found = index.find(deferredQuery, { ...filters, tag });
    return practice ? found.filter((item) => practiceStatusOf(item.entry.id) === practice) : found;
  }, [index, deferredQuery, filters, tag, practice, practiceStatusOf]);
  const filtering = { index, filters, setFilters, practice, setPractice, tagText, setTagText };
  return { items, results, query, setQuery, filtering };
}

/** Search, filter and read the knowledge base offline; add, edit, duplicate and delete your own entries. */
export function KnowledgeBrowser(props: KnowledgeBrowserProps) {
  const { packs, practiceStatusOf, menu } = props;
  const { items, results, query, setQuery, filtering } = useBrowseResults(packs, practiceStatusOf);
  const [view, setView] = useState<View>({ kind: 'list' });
  const { list, virtualizer, openedFrom } = useQuestionRows(results, view.kind === 'list');

  if (view.kind !== 'list') return <EntryPage {...props} view={view} setView={setView} />;

  const typed = query.trim();
  return (
    <section className="browser" aria-label="Knowledge base">
      <div className="browser-bar">
        <input
          type="search"
          aria-label="Search questions"
          placeholder="Search questions"
          title="Search questions, topics and key points"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <button type="button" onClick={() => setView({ kind: 'edit' })}>
          + New
        </button>
        {menu}
      </div>
      <BrowserFilters packs={packs} {...filtering} />
      <p className="card-meta" role="status">
        {results.length} of {countOf(items.length, 'question')}
      </p>
      {results.length === 0 && typed && (
        <div className="browser-empty">
          <p>No question matches “{typed}”.</p>
          <button
            type="button"
            onClick={() => setView({ kind: 'edit', draftQuestion: /[?？]$/.test(typed) ? typed : `${typed}?` })}
          >
            Add this question
          </button>
        </div>
      )}
      <QuestionRows
        list={list}
        virtualizer={virtualizer}
        results={results}
        onOpen={(item) => {
          openedFrom(item);
          setView({ kind: 'detail', item });
        }}
      />
    </section>
  );
}

/** One entry, read (with the user's own answer) or in the editor. */
function EntryPage({
  view,
  setView,
  editablePackIds,
  onSave,
  onDelete,
  myAnswers,
  onSaveMyAnswer,
}: KnowledgeBrowserProps & { view: Exclude<View, { kind: 'list' }>; setView: (view: View) => void }) {
  if (view.kind === 'edit') {
    return (
      <EntryEditor
        initial={view.item?.entry}
        draftQuestion={view.draftQuestion}
        onSave={(entry) => {
          const result = onSave(entry, view.packId);
          if (result.ok) setView({ kind: 'list' });
          return result;
        }}
        onCancel={() => setView(view.item ? { kind: 'detail', item: view.item } : { kind: 'list' })}
      />
    );
  }
  const { item } = view;
  return (
    <EntryDetail
      item={item}
      editable={editablePackIds.has(item.packId)}
      myAnswer={myAnswers[item.entry.id]}
      onSaveMyAnswer={(answer) => onSaveMyAnswer(item.entry.id, answer)}
      onBack={() => setView({ kind: 'list' })}
      onEdit={() => setView({ kind: 'edit', item, packId: item.packId })}
      onDuplicate={() =>
        setView({
          kind: 'edit',
          item: { ...item, entry: { ...item.entry, id: 'copy', question: `${item.entry.question} (copy)` } },
        })
      }
      onDelete={() => {
        onDelete(item.packId, item.entry.id);
        setView({ kind: 'list' });
      }}
    />
  );
}
