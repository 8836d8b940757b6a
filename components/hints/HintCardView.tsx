import type { HintCard } from '@/lib/hints/build-hint-card';

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

/** The hint for one question, laid out so the frame can be read at a glance. */
export function HintCardView({ card, confidence }: { card: HintCard; confidence?: number }) {
  return (
    <article className={`hint-card hint-card--${card.verbosity}`} aria-label="Hint" data-entry-id={card.entryId}>
      <header>
        <p className="hint-question">{card.question}</p>
        <p className="hint-meta">
          <span className="hint-category">{card.category}</span>
          {confidence !== undefined && <span className="hint-confidence">match {Math.round(confidence * 100)}%</span>}
        </p>
      </header>
      <ol className="hint-frame" aria-label={`Frame: ${card.frame.name}`}>
        {card.frame.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      {card.verbosity === 'glance' ? (
        <p className="hint-keywords" aria-label="Keywords">
          {card.keywords.join(' · ')}
        </p>
      ) : (
        <ListSection title="Key points" items={card.keyPoints} />
      )}
      <ListSection title="Pitfalls" items={card.pitfalls} />
      <ListSection title="Follow-ups" items={card.followUps} />
      <ListSection title="Numbers" items={card.numbers} />
    </article>
  );
}
