// Scores the frame chooser (lib/knowledge/choose-frame.ts) against hand labels, beside the
// category-only default it replaces. Usage: npm run eval:frames [-- --verbose for the dev set's misses]
import { readFileSync } from 'node:fs';
import { frameKindFor } from '../lib/knowledge/choose-frame';
import { categoryFrameKind } from '../lib/knowledge/default-frames';

interface LabelledQuestion {
  question: string;
  category: string;
  frame: string[];
}

const SETS = {
  development: 'tests/fixtures/dev/frames/dev.jsonl',
  'held-out': 'tests/fixtures/eval/frames/holdout.jsonl',
  'held-out, labelled after the chooser': 'tests/fixtures/eval/frames/holdout-backend.jsonl',
};
const verbose = process.argv.includes('--verbose');

export function scoreFrames(path: string) {
  const items = readFileSync(path, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as LabelledQuestion);
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

export const FRAME_SETS = SETS;

if (process.argv[1]?.endsWith('eval-frames.ts')) for (const [name, path] of Object.entries(SETS)) {
  const score = scoreFrames(path);
  console.log(`${name.padEnd(38)} ${score.questions} questions  chooser ${(score.chooser * 100).toFixed(1)} %  category only ${(score.categoryOnly * 100).toFixed(1)} %`);
  // Held-out misses are never printed: that set is not for tuning.
  if (verbose && name === 'development') for (const miss of score.misses) console.log(`  ${miss}`);
}
