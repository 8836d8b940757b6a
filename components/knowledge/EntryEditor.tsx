import { useState, type FormEvent } from 'react';
import { categoryName, categorySlug } from '@/lib/knowledge/category-names';
import { frameFromContent } from '@/lib/knowledge/choose-frame';
import { formatFrameText, KNOWN_FRAME_NAMES, parseFrameText } from '@/lib/knowledge/default-frames';
import { FREQUENCIES, KNOWN_CATEGORIES, type KnowledgeEntry } from '@/lib/knowledge/schema';
import type { SaveResult } from '@/lib/store/knowledge-store';
import { MessageLine } from '../common/MessageLine';
import { formLines, formText } from '../common/form-lines';

/** The entry a submitted form describes, for the store to validate; lists are one item per line. */
function entryFromForm(form: FormData, initial: KnowledgeEntry | undefined): unknown {
  const text = (name: string) => formText(form, name);
  // The box shows categories by name ("Behavioural"), as the filter does; the entry keeps the slug.
  const category = categorySlug(text('category'));
  const frame = parseFrameText(text('frame')) ?? frameFromContent(text('question'), category);
  return {
    id: initial?.id ?? 'new-entry',
    question: text('question'),
    phrasings: formLines(text('phrasings')),
    category,
    frequency: text('frequency'),
    tags: text('tags')
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean),
    outline: {
      frame,
      keyPoints: formLines(text('keyPoints')),
      pitfalls: formLines(text('pitfalls')),
      followUps: formLines(text('followUps')),
      numbers: formLines(text('numbers')),
    },
    ...(initial?.source ? { source: initial.source } : {}),
  };
}

/** A form for one entry; lists are one item per line. Nothing is saved until it validates. */
export function EntryEditor({
  initial,
  draftQuestion,
  onSave,
  onCancel,
}: {
  initial?: KnowledgeEntry;
  /** A new entry's question, filled in already (a search that found nothing). */
  draftQuestion?: string;
  onSave: (entry: unknown) => SaveResult;
  onCancel: () => void;
}) {
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const result = onSave(entryFromForm(new FormData(event.currentTarget), initial));
    if (!result.ok) setError(result.message);
  }

  const outline = initial?.outline;
  return (
    <form className="entry-editor" aria-label={initial ? 'Edit question' : 'New question'} onSubmit={submit}>
      <label>
        Question
        <input name="question" defaultValue={initial?.question ?? draftQuestion} required />
      </label>
      <label>
        Category
        <input
          name="category"
          list="known-categories"
          defaultValue={categoryName(initial?.category ?? 'behavioral')}
          required
        />
        <datalist id="known-categories">
          {KNOWN_CATEGORIES.map((category) => (
            <option key={category} value={categoryName(category)} />
          ))}
        </datalist>
      </label>
      <label>
        How often asked
        <select name="frequency" defaultValue={initial?.frequency ?? 'medium'}>
          {FREQUENCIES.map((frequency) => (
            <option key={frequency}>{frequency}</option>
          ))}
        </select>
      </label>
      <label>
        Frame ({KNOWN_FRAME_NAMES}, or steps joined by →; empty: chosen from the question)
        <input
          name="frame"
          defaultValue={outline ? formatFrameText(outline.frame) : ''}
          placeholder="default for the category"
        />
      </label>
      <OutlineFields outline={outline} />
      <label>
        Other ways it is asked, one per line
        <textarea name="phrasings" rows={2} defaultValue={initial?.phrasings.join('\n')} />
      </label>
      <label>
        Tags, separated by commas
        <input name="tags" defaultValue={initial?.tags.join(', ')} />
      </label>
      <div className="pack-actions">
        <button type="submit" className="primary">
          Save
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <MessageLine message={error ? { kind: 'error', text: `Not saved — ${error}` } : null} />
    </form>
  );
}

/** The outline's lists, one item per line. */
function OutlineFields({ outline }: { outline: KnowledgeEntry['outline'] | undefined }) {
  return (
    <>
      <label>
        Key points, one per line (“Lead — detail”)
        <textarea name="keyPoints" rows={4} defaultValue={outline?.keyPoints.join('\n')} />
      </label>
      <label>
        Pitfalls, one per line
        <textarea name="pitfalls" rows={2} defaultValue={outline?.pitfalls.join('\n')} />
      </label>
      <label>
        Likely follow-ups, one per line
        <textarea name="followUps" rows={2} defaultValue={outline?.followUps.join('\n')} />
      </label>
      <label>
        Numbers worth citing, one per line
        <textarea name="numbers" rows={2} defaultValue={outline?.numbers.join('\n')} />
      </label>
    </>
  );
}
