import type { CardContent } from '@/lib/card/build-card';
import { categoryName } from '@/lib/knowledge/category-names';
import { confidenceWords } from '@/lib/card/confidence-words';
import { answerLead, STORY_PART_NAMES, STORY_PARTS } from '@/lib/knowledge/my-answer';
import type { MyAnswer } from '@/lib/knowledge/schema';

function ListSection({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <section className="card-section" aria-label={title}>
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
    <section className="card-section" aria-label="Key points">
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

/** The user's own answer: its lead at a glance; points and numbers at more detail; the whole story at the most. */
function MyAnswerSection({ answer, verbosity }: { answer: MyAnswer; verbosity: CardContent['verbosity'] }) {
  const lead = answerLead(answer);
  if (verbosity === 'glance') {
    return lead ? (
      <p className="my-answer-lead" aria-label="My answer">
        <span className="my-answer-tag">Mine</span> {lead}
      </p>
    ) : null;
  }
  const story = verbosity === 'detailed' ? STORY_PARTS.filter((part) => answer.story?.[part]) : [];
  return (
    <section className="card-section my-answer" aria-label="My answer">
      <h3>My answer</h3>
      {answer.lead && <p className="my-answer-lead">{answer.lead}</p>}
      {story.length > 0 && (
        <dl className="my-answer-story">
          {story.map((part) => (
            <div key={part}>
              <dt>{STORY_PART_NAMES[part]}</dt>
              <dd>{answer.story![part]}</dd>
            </div>
          ))}
        </dl>
      )}
      {/* Without a lead of its own, a story still gets one line at this size: its opening. */}
      {verbosity === 'standard' && !answer.lead && STORY_PARTS.some((part) => answer.story?.[part]) && (
        <p className="my-answer-lead">{lead}</p>
      )}
      {answer.points.length > 0 && (
        <ul>
          {answer.points.map((point) => (
            <li key={point}>{point}</li>
          ))}
        </ul>
      )}
      {answer.numbers.length > 0 && <p className="card-meta">{answer.numbers.join(' · ')}</p>}
    </section>
  );
}

const NoOutline = () => <p className="card-meta">No outline yet: write yours under Knowledge.</p>;

/** Where a card from a partial line stands: what the small label says, and what a screen reader hears. */
const PROVISIONAL_LABELS = {
  listening: {
    text: 'Provisional · listening…',
    title: 'Matched while the question is still being asked; it becomes final when the question ends',
  },
  'not-confirmed': {
    text: 'Not confirmed',
    title: 'The whole question did not confirm this card: it was matched on part of it',
  },
  replaced: { text: 'Replaced', title: 'Another card replaced this one while the question was being asked' },
} as const;
export type ProvisionalMark = keyof typeof PROVISIONAL_LABELS;

/**
 * The card for one question: at a glance, the leads of its key points first and the frame
 * as one small line; at more detail, the frame's steps and the points in full. With the
 * microphone on, `covered` ticks the key points the candidate has already said.
 */
export function CardView({
  card,
  confidence,
  covered,
  myAnswer,
  provisional,
}: {
  card: CardContent;
  confidence?: number;
  covered?: readonly boolean[];
  /** The user's own answer to this question, shown with the pack's outline. */
  myAnswer?: MyAnswer;
  /** Set on a card shown before its line was final: still listening, not confirmed by the line, or replaced. */
  provisional?: ProvisionalMark;
}) {
  const mark = provisional && PROVISIONAL_LABELS[provisional];
  return (
    <article
      className={`card card--${card.verbosity}${provisional ? ` card--${provisional}` : ''}`}
      aria-label="Card"
      data-entry-id={card.entryId}
    >
      <header>
        {/* Always there (empty once final), so a screen reader hears it change; the card itself is not drawn again. */}
        <p className="card-provisional" role="status" title={mark?.title}>
          {mark?.text}
        </p>
        <p className="card-question">{card.question}</p>
        <p className="card-meta">
          <span className="card-category">{categoryName(card.category)}</span>
          {confidence !== undefined && (
            <span className="card-confidence" title={`${Math.round(confidence * 100)}% confidence`}>
              {confidenceWords(confidence)}
            </span>
          )}
        </p>
      </header>
      {myAnswer && <MyAnswerSection answer={myAnswer} verbosity={card.verbosity} />}
      {card.verbosity === 'glance' ? (
        <>
          {/* At a glance the leads of the key points carry the answer; the frame is a reminder, one small line. */}
          {card.keywords.length > 0 ? (
            <ul className="card-keywords" aria-label="Keywords">
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
          <p className="card-frame-line" aria-label={`Frame: ${card.frame.name}`}>
            {card.frame.name}: {card.frame.steps.join(' → ')}
          </p>
        </>
      ) : (
        <>
          <ol className="card-frame" aria-label={`Frame: ${card.frame.name}`}>
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
