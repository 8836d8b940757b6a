// Copies the screenshots the end-to-end tests took (test-output/) to docs/screenshots/ for the
// README, and the Chrome Web Store's (1280 × 800) to docs/store/. Run after `npm test`: npm run screenshots
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

/** The store listing's screenshots, 1280 × 800: tests/e2e/store-screenshots.e2e.ts. */
export const STORE_SCREENSHOTS = [
  'store-live-card.png',
  'store-knowledge.png',
  'store-session-review.png',
  'store-import-review.png',
] as const;

const copies = [
  ...README_SCREENSHOTS.map((name) => ({ name, to: 'docs/screenshots' })),
  ...STORE_SCREENSHOTS.map((name) => ({ name, to: 'docs/store' })),
];
const missing = copies.filter(({ name }) => !existsSync(join('test-output', name))).map(({ name }) => name);
if (missing.length) {
  console.error(`not in test-output/ (run npm test first): ${missing.join(', ')}`);
  process.exit(1);
}
for (const { name, to } of copies) {
  mkdirSync(to, { recursive: true });
  copyFileSync(join('test-output', name), join(to, name));
}
console.log(
  `copied ${README_SCREENSHOTS.length} screenshots to docs/screenshots/ and ${STORE_SCREENSHOTS.length} to docs/store/`,
);
