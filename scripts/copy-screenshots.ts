// Copies the screenshots the end-to-end tests took (test-output/) to docs/screenshots/ for the
// README. Run after `npm test`: npm run screenshots
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const README_SCREENSHOTS = [
  'first-run.png', // tests/e2e/get-ready.e2e.ts
  'live-session.png', // tests/e2e/live-capture.e2e.ts
  'my-answer-glance.png', // tests/e2e/sidepanel.e2e.ts
  'knowledge-browser.png', // tests/e2e/sidepanel.e2e.ts
  'drill-question.png', // tests/e2e/drill.e2e.ts
  'drill-revealed.png', // tests/e2e/drill.e2e.ts
  'session-feedback.png', // tests/e2e/drill.e2e.ts
  'practice-progress.png', // tests/e2e/drill.e2e.ts
] as const;

const missing = README_SCREENSHOTS.filter((name) => !existsSync(join('test-output', name)));
if (missing.length) {
  console.error(`not in test-output/ (run npm test first): ${missing.join(', ')}`);
  process.exit(1);
}
mkdirSync('docs/screenshots', { recursive: true });
for (const name of README_SCREENSHOTS) copyFileSync(join('test-output', name), join('docs/screenshots', name));
console.log(`copied ${README_SCREENSHOTS.length} screenshots to docs/screenshots/`);
