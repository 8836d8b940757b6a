import { useState } from 'react';
import { categoryName } from '@/lib/knowledge/category-names';
import type { KnowledgeEntry } from '@/lib/knowledge/schema';
import { drillPool, pickPracticeQuestion, practiceStatus, type PracticeRecord } from '@/lib/drill/practice-schedule';
import { countOf } from '../common/count-of';

/** Practice alone: Cuecard asks what is due from the chosen categories and listens to the answers. */
export function DrillControls({
  entries,
  categories,
  history,
  timerOn,
  onTimer,
  onAsk,
  queue = [],
  onDequeue = () => undefined,
  now = Date.now,
}: {
  entries: readonly KnowledgeEntry[];
  categories: readonly string[];
  history: Readonly<Record<string, PracticeRecord>>;
  timerOn: boolean;
  onTimer: (on: boolean) => void;
  onAsk: (entry: KnowledgeEntry) => void;
  /** Questions to drill first, in order (a session review's weakest). */
  queue?: readonly KnowledgeEntry[];
  onDequeue?: (entryId: string) => void;
  now?: () => number;
}) {
  const [chosen, setChosen] = useState<string[]>([]);
  const [asked, setAsked] = useState<Set<string>>(new Set());
  const at = now();
  const statuses = drillPool(entries, chosen).map((entry) => practiceStatus(history[entry.id], at));
  const due = statuses.filter((status) => status === 'due').length;
  const never = statuses.filter((status) => status === 'never').length;

  function askNext() {
    const entry = queue[0] ?? pickPracticeQuestion(entries, chosen, history, asked, now());
    if (!entry) return;
    if (queue[0]) onDequeue(entry.id);
    setAsked(new Set([...asked, entry.id]));
    onAsk(entry);
  }

  return (
    <details className="drill live-section" open={queue.length > 0 || undefined}>
      <summary>Practise without a partner</summary>
      <fieldset>
        <legend>Ask me questions about</legend>
        {categories.map((category) => (
          <label key={category} className="checkbox">
            <input
              type="checkbox"
              checked={chosen.includes(category)}
              onChange={(event) =>
                setChosen(event.target.checked ? [...chosen, category] : chosen.filter((known) => known !== category))
              }
            />
            {categoryName(category)}
          </label>
        ))}
      </fieldset>
      <label className="checkbox">
        <input type="checkbox" checked={timerOn} onChange={(event) => onTimer(event.target.checked)} />
        Answer timer (2 min for a story, 5 for a design, 3 otherwise)
      </label>
      <p className="card-meta" role="status">
        {queue.length > 0 ? `${countOf(queue.length, 'weak question')} from your session to drill first; then ` : ''}
        {countOf(due, 'question')} due, {never} never practised
      </p>
      <button type="button" className="primary" onClick={askNext}>
        Ask me a question
      </button>
      <p className="card-meta">
        The question is read aloud; answer out loud. Its card stays hidden until you finish (a pause, the timer, or
        Alt+R), then shows which key points you covered. Without a microphone, type your answer or think it through.
      </p>
    </details>
  );
}
