import { useEffect, useRef, useState } from 'react';
import { buildCard } from '@/lib/card/build-card';
import type { BrowsableEntry } from '@/lib/knowledge/browse-index';
import type { MyAnswer } from '@/lib/knowledge/schema';
import type { SaveAnswerResult } from '@/lib/store/knowledge-store';
import { CardView } from '../card/CardView';
import { MyAnswerEditor } from './MyAnswerEditor';

/** One entry in full, with what the user may do with it. */
export function EntryDetail({
  item,
  editable,
  onBack,
  onEdit,
  onDuplicate,
  onDelete,
  myAnswer,
  onSaveMyAnswer,
}: {
  item: BrowsableEntry;
  editable: boolean;
  myAnswer?: MyAnswer;
  onSaveMyAnswer: (answer: MyAnswer) => SaveAnswerResult;
  onBack: () => void;
  onEdit: () => void;
  onDuplicate: () => void;
  onDelete: () => void;
}) {
  const { entry } = item;
  // Opening an entry moves focus into it, so keyboard and screen-reader users land on what they opened.
  const region = useRef<HTMLElement>(null);
  useEffect(() => region.current?.focus(), [item]);
  const [writing, setWriting] = useState(false);
  const withStory = entry.outline.frame.name === 'STAR' || entry.category === 'behavioral';
  return (
    <section ref={region} tabIndex={-1} className="entry-detail" aria-label="Question outline">
      <div className="pack-actions">
        <button type="button" onClick={onBack}>
          ← All questions
        </button>
        {editable && (
          <button type="button" onClick={onEdit}>
            Edit
          </button>
        )}
        <button type="button" onClick={onDuplicate}>
          Duplicate
        </button>
        {editable && (
          <button type="button" onClick={onDelete}>
            Delete
          </button>
        )}
        {!writing && (
          <button type="button" onClick={() => setWriting(true)}>
            {myAnswer ? 'Edit my answer' : 'Write my answer'}
          </button>
        )}
      </div>
      {writing && (
        <MyAnswerEditor
          initial={myAnswer}
          withStory={withStory}
          onCancel={() => setWriting(false)}
          onSave={(answer) => {
            const result = onSaveMyAnswer(answer);
            if (result.ok) setWriting(false);
            return result;
          }}
        />
      )}
      <CardView card={buildCard(entry, 'detailed')} myAnswer={myAnswer} />
      <EntryFacts item={item} />
    </section>
  );
}

const ASKED: Record<BrowsableEntry['entry']['frequency'], string> = {
  high: 'often',
  medium: 'sometimes',
  low: 'rarely',
};

/** Where an entry comes from, how often it is asked, its tags and its other phrasings. */
function EntryFacts({ item: { entry, packTitle } }: { item: BrowsableEntry }) {
  return (
    <>
      <p className="card-meta">
        {packTitle} · asked {ASKED[entry.frequency]}
        {entry.tags.length > 0 && ` · ${entry.tags.join(', ')}`}
      </p>
      {entry.phrasings.length > 0 && (
        <section className="card-section" aria-label="Also asked as">
          <h3>Also asked as</h3>
          <ul>
            {entry.phrasings.map((phrasing) => (
              <li key={phrasing}>{phrasing}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
