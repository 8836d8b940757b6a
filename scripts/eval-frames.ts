// Scores the frame chooser (lib/knowledge/choose-frame.ts) against hand labels, beside the
// category-only default it replaces. Usage: npm run eval:frames [-- --verbose for the dev set's misses]
import { readFileSync } from 'node:fs';
import { FRAME_SETS, parseLabelledQuestions, scoreFrames } from '../lib/dev/score-frames';

const verbose = process.argv.includes('--verbose');

for (const [name, path] of Object.entries(FRAME_SETS)) {
  const score = scoreFrames(parseLabelledQuestions(readFileSync(path, 'utf8')));
  console.log(
    `${name.padEnd(38)} ${score.questions} questions  chooser ${(score.chooser * 100).toFixed(1)} %  category only ${(score.categoryOnly * 100).toFixed(1)} %`,
  );
  // Held-out misses are never printed: that set is not for tuning.
  if (verbose && name === 'development') for (const miss of score.misses) console.log(`  ${miss}`);
}
