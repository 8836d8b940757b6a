import { frameKindFor } from '../knowledge/choose-frame';
import { categoryFrameKind } from '../knowledge/default-frames';

/** A hand-labelled question: the category an import would give it and the frame kinds that fit it. */
export interface LabelledQuestion {
  question: string;
  category: string;
  frame: string[];
}

/** The labelled sets `npm run eval:frames` reports, development first. */
export const FRAME_SETS = {
  development: 'tests/fixtures/dev/frames/dev.jsonl',
  'held-out': 'tests/fixtures/eval/frames/holdout.jsonl',
  'held-out, labelled after the chooser': 'tests/fixtures/eval/frames/holdout-backend.jsonl',
} as const;

/** One labelled question per line (JSON Lines). */
export function parseLabelledQuestions(text: string): LabelledQuestion[] {
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LabelledQuestion);
}

/** The share of questions whose chosen frame fits, beside the share the category alone would fit, and the misses. */
export function scoreFrames(items: readonly LabelledQuestion[]) {
  let chooser = 0;
  let category = 0;
  const misses: string[] = [];
  for (const item of items) {
    const chosen = frameKindFor(item.question, item.category);
    if (item.frame.includes(chosen)) chooser++;
    else misses.push(`${chosen} ≠ ${item.frame.join('|')}: ${item.question}`);
    if (item.frame.includes(categoryFrameKind(item.category))) category++;
  }
  return { questions: items.length, chooser: chooser / items.length, categoryOnly: category / items.length, misses };
}
