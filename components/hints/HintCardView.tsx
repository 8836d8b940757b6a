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

const NoOutline = () => <p className="hint-meta">No outline yet: write yours under Knowledge.</p>;

/**
 * The hint for one question: at a glance, the leads of its key points first and the frame
 * as one small line; at more detail, the frame's steps and the points in full. With the
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
      {card.verbosity === 'glance' ? (
        <>
          {/* At a glance the leads of the key points carry the answer; the frame is a reminder, one small line. */}
          {card.keywords.length > 0 ? (
            <ul className="hint-keywords" aria-label="Keywords">
              {card.keywords.map((keyword, i) => (
                <li key={keyword} className={covered?.[i] ? 'covered' : undefined}>
                  {covered?.[i] && <span aria-label="said">✓ </span>}
                  {keyword}
                </li>
              ))}
            </ul>
          ) : (
            <NoOutline />
          )}
          <p className="hint-frame-line" aria-label={`Frame: ${card.frame.name}`}>
            {card.frame.name}: {card.frame.steps.join(' → ')}
          </p>
        </>
      ) : (
        <>
          <ol className="hint-frame" aria-label={`Frame: ${card.frame.name}`}>
            {card.frame.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
          {card.keyPoints.length > 0 ? <KeyPoints items={card.keyPoints} covered={covered} /> : <NoOutline />}
        </>
      )}
      <ListSection title="Pitfalls" items={card.pitfalls} />
      <ListSection title="Follow-ups" items={card.followUps} />
      <ListSection title="Numbers" items={card.numbers} />
    </article>
  );
}
