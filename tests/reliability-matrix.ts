/**
 * The rows of RELIABILITY.md: each fault or bad input, how the tests provoke it, and the
 * tests that prove the outcome. `scripts/reliability-report.ts` fills in each row's
 * result from the JSON results of the test run; a row whose tests are missing fails it.
 */
export interface MatrixRow {
  kind: 'fault' | 'input' | 'privacy' | 'endurance';
  what: string;
  provoked: string;
  outcome: string;
  /** Test file (ending) and a part of the test's full name, for every test that proves the row. */
  tests: Array<[file: string, name: string]>;
  /** Losses a test measured (tests/support/test-figures.ts): its figures' name and the counts that must be 0. */
  lost?: { figures: string; counts: string[] };
  /** The review defect the row answers ("#20.2"): its tests failed before the fix. */
  defect?: string;
}

/** What no test provokes yet; said under the matrix so it is not mistaken for covered. */
export const NOT_COVERED =
  'an extension reload in the middle of a session (Chromium under test automation does not bring an unpacked extension back after `runtime.reload()`), a crash of the recognition worker itself, and a full disk (the extension holds `unlimitedStorage`, so a CDP quota override does not apply to it); their handling is unit-tested as listed.';

export const RELIABILITY_MATRIX: MatrixRow[] = [
  {
    kind: 'fault',
    what: 'The connection drops during the model download (Get ready)',
    provoked:
      'the model host answering half of the decoder file in Chromium (Playwright route); a host that cuts a file, ignores byte ranges, refuses with 503 or sends a web page (unit tests)',
    outcome:
      'what arrived is kept (IndexedDB); the panel says the connection dropped, as an error with Try again and a local model folder offered; Try again asks only for the rest (HTTP range); a host error or a web page is named and nothing of it is kept; once stored, a session starts with no network at all',
    tests: [
      ['tests/e2e/get-ready.e2e.ts', 'resumes a dropped file, then works offline'],
      ['tests/unit/asr/model-download.test.ts', 'resumes a dropped file from the bytes it kept'],
      ['tests/unit/asr/model-download.test.ts', 'starts a file over when the host ignores the range'],
      ['tests/unit/asr/model-download.test.ts', 'refuses a web page served in place of a file'],
      ['tests/unit/store/model-readiness-store.test.ts', 'says the host refused, in words, and stays resumable'],
      ['tests/unit/store/model-readiness-store.test.ts', 'a connection that drops after bytes arrived says so'],
    ],
  },
  {
    kind: 'fault',
    what: 'No network at all: Get ready or Start with the model host out of reach',
    provoked:
      'a fetch that fails before any byte (unit tests); the model hub unreachable from headless Chromium (Start)',
    outcome:
      'Get ready says the model host could not be reached (offline?), not that a connection dropped, with Try again and a local model folder; Start says the same in words instead of "Failed to fetch" and stops',
    tests: [
      ['tests/unit/store/model-readiness-store.test.ts', 'offline from the start: says the host could not be reached'],
      ['tests/unit/asr/model-status-text.test.ts', 'words Get ready offline'],
      ['tests/unit/asr/load-with-fallback.test.ts', 'gives up with a message saying what to do'],
      ['tests/e2e/capture-failures.e2e.ts', 'says when the speech model cannot be downloaded, and stops'],
    ],
  },
  {
    kind: 'fault',
    what: 'No microphone for a drill (none connected, refused or blocked)',
    provoked: 'headless Chromium with no microphone to give; a refused and a missing microphone (jsdom)',
    outcome:
      'the drill still asks the question; the answer is typed (scored by the rule used for speech) or thought through; beside the question, an error says what happened and what to do',
    tests: [
      ['tests/e2e/drill-without-microphone.e2e.ts', 'asks the question anyway, takes a typed answer'],
      ['tests/unit/drill/drill-components.test.tsx', 'says what happened beside the question and takes a typed answer'],
      ['tests/unit/drill/drill-components.test.tsx', 'names a missing microphone apart from a refused one'],
    ],
  },
  {
    kind: 'fault',
    what: 'The optional sentence model is useless for the pack (it cannot tell the entries apart)',
    provoked:
      "all-MiniLM-L6-v2's real architecture, config and tokenizer with seeded random weights, through transformers.js's feature-extraction pipeline, on the shipped pack (with and without phrasings) and the SRE development pack",
    outcome:
      "the per-pack calibration (each entry against its nearest other entry) finds no room above the noise and the semantic stage abstains: every matching figure is the lexical matcher's; a confident encoder may add chips or an alternative, never remove the lexical card",
    tests: [
      [
        'tests/unit/semantic/random-minilm.test.ts',
        'the calibration abstains and no figure changes with the encoder on',
      ],
      ['tests/unit/match/semantic-stage.test.ts', 'leaves the lexical match untouched when the encoder abstains'],
      [
        'tests/unit/match/semantic-stage.test.ts',
        'keeps the lexical card and offers a confident different entry beside it',
      ],
      [
        'tests/unit/session/session-owner-semantic.test.ts',
        'with a useless encoder (random weights) publishes exactly what the lexical matcher does',
      ],
      [
        'tests/e2e/semantic-live.e2e.ts',
        'keeps every lexical card, runs the model in the offscreen worker, and adds nothing when the model abstains',
      ],
    ],
  },
  {
    kind: 'fault',
    what: 'A newer line (or a pick) arrives while the sentence model is still embedding the last one',
    provoked: 'two lines taken together with the first embedding held; a line and a pick taken together',
    outcome:
      "the newer line is read and shown at once (the embedding is outside the queue); the older line's semantic addition is dropped, so it never replaces what the newer line showed",
    tests: [
      [
        'tests/unit/session/session-owner-semantic.test.ts',
        'drops its addition when a newer line arrived while the embedding was pending',
      ],
      ['tests/unit/session/session-owner-semantic.test.ts', 'drops its addition when the user picked a card meanwhile'],
      [
        'tests/unit/session/session-owner-semantic.test.ts',
        'answers the line at once from the lexical matcher, and only afterwards adds what the sentence model found',
      ],
    ],
  },
  {
    kind: 'fault',
    what: 'The sentence model cannot answer (not downloaded, failed to load, offscreen document closed)',
    provoked: 'an encoder that rejects; a worker model load that fails once; an offscreen embed answered as failed',
    outcome:
      'the lexical reading stands unchanged; a failed load is tried again at the next line; the background is always answered, never left waiting',
    tests: [
      [
        'tests/unit/session/session-owner-semantic.test.ts',
        'leaves the lexical reading as it was when the sentence model fails',
      ],
      [
        'tests/unit/semantic/sentence-host.test.ts',
        'answers a failed load as failed, and loads again at the next request',
      ],
      [
        'tests/unit/semantic/sentence-host.test.ts',
        'answers a failure as a reply the background can read, never leaving it waiting',
      ],
      [
        'tests/unit/semantic/semantic-knowledge.test.ts',
        'builds once per version of the knowledge, from the cache at the next session, and retries a failed build',
      ],
    ],
  },
  {
    kind: 'fault',
    what: 'The microphone hears the interviewer (speakers, no headphones)',
    provoked:
      'a microphone stream carrying a delayed, quieter copy of the tab (synthetic speech-like signals); microphone lines repeating the interviewer (capture unit tests)',
    outcome:
      'the user is told once to use headphones; repeated lines are neither kept nor counted as the answer; a candidate answering in turn, silence and room noise are not taken for echo',
    tests: [
      ['tests/unit/audio/echo-detector.test.ts', 'hears the tab in the microphone'],
      ['tests/unit/audio/echo-detector.test.ts', 'does not call a candidate answering in turn an echo'],
      ['tests/unit/session/offscreen-capture.test.ts', 'drops a microphone line that repeats the interviewer'],
      [
        'tests/unit/session/offscreen-capture.test.ts',
        "tells the user once when the microphone's loudness follows the tab's",
      ],
    ],
  },
  {
    kind: 'input',
    what: 'A pack file whose own answer ("My answer") is malformed',
    provoked: 'a JSON pack with a 400-character answer lead (unit test)',
    outcome:
      'the import is refused with the file, the field and the limit named; packs and answers already stored stay as they were',
    tests: [['tests/unit/knowledge/my-answer.test.ts', 'refuses a file whose answer is malformed']],
  },
  {
    kind: 'input',
    what: 'A drill in which nothing was answered',
    provoked: 'a drill started and stopped with no line from the microphone (capture unit test)',
    outcome: 'the empty session is deleted, not listed; the user is told why; a drill with an answer is kept',
    tests: [
      [
        'tests/unit/session/offscreen-capture.test.ts',
        'keeps a drill in which an answer was heard, and drops one in which nothing was',
      ],
    ],
  },
  {
    kind: 'fault',
    what: 'Service worker stopped mid-session',
    provoked: 'CDP ServiceWorker.stopAllWorkers in Chromium (stop verified); restarted controller in unit tests',
    outcome:
      'capture and lines go on; cards keep coming from the restarted worker, none repeated; Stop still works; status read back from storage.session',
    tests: [
      ['tests/e2e/faults.e2e.ts', 'keeps going when Chrome stops the service worker'],
      ['tests/unit/session/session-controller.test.ts', 'survives its own restart'],
    ],
    lost: { figures: 'service-worker-stopped', counts: ['linesLost', 'repeatedCards'] },
  },
  {
    kind: 'fault',
    what: 'A device too slow for live partial text (WASM on a 2-core machine, real-size Whisper)',
    provoked:
      'whisper-tiny.en architecture (generated) transcribing a playing tab in Chromium; a recogniser at a chosen pace in unit tests',
    outcome:
      'every line still arrives, decoded in turn; partial text turns itself off and the panel says why once; each decode is capped by the audio length',
    tests: [
      ['tests/e2e/real-architecture.e2e.ts', 'transcribes the tab with the full vocabulary'],
      ['tests/unit/asr/recognition-engine.test.ts', 'turns partials off (and says so once)'],
      ['tests/unit/asr/recognition-engine.test.ts', 'never runs the voice model while a decode is in flight'],
    ],
  },
  {
    kind: 'fault',
    what: 'Session record cannot be written at Start (full disk)',
    provoked: 'a database whose first session write rejects with QuotaExceededError (unit test)',
    outcome: 'nothing is opened or left running; error and stopped are sent; the next Start works',
    tests: [
      ['tests/unit/session/offscreen-capture.test.ts', 'starts nothing when the session record cannot be written'],
    ],
  },
  {
    kind: 'fault',
    what: 'Two side panels open in one session, or none',
    provoked: 'a second panel page opened mid-session in Chromium; the owner run with no panel in unit tests',
    outcome:
      'each line is read once by the session owner in the background: both panels show the card, the record holds it once; with no panel the cards are still recorded',
    tests: [
      ['tests/e2e/live-matching.e2e.ts', 'with two panels open, a question is read once'],
      ['tests/unit/session/session-owner.test.ts', 'reads a line once'],
    ],
  },
  {
    kind: 'fault',
    what: 'A question card cannot be saved (full disk) mid-session',
    provoked: 'a session owner whose record write rejects with QuotaExceededError (unit tests)',
    outcome:
      'the panels are told once per card, the transcript (saved by the capture page) is untouched, the next line is read',
    tests: [
      ['tests/unit/session/session-controller.test.ts', 'says so when a card cannot be saved'],
      ['tests/unit/session/session-owner.test.ts', 'a card that cannot be saved rejects that line'],
    ],
  },
  {
    kind: 'fault',
    what: 'Knowledge base changed mid-session (pack switched, phrasing learned)',
    provoked:
      'a pack switched off while a card with alternatives is on screen (unit test, fake browser); a new index given to the session owner between lines',
    outcome:
      'the card, its confidence and alternatives stay; the session is not asked for or reloaded again; the next line is read against the new knowledge',
    tests: [
      [
        'tests/unit/sidepanel/use-live-session.test.tsx',
        'keeps the live view when the knowledge base changes mid-session',
      ],
      ['tests/unit/session/session-owner.test.ts', 'reads new lines against a changed knowledge base'],
    ],
  },
  {
    kind: 'fault',
    what: 'A model load superseded by another (model changed while downloading)',
    provoked: 'two loads finishing or failing out of order in the recognition host (unit test, controlled loads)',
    outcome: 'the newer load becomes the engine; the superseded one is disposed; its failure is ignored',
    tests: [
      ['tests/unit/asr/recognition-host.test.ts', 'lets the newer of two loads win'],
      ['tests/unit/asr/recognition-host.test.ts', 'ignores the failure of a superseded load'],
    ],
  },
  {
    kind: 'input',
    what: 'Words and pack lines that are Object.prototype keys ("constructor", "Frame: constructor")',
    provoked: 'speech and Markdown packs naming constructor, toString, hasOwnProperty (unit tests)',
    outcome: 'read as ordinary words; an unknown frame gets a pack error with its line',
    tests: [
      ['tests/unit/match/normalize-transcript.test.ts', 'keeps them as ordinary terms'],
      [
        'tests/unit/knowledge/markdown-pack.test.ts',
        'refuses "Frame: constructor" with the pack error a user can act on',
      ],
    ],
  },
  {
    kind: 'fault',
    what: 'Offscreen (capture) page dies',
    provoked: 'CDP Target.closeTarget on offscreen.html in Chromium',
    outcome: 'session ends with a message; lines kept; Start works again',
    tests: [
      ['tests/e2e/faults.e2e.ts', 'ends the session with a message when the capture page dies'],
      ['tests/unit/session/session-controller.test.ts', 'reports the session over, says why, and can start again'],
    ],
  },
  {
    kind: 'fault',
    what: 'Recognition worker fails (fatal error)',
    provoked: "fatal worker reply in unit tests (the worker's onerror sends the same)",
    outcome: 'session stops with the message; the model is loaded again on the next Start',
    tests: [['tests/unit/session/offscreen-capture.test.ts', 'stops the session on a fatal worker error']],
  },
  {
    kind: 'fault',
    what: 'Captured tab closed',
    provoked: 'closing the playing tab in Chromium',
    outcome: 'session ends with "the captured tab was closed"; transcript kept',
    tests: [
      ['tests/e2e/capture-failures.e2e.ts', 'when the captured tab is closed'],
      ['tests/unit/session/offscreen-capture.test.ts', 'ends the session when the tab goes away'],
    ],
  },
  {
    kind: 'fault',
    what: 'Captured tab reloads or navigates',
    provoked: 'reloading the playing tab in Chromium; tab "loading" event (unit)',
    outcome: 'capture goes on; the panel is told',
    tests: [
      ['tests/e2e/faults.e2e.ts', 'keeps listening when the captured tab reloads'],
      ['tests/unit/session/session-controller.test.ts', 'tells the panel when the captured tab navigates'],
    ],
  },
  {
    kind: 'fault',
    what: 'Side panel closed and reopened mid-session',
    provoked: 'closing and reopening sidepanel.html in Chromium',
    outcome: 'running session and its transcript shown again from IndexedDB',
    tests: [
      ['tests/e2e/live-capture.e2e.ts', 'keeps the transcript when the panel is closed and reopened mid-session'],
    ],
  },
  {
    kind: 'fault',
    what: 'Model download impossible (offline / hub unreachable)',
    provoked: 'default hub model on a machine with no route to the hub',
    outcome: 'clear message naming what to do; session stops',
    tests: [['tests/e2e/capture-failures.e2e.ts', 'says when the speech model cannot be downloaded']],
  },
  {
    kind: 'fault',
    what: 'Damaged model files',
    provoked: 'local model folder with a truncated decoder (Chromium); "protobuf" load error (unit)',
    outcome: 'cached files dropped and loaded once more; then a clear message',
    tests: [
      ['tests/e2e/capture-failures.e2e.ts', 'says a damaged model cannot be loaded'],
      ['tests/unit/asr/load-with-fallback.test.ts', 'clears a corrupt cached model and retries once'],
    ],
  },
  {
    kind: 'fault',
    what: 'WebGPU unavailable or failing',
    provoked: 'no adapter / failing WebGPU load (unit); Chromium in CI has no GPU and runs WASM',
    outcome: 'WASM used, with a notice when WebGPU failed',
    tests: [
      ['tests/unit/asr/load-with-fallback.test.ts', 'falls back to WASM and says so when WebGPU fails'],
      ['tests/unit/asr/model-helpers.test.ts', 'chooseDevice'],
      ['tests/e2e/live-capture.e2e.ts', 'transcribes the tab and shows the hint'],
    ],
  },
  {
    kind: 'fault',
    what: 'Storage quota exceeded',
    provoked:
      'IndexedDB put throwing QuotaExceededError (unit); a CDP quota override has no effect because the extension holds unlimitedStorage',
    outcome: 'lines still shown; one message; lines saved before kept',
    tests: [['tests/unit/session/offscreen-capture.test.ts', 'when storage is full']],
  },
  {
    kind: 'fault',
    what: 'Extension update arrives mid-session',
    provoked: 'runtime.onUpdateAvailable during a session (unit)',
    outcome: 'update waits for Stop, the panel is told; installs at once when idle',
    tests: [['tests/unit/session/session-controller.test.ts', 'extension updates']],
  },
  {
    kind: 'fault',
    what: 'Two Starts at once (a double press, two panels)',
    provoked:
      'two session/start commands handled concurrently (unit, Promise.all); two Starts and a Stop pressed at once in the panel (unit); a double click on Start in Chromium',
    outcome:
      'one session: Starts run one at a time in the background, the second gets the running session; the panel shows "starting" on the press and ignores a second press (Start, or the Stop it became) until the background answers; a late Start reply never replaces the session the capture page reports',
    tests: [
      ['tests/unit/session/session-controller.test.ts', 'does not start twice: two Starts at once'],
      ['tests/unit/sidepanel/use-live-session.test.tsx', 'a double press on Start sends one Start and no Stop'],
      ['tests/unit/store/session-store.test.ts', 'follows the session the capture page reports'],
      ['tests/e2e/live-capture.e2e.ts', 'can start again with a double press'],
    ],
    defect: '#20.1',
  },
  {
    kind: 'fault',
    what: 'Stop pressed after the capture page died',
    provoked: 'capture page gone before session/stop (unit)',
    outcome: 'the session ends in storage, the reply says idle, the panel is told why and leaves "Finishing…"',
    tests: [
      ['tests/unit/session/session-controller.test.ts', 'Stop after the capture page died ends the session'],
      [
        'tests/unit/sidepanel/use-live-session.test.tsx',
        'leaves "Finishing…" when the reply to Stop says the session is already over',
      ],
    ],
    defect: '#20.3',
  },
  {
    kind: 'fault',
    what: 'The background throws while handling a message',
    provoked: 'a handler that rejects, behind the real onMessage listener on the fake browser (unit)',
    outcome:
      'every command gets an error reply in words, which the panel shows; a failed event is reported, not left unhandled',
    tests: [
      ['tests/unit/messaging/command-listener.test.ts', 'answers a command whose handler throws with an error reply'],
      ['tests/unit/messaging/command-listener.test.ts', 'reports a failed event'],
      ['tests/unit/sidepanel/use-live-session.test.tsx', 'shows the error reply of a background that failed, in words'],
    ],
    defect: '#20.6',
  },
  {
    kind: 'fault',
    what: 'An update waits for a session that ends by a crash',
    provoked:
      'runtime.onUpdateAvailable during a session, then the capture page dies and Stop is pressed (unit; also through the Chrome adapter on the fake browser)',
    outcome:
      'the waiting update installs when the session ends, not before; it survives a worker restart (storage.session)',
    tests: [
      [
        'tests/unit/session/session-controller.test.ts',
        'installs a waiting update when the session ends because the capture page died',
      ],
      [
        'tests/unit/platform/chrome-background-adapter.test.ts',
        'installs when the session ends because its capture page died',
      ],
      ['tests/unit/platform/chrome-background-adapter.test.ts', 'waits through a session, and across a worker restart'],
    ],
    defect: '#20.8',
  },
  {
    kind: 'fault',
    what: 'Microphone refused',
    provoked: 'getUserMedia rejection (unit)',
    outcome: 'tab-only session with a message; a drill stops with a message',
    tests: [
      [
        'tests/unit/session/offscreen-capture.test.ts',
        'goes on with the tab alone when the microphone cannot be opened',
      ],
      ['tests/unit/session/offscreen-capture.test.ts', 'ends a drill at once when the microphone cannot be opened'],
    ],
  },
  {
    kind: 'input',
    what: 'Empty, blank, truncated, wrong-format, 50 MB and 100,000-deep pack files',
    provoked: 'parsePackFile on each',
    outcome: 'a PackError naming the line or field; nothing stored changes',
    tests: [
      ['tests/unit/hostile/hostile-imports.test.tsx', 'bad and hostile pack files'],
      ['tests/unit/store/stores.test.ts', 'a bad import says where and loses nothing already stored'],
      ['tests/e2e/sidepanel.e2e.ts', 'refuses a broken one without losing it'],
    ],
  },
  {
    kind: 'input',
    what: 'Invalid UTF-8 in a pack',
    provoked: 'bytes 0xFF 0xFE inside a question',
    outcome: 'kept as replacement characters, harmless text',
    tests: [['tests/unit/hostile/hostile-imports.test.tsx', 'invalid UTF-8']],
  },
  {
    kind: 'input',
    what: '<script>, <img onerror>, javascript: links in packs and pages',
    provoked: 'Markdown/JSON packs and a web page carrying them',
    outcome: 'rendered as text, never run; non-http source links refused; pages parsed inertly and sanitised',
    tests: [
      ['tests/unit/hostile/hostile-imports.test.tsx', 'stores script and HTML in a pack as text'],
      ['tests/unit/hostile/hostile-imports.test.tsx', 'non-http source link'],
      ['tests/unit/page/extract-questions.test.ts', 'never keeps markup or script from the page'],
    ],
  },
  {
    kind: 'input',
    what: 'Structured data and Markdown question lists in imports: broken JSON-LD, HTML answers with handlers, script in a README',
    provoked:
      'a page with unparsable and non-question JSON-LD, a FAQPage answer with <img onerror>, a .md file with <script> and <img onerror>',
    outcome:
      'broken data ignored; answers kept as sanitised text; nothing runs; a file with no questions goes to the pack parser, which says why',
    tests: [
      ['tests/unit/page/structured-data.test.ts', 'ignores JSON-LD that does not parse'],
      ['tests/unit/page/structured-data.test.ts', 'with HTML answers as sanitised text points'],
      ['tests/unit/page/markdown-page.test.ts', 'runs nothing from a hostile file'],
      ['tests/unit/page/markdown-page.test.ts', 'returns null when there is no question to find'],
    ],
  },
  {
    kind: 'input',
    what: 'Web pages whose layout hides what a question is: bold or hidden only through CSS, site chrome that asks questions',
    provoked:
      'a page bold only by a stylesheet class with a question in a display:none drawer, read through chrome.scripting in Chromium; Medium-like "More from"/"Recommended"/responses sections and teaser cards; forum replies with stray questions',
    outcome:
      'the questions the page sets apart are found; hidden text, teasers, bios, comment boxes and stray replies are not imported',
    tests: [
      ['tests/e2e/sidepanel.e2e.ts', 'reads the rendered page'],
      ['tests/unit/page/read-rendered-page.test.ts', 'drops what the page hides'],
      [
        'tests/unit/page/extract-layouts.test.ts',
        'leaves out "More from", "Recommended", author bio and responses sections',
      ],
      ['tests/unit/page/extract-layouts.test.ts', 'takes quoted and reported questions with what the poster says next'],
    ],
  },
  {
    kind: 'input',
    what: 'A page or file to import that takes too long to read (a huge page, a 300-page PDF), or whose reader crashes or answers garbage',
    provoked:
      'import runner with a worker that never answers, crashes, or posts a malformed reply; the panel components with such a runner',
    outcome:
      'the read runs in a worker of its own and is stopped at the time budget; a clear message ("… too large to read in N s — nothing was imported"); no review list, nothing saved; other reads go on',
    tests: [
      ['tests/unit/import/import-runner.test.ts', 'stops a read that runs past the budget'],
      ['tests/unit/import/import-runner.test.ts', 'turns a worker crash or a garbled answer into a message'],
      ['tests/unit/import/import-runner.test.ts', 'never reuses a worker that ran out of time'],
      ['tests/unit/import/import-runner.test.ts', 'gives reads at the same time a worker each'],
      ['tests/unit/components/pack-file-import.test.tsx', 'stops a file that takes longer than the budget'],
      ['tests/unit/components/web-import.test.tsx', 'stops a page that takes longer than the budget'],
      ['tests/e2e/sidepanel.e2e.ts', 'reads a 5 MB page off the panel’s thread'],
    ],
  },
  {
    kind: 'input',
    what: 'Scanned, broken or unknown files to import (.pdf without text, bytes that are not a PDF or a Word file, .pptx)',
    provoked: 'file import of each',
    outcome:
      'a message that says why (a scan has no text; the file could not be read as a PDF / Word document; which files are read); nothing imported',
    tests: [
      ['tests/unit/import/import-file.test.ts', 'says a scanned PDF has no text'],
      ['tests/unit/import/import-file.test.ts', 'says a file that is not a PDF cannot be read as one'],
      ['tests/unit/import/import-file.test.ts', 'says a broken file cannot be read as a Word document'],
      ['tests/unit/components/pack-file-import.test.tsx', 'says why a scanned PDF gives nothing'],
      ['tests/unit/components/pack-file-import.test.tsx', 'names the files it reads when given one it does not'],
    ],
  },
  {
    kind: 'input',
    what: 'Random pack text and JSON (fuzzing)',
    provoked: 'fast-check, 400 runs each, seed 1 (FUZZ_SEED to vary)',
    outcome: 'a valid pack or a PackError, nothing else',
    tests: [['tests/unit/hostile/hostile-imports.test.tsx', 'fuzzing the pack parsers']],
  },
  {
    kind: 'input',
    what: 'Random transcript windows for the matcher (fuzzing), a 90,000-character utterance',
    provoked: 'fast-check, 400 runs, seed 1',
    outcome: 'no throw; confidence within [0, 1]; a hint only above the threshold',
    tests: [['tests/unit/hostile/matcher-fuzz.test.ts', 'fuzzing the matcher']],
  },
  {
    kind: 'input',
    what: 'An interviewer line that tells rather than asks, naming field terms ("we use xgboost a lot here")',
    provoked: 'statements against the shipped pack (unit tests and the trust development set)',
    outcome: 'no card and no chips, whatever terms it names',
    tests: [
      ['tests/unit/match/match-question.test.ts', 'gives a statement that names field terms no card and no chips'],
      ['tests/unit/match/detect-question.test.ts', 'is a statement'],
      ['tests/unit/match/match-quality.test.ts', 'statements, questions wrapped in context and pairs a term decides'],
    ],
  },
  {
    kind: 'input',
    what: 'A question two entries fit about equally ("how do you choose k in k-means")',
    provoked: 'close calls against the shipped pack',
    outcome:
      '"Did they ask…?" chips with both entries, not a confident card; "strong match" only with twice the pack\'s chance lead',
    tests: [
      [
        'tests/unit/match/match-question.test.ts',
        'offers chips, not a card, when the best entry leads the runner-up by no more than chance',
      ],
      [
        'tests/unit/match/match-question.test.ts',
        'labels a card "strong" only when it leads the runner-up by twice the chance lead',
      ],
    ],
  },
  {
    kind: 'input',
    what: 'A semantic encoder that knows nothing (random word vectors)',
    provoked: 'a random int8 table of the real shape on three development sets',
    outcome: 'the per-pack calibration keeps it out; no figure gets worse',
    tests: [['tests/unit/match/semantic-encoder.test.ts', 'a random-vector table changes no figure for the worse']],
  },
  {
    kind: 'input',
    what: 'Runtime messages from other senders or malformed',
    provoked: 'web-page and other-extension senders; unknown types, missing and mistyped fields',
    outcome: 'ignored / dropped by the schema',
    tests: [
      ['tests/unit/messaging/runtime-messages.test.ts', 'drops'],
      ['tests/unit/messaging/runtime-messages.test.ts', 'isFromOwnExtensionPage'],
      ['tests/unit/session/session-controller.test.ts', 'ignores commands from'],
    ],
  },
  {
    kind: 'privacy',
    what: 'Permissions, CSP and remote code',
    provoked: 'reading the release manifest',
    outcome: 'only the listed permissions, no host permissions, CSP adds only wasm-unsafe-eval, no test key',
    tests: [['tests/e2e/sidepanel.e2e.ts', 'release build: asks only for the permissions it uses']],
  },
  {
    kind: 'privacy',
    what: 'Network requests',
    provoked: 'request interception during UI use and during a live session',
    outcome: 'none outside the extension and the page it captured',
    tests: [
      ['tests/e2e/sidepanel.e2e.ts', 'made no network request outside the extension'],
      ['tests/e2e/live-capture.e2e.ts', 'made no network request except to the page it captured'],
    ],
  },
  {
    kind: 'endurance',
    what: 'Two-hour session',
    provoked: '1,800 lines replayed at full speed through store, matcher, IndexedDB and export',
    outcome:
      'every line stored in order; no hint flicker; export readable (npm run bench:endurance for cost and memory)',
    tests: [['tests/unit/session/endurance.test.ts', 'a two-hour session replayed at full speed']],
  },
  {
    kind: 'input',
    what: 'A backup of an installed pack imported again (an export of My questions, an older or newer copy)',
    provoked: 'a Markdown export read back into the same store, then an edited one (unit tests)',
    outcome:
      'no second copy: the import says what would change (new, changed, removed, the same) and offers Update it / Keep both / Cancel',
    tests: [
      ['tests/unit/store/stores.test.ts', 'restoring an exported pack into the same profile does not double it'],
      [
        'tests/unit/components/pack-file-import.test.tsx',
        'offers Update / Keep both / Cancel for a copy of an installed pack',
      ],
      ['tests/unit/knowledge/compare-packs.test.ts', 'finds nothing changed in a Markdown export read back'],
    ],
  },
  {
    kind: 'endurance',
    what: 'Service worker restarts during a two-hour session, one in the middle of a card',
    provoked:
      '1,800 lines; the session owner replaced by a new one over the same storage every 300 lines, and every 300 lines one dies right after recording a card (its state never saved, the card never published); the panel then reopens',
    outcome: 'no line or card lost, no card repeated; the panel shows exactly the recorded cards, each once',
    tests: [['tests/unit/session/endurance.test.ts', 'through service-worker restarts']],
    lost: { figures: 'endurance', counts: ['linesLost', 'cardsLost', 'repeatedCards'] },
    defect: '#20.5',
  },
  {
    kind: 'input',
    what: 'A hostile page or transcript built to make text rules backtrack',
    provoked:
      '200 000 characters of whitespace, digits, dotted numbers, nested brackets, "?!" runs and mixtures, through every text function of page import and matching (a huge <pre>, headings, bold, list and table text, JSON-LD, Markdown), timed at n and 4n',
    outcome:
      'every function linear (4n within 8 times n) and under 2 s at 200 000 characters (8 s where a page is parsed): the panel never freezes',
    tests: [['tests/unit/regex-linear-time.test.ts', 'text rules run in linear time on adversarial input']],
    defect: '#20.2',
  },
  {
    kind: 'fault',
    what: "The session owner's saved state cannot be read (storage.session fails)",
    provoked: 'loadState rejecting once, then three times in a row (unit test)',
    outcome:
      'a brief failure is retried after a short pause and costs nothing; a longer one refuses only the lines during it; the next line reads storage afresh',
    tests: [['tests/unit/session/session-owner.test.ts', 'a failed read of its saved state is tried again, not kept']],
    defect: '#20.4',
  },
  {
    kind: 'fault',
    what: 'A model worker (recognition across workers, a benchmark build) dies while it decodes, or while it loads',
    provoked:
      'two in-process model workers running the real model host, one crashing mid-decode or mid-load; two decodes that finish in the reverse order (unit tests)',
    outcome:
      'the session ends with the same message as a crash of the recognition worker, once; the flush still answers; a failed load ends every model worker; lines decoded side by side come out in the order spoken',
    tests: [
      ['tests/unit/asr/recognition-across-workers.test.ts', 'a model worker that dies mid-decode ends the session'],
      ['tests/unit/asr/recognition-across-workers.test.ts', 'a model worker that crashes while loading fails the load'],
      ['tests/unit/asr/recognition-across-workers.test.ts', 'hands the lines on in the order spoken'],
    ],
  },
  {
    kind: 'fault',
    what: 'The voice detector fails to load',
    provoked:
      'a voice-model factory that rejects, fed 30 chunks of audio, a skip and a flush as the worker does (unit test)',
    outcome: 'one fatal error, in words, that ends the session; no error per chunk; flush still answers',
    tests: [['tests/unit/asr/recognition-engine.test.ts', 'a voice detector that fails to load ends the session once']],
    defect: '#20.4',
  },
  {
    kind: 'fault',
    what: 'A card published while a reopened panel reads the session record',
    provoked:
      "the owner's card event delivered before and after the panel's read of IndexedDB, running concurrently (unit test)",
    outcome: 'the card shows once',
    tests: [['tests/unit/session/session-owner.test.ts', 'reopening while a card is published']],
    defect: '#20.5',
  },
  {
    kind: 'fault',
    what: 'The service worker dies between recording a card and saving its state, or before recording it',
    provoked:
      "an owner whose storage stops answering right after the card is written, or before (unit tests); a line delivered again after more lines than the matcher's window",
    outcome:
      'a repeated question gets no second card; a card decided but not recorded is recorded by the next worker; an old line is not read again',
    tests: [
      ['tests/unit/session/session-owner.test.ts', 'does not give a repeated question a second card'],
      ['tests/unit/session/session-owner.test.ts', 'the next one records it'],
      ['tests/unit/session/session-owner.test.ts', 'is not read again'],
      ['tests/unit/session/session-db.test.ts', 'the same card written twice is one record'],
    ],
    defect: '#20.5',
  },
  {
    kind: 'fault',
    what: 'The session database of an earlier version',
    provoked:
      'a version-1 database (cards keyed by time) with sessions, lines and cards, opened by this version; an older page holding it open during an upgrade (fake-indexeddb)',
    outcome:
      'every session, line and card kept, cards moved to their identity; the older page lets the upgrade through',
    tests: [
      ['tests/unit/session/session-db.test.ts', 'opens a version-1 database'],
      ['tests/unit/session/session-db.test.ts', 'lets the upgrade through'],
    ],
    defect: '#20.7',
  },
  {
    kind: 'fault',
    what: 'Two panels open on one session',
    provoked:
      'a card corrected in one panel and a chip picked in the other, with the owner publishing to both (unit test)',
    outcome: 'both panels show the same card and the same list; who is speaking shows from the start of speech',
    tests: [
      ['tests/unit/session/session-owner.test.ts', 'a card picked in one panel shows in every panel'],
      ['tests/unit/session/session-owner.test.ts', 'shows who is speaking'],
      ['tests/unit/components/transcript-view.test.tsx', 'shows who is speaking as soon as speech starts'],
    ],
    defect: '#20.9',
  },
  {
    kind: 'fault',
    what: 'A partial line and the final line of one question arrive together, or the partial after its line',
    provoked:
      'a partial and the final line sent at once (Promise.all) through the real owner with a slow knowledge base, in both orders; a partial of the next question arriving before the previous line (unit tests)',
    outcome:
      'a partial of a question whose line was read shows nothing; the card is recorded once, under the line’s identity; each line settles only its own question’s provisional card',
    tests: [
      [
        'tests/unit/session/session-owner-provisional.test.ts',
        'a partial and the final line of one utterance at the same time',
      ],
      [
        'tests/unit/session/session-owner-provisional.test.ts',
        'after its line, the partial is stale and shows nothing',
      ],
      ['tests/unit/session/session-owner-provisional.test.ts', 'each line settles its own card'],
      ['tests/unit/session/provisional-card.test.ts', 'a partial of an utterance whose line was read is stale'],
    ],
  },
  {
    kind: 'fault',
    what: 'The service worker restarts between a provisional card and its line',
    provoked:
      'a new owner over the saved state after a provisional card; an owner whose recording never finishes after it confirmed a card (unit tests)',
    outcome:
      'the new worker knows the card (the same question does not show it again) and confirms it; a confirmed card not yet recorded is recorded once',
    tests: [
      [
        'tests/unit/session/session-owner-provisional.test.ts',
        'a worker that restarts between the provisional card and the final line',
      ],
      [
        'tests/unit/session/session-owner-provisional.test.ts',
        'a worker that dies after confirming a card but before recording it',
      ],
    ],
  },
  {
    kind: 'input',
    what: 'Partial lines that read different questions while the interviewer is still speaking',
    provoked:
      'partials reading one question, then another, then a third, then the first again; a final line reading a fourth, or nothing (unit tests); partials and a line in the real extension (Chromium)',
    outcome:
      'the card changes at most once per question, the replaced one kept in the list and marked; partials never bring or change chips; a card the line does not confirm stays, marked "Not confirmed", and is not recorded; a confirmed card turns final in place, not drawn again',
    tests: [
      ['tests/unit/session/provisional-card.test.ts', 'a different confident entry replaces it once'],
      ['tests/unit/session/provisional-card.test.ts', 'keeps it, not confirmed, when the line reads a third entry'],
      ['tests/unit/session/session-owner-provisional.test.ts', 'a partial changes no chips'],
      ['tests/unit/session/session-owner-provisional.test.ts', 'leaves the card not confirmed, and records nothing'],
      ['tests/unit/store/session-store.test.ts', 'a replacement keeps the replaced card in the list, marked replaced'],
      ['tests/unit/sidepanel/provisional-card-view.test.tsx', 'turns it final in place, without drawing it again'],
      ['tests/e2e/live-matching.e2e.ts', 'shows the card while the question is still being asked, marked provisional'],
    ],
  },
];
