import type { HintCard } from '@/lib/hints/build-hint-card';
import { categoryName } from '@/lib/knowledge/category-names';
import { confidenceWords } from '@/lib/hints/confidence-words';

function ListSection({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <section className="hint-section" aria-label={title}>
      <h3>{title}</h3>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </section>
  );
}

function KeyPoints({ items, covered }: { items: string[]; covered?: readonly boolean[] }) {
  if (items.length === 0) return null;
  return (
    <section className="hint-section" aria-label="Key points">
      <h3>Key points</h3>
      <ul>
        {items.map((item, i) => (
          <li key={item} className={covered?.[i] ? 'covered' : undefined}>
            {covered?.[i] && <span aria-label="said">✓ </span>}
            {item}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The hint for one question, laid out so the frame can be read at a glance. With the
 * microphone on, `covered` ticks the key points the candidate has already said.
 */
export function HintCardView({ card, confidence, covered }: { card: HintCard; confidence?: number; covered?: readonly boolean[] }) {
  return (
    <article className={`hint-card hint-card--${card.verbosity}`} aria-label="Hint" data-entry-id={card.entryId}>
      <header>
        <p className="hint-question">{card.question}</p>
        <p className="hint-meta">
          <span className="hint-category">{categoryName(card.category)}</span>
          {confidence !== undefined && (
            <span className="hint-confidence" title={`${Math.round(confidence * 100)}% confidence`}>
              {confidenceWords(confidence)}
            </span>
          )}
        </p>
      </header>
      <ol className="hint-frame" aria-label={`Frame: ${card.frame.name}`}>
        {card.frame.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      {card.verbosity === 'glance' ? (
        <p className="hint-keywords" aria-label="Keywords">
          {card.keywords.map((keyword, i) => `${covered?.[i] ? '✓ ' : ''}${keyword}`).join(' · ')}
        </p>
      ) : (
        card.keyPoints.length > 0 ? <KeyPoints items={card.keyPoints} covered={covered} /> : <p className="hint-meta">No outline yet: write yours under Knowledge.</p>
      )}
      <ListSection title="Pitfalls" items={card.pitfalls} />
      <ListSection title="Follow-ups" items={card.followUps} />
      <ListSection title="Numbers" items={card.numbers} />
    </article>
  );
}
