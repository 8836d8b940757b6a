import type { Dispatch, SetStateAction } from 'react';
import type { BrowseFilters, createBrowseIndex } from '@/lib/knowledge/browse-index';
import { categoryName } from '@/lib/knowledge/category-names';
import { FREQUENCIES, type KnowledgePack } from '@/lib/knowledge/schema';
import type { PracticeStatus } from '@/lib/drill/practice-schedule';

/** The Practice filter: any, or one state of the schedule (learned entries are not a filter of their own). */
export type PracticeFilter = '' | Exclude<PracticeStatus, 'learned'>;

/** The knowledge browser's filters: category, how often asked, tag, practice, pack. */
export function BrowserFilters({
  packs,
  index,
  filters,
  setFilters,
  tagText,
  setTagText,
  practice,
  setPractice,
}: {
  packs: readonly KnowledgePack[];
  index: ReturnType<typeof createBrowseIndex>;
  filters: BrowseFilters;
  setFilters: Dispatch<SetStateAction<BrowseFilters>>;
  tagText: string;
  setTagText: (text: string) => void;
  practice: PracticeFilter;
  setPractice: (practice: PracticeFilter) => void;
}) {
  const setFilter = (key: keyof BrowseFilters) => (value: string) =>
    setFilters((current) => ({ ...current, [key]: value || undefined }));
  return (
    <div className="browser-filters">
      <select
        aria-label="Category"
        value={filters.category ?? ''}
        onChange={(event) => setFilter('category')(event.target.value)}
      >
        <option value="">All categories</option>
        {index.categories.map((category) => (
          <option key={category} value={category}>
            {categoryName(category)}
          </option>
        ))}
      </select>
      <select
        aria-label="How often asked"
        value={filters.frequency ?? ''}
        onChange={(event) => setFilter('frequency')(event.target.value)}
      >
        <option value="">Any frequency</option>
        {FREQUENCIES.map((frequency) => (
          <option key={frequency}>{frequency}</option>
        ))}
      </select>
      <TagFilter tags={index.tags} tagText={tagText} setTagText={setTagText} />
      <select
        aria-label="Practice"
        value={practice}
        onChange={(event) => setPractice(event.target.value as PracticeFilter)}
      >
        <option value="">Any practice</option>
        <option value="due">Due for practice</option>
        <option value="weak">Weak</option>
        <option value="never">Never practised</option>
      </select>
      <select
        aria-label="Pack"
        value={filters.packId ?? ''}
        onChange={(event) => setFilter('packId')(event.target.value)}
      >
        <option value="">All packs</option>
        {packs.map((pack) => (
          <option key={pack.id} value={pack.id}>
            {pack.title}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A tag box that offers the known tags as it is typed in. */
function TagFilter({
  tags,
  tagText,
  setTagText,
}: {
  tags: readonly string[];
  tagText: string;
  setTagText: (text: string) => void;
}) {
  return (
    <>
      <input
        type="search"
        list="browser-tags"
        aria-label="Tag"
        placeholder="Any tag"
        title="Type to find a tag"
        value={tagText}
        onChange={(event) => setTagText(event.target.value)}
      />
      <datalist id="browser-tags">
        {tags.map((tag) => (
          <option key={tag} value={tag} />
        ))}
      </datalist>
    </>
  );
}
