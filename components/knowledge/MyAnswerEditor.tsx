import { useState, type FormEvent } from 'react';
import { STORY_PART_NAMES, STORY_PARTS } from '@/lib/knowledge/my-answer';
import type { MyAnswer } from '@/lib/knowledge/schema';
import type { SaveAnswerResult } from '@/lib/store/knowledge-store';
import { MessageLine } from '../common/MessageLine';
import { formLines, formText } from '../common/form-lines';

/** The user's own answer to one question: a lead, a STAR story when the question wants one, points and numbers. */
export function MyAnswerEditor({
  initial,
  withStory,
  onSave,
  onCancel,
}: {
  initial?: MyAnswer;
  /** Behavioural questions: the story's four parts. */
  withStory: boolean;
  onSave: (answer: MyAnswer) => SaveAnswerResult;
  onCancel: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => formText(form, name).trim();
    const story = withStory ? Object.fromEntries(STORY_PARTS.map((part) => [part, text(part)])) : initial?.story;
    const result = onSave({
      lead: text('lead'),
      ...(story ? { story: story as MyAnswer['story'] } : {}),
      points: formLines(text('points')),
      numbers: formLines(text('numbers')),
    });
    if (!result.ok) setError(result.message);
  }
  return (
    <form className="my-answer-editor" aria-label="My answer" onSubmit={submit}>
      <p className="card-meta">
        Your own material: it shows on this question’s card, stays on this device, and goes out with your pack exports.
      </p>
      <label>
        In one line
        <input name="lead" defaultValue={initial?.lead} placeholder="e.g. Cut false alarms 30 %" />
      </label>
      {withStory &&
        STORY_PARTS.map((part) => (
          <label key={part}>
            {STORY_PART_NAMES[part]}
            <textarea name={part} rows={2} defaultValue={initial?.story?.[part]} />
          </label>
        ))}
      <label>
        My points, one per line
        <textarea name="points" rows={3} defaultValue={initial?.points.join('\n')} />
      </label>
      <label>
        Numbers from my work, one per line
        <textarea name="numbers" rows={2} defaultValue={initial?.numbers.join('\n')} />
      </label>
      <MessageLine message={error ? { kind: 'error', text: `Not saved: ${error}` } : null} />
      <div className="pack-actions">
        <button type="submit" className="primary">
          Save my answer
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
