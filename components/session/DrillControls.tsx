import { useState } from 'react';
import type { KnowledgeEntry } from '@/lib/knowledge/schema';
import { pickDrillQuestion } from '@/lib/session/drill';
import { categoryName } from '@/lib/knowledge/category-names';

/** Practice alone: Cuecard asks questions from the chosen categories and listens to your answers. */
export function DrillControls({ entries, categories, onAsk }: { entries: readonly KnowledgeEntry[]; categories: readonly string[]; onAsk: (entry: KnowledgeEntry) => void }) {
  const [chosen, setChosen] = useState<string[]>([]);
  const [asked, setAsked] = useState<Set<string>>(new Set());

  function askNext() {
    const entry = pickDrillQuestion(entries, chosen, asked);
    if (!entry) return;
    setAsked(new Set([...asked, entry.id]));
    onAsk(entry);
  }

  return (
    <details className="drill">
      <summary>Practise without a partner</summary>
      <fieldset>
        <legend>Ask me questions about</legend>
        {categories.map((category) => (
          <label key={category} className="checkbox">
            <input
              type="checkbox"
              checked={chosen.includes(category)}
              onChange={(event) => setChosen(event.target.checked ? [...chosen, category] : chosen.filter((known) => known !== category))}
            />
            {categoryName(category)}
          </label>
        ))}
      </fieldset>
      <button type="button" className="primary" onClick={askNext}>
        Ask me a question
      </button>
      <p className="hint-meta">The question is read aloud and its card shown; answer out loud and the key points you say are ticked. Uses the microphone.</p>
    </details>
  );
}
