import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const run = (script: string, args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });

// Each test starts a Node process with tsx: seconds on a busy 2-core machine, hence the 60 s limit.
const folder = mkdtempSync(join(tmpdir(), 'cuecard-cli-'));
const write = (name: string, text: string) => {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
};

const markdownPack = write(
  'cooking.md',
  `# Cooking interview
## How do you make a risotto?
- Toast the rice first
- Add warm stock slowly
## Why should bread dough rest?
Category: baking
- Gluten relaxes
`,
);
const jsonPack = write(
  'cooking.json',
  JSON.stringify([
    { question: 'How do you make a risotto?', outline: { keyPoints: ['Toast the rice'] } },
    { question: 'Why should bread dough rest?', outline: { keyPoints: ['Gluten relaxes'] } },
  ]),
);
const cases = write(
  'cases.jsonl',
  [
    { utterance: 'so um how would you cook a risotto', expected: 'How do you make a risotto?' },
    { utterance: 'why do we let the dough rest', expected: 'Why should bread dough rest?' },
    { utterance: 'can you see my screen', expected: null },
    { utterance: 'what is a monad', expected: null },
  ]
    .map((row) => JSON.stringify(row))
    .join('\n'),
);

describe('npm run eval:match', { timeout: 60_000 }, () => {
  it.each([
    ['a Markdown pack', markdownPack],
    ['a JSON pack', jsonPack],
  ])('scores any well-formed pack: %s', (_name, kb) => {
    const result = run('eval-match', ['--kb', kb, '--cases', cases]);
    expect(result.status).toBe(0);
    const lastLine = result.stdout.trim().split('\n').at(-1)!;
    expect(JSON.parse(lastLine)).toMatchObject({
      cases: 4,
      positives: 2,
      negatives: 2,
      top1: 1,
      top3: 1,
      falseHintRate: 0,
      missRate: 0,
    });
    expect(JSON.parse(lastLine)).toHaveProperty('p95Ms');
  });

  it('prints each failure and counts it', () => {
    const hard = write(
      'hard.jsonl',
      JSON.stringify({ utterance: 'what is a monad', expected: 'How do you make a risotto?' }),
    );
    const result = run('eval-match', ['--kb', markdownPack, '--cases', hard]);
    expect(result.stdout).toContain('MISS line 1: "what is a monad"');
    expect(JSON.parse(result.stdout.trim().split('\n').at(-1)!)).toMatchObject({ top1: 0, missRate: 1 });
  });

  it('refuses a malformed case file with its line', () => {
    const bad = write('bad.jsonl', '{"utterance":"x","expected":null}\n{"utterance": 3}');
    const result = run('eval-match', ['--kb', markdownPack, '--cases', bad]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('bad.jsonl:2: expected {"utterance": string, "expected": string | null}');
  });

  it('refuses a broken pack with the line to fix', () => {
    const broken = write('broken.md', '## Fine?\n- ok\n## Broken?\nFrame: ???\n- x');
    const result = run('eval-match', ['--kb', broken, '--cases', cases]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/error: broken\.md: line 4, frame/);
  });
});

describe('npm run match', { timeout: 60_000 }, () => {
  it('prints the hint for an utterance against the shipped pack', () => {
    const result = run('match', ['um so how would you handle class imbalance', '--verbosity', 'glance']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('How do you handle class imbalance?');
    expect(result.stdout).toContain('Keywords: ');
  });

  it('says when there is no card', () => {
    const result = run('match', ['can you see my screen']);
    expect(result.stdout).toContain('No card (small-talk)');
  });
});

describe('npm run import', { timeout: 60_000 }, () => {
  it('prints the questions of a page as JSON with their outlines', () => {
    const result = run('import-page', ['tests/fixtures/pages/faq-details.html', '--json']);
    expect(result.status).toBe(0);
    const questions = JSON.parse(result.stdout) as Array<{ question: string; outline: string[] }>;
    expect(questions).toHaveLength(5);
    expect(questions[0]).toEqual({
      question: 'What is a feature store and why would a team use one?',
      outline: [
        'One definition of each feature serves both training and serving, which prevents skew.',
        'Point-in-time joins for training data',
        'Online store for low-latency reads',
      ],
    });
  });

  it('reads a Markdown question list like a page', () => {
    const result = run('import-page', ['tests/fixtures/eval/pages/markdown-nlp-readme.md', '--json']);
    const questions = JSON.parse(result.stdout) as Array<{ question: string; outline: string[] }>;
    expect(questions).toHaveLength(13);
    expect(questions[0]!.question).toBe('What is the difference between stemming and lemmatization?');
    expect(questions[0]!.outline[0]).toMatch(/^Stemming and lemmatization are both techniques/);
  });

  it('reads a PDF and a Word file like a page, and says why it cannot read a scan', () => {
    const pdf = run('import-page', ['tests/fixtures/import-files/notes.pdf', '--json']);
    expect((JSON.parse(pdf.stdout) as Array<{ question: string }>).map((item) => item.question)).toContain(
      'What is a CDN?',
    );
    const docx = run('import-page', ['tests/fixtures/import-files/notes.docx', '--json']);
    expect((JSON.parse(docx.stdout) as Array<{ question: string }>)[0]?.question).toBe('What is an index?');
    const scan = run('import-page', ['tests/fixtures/import-files/scanned.pdf']);
    expect(scan.status).toBe(1);
    expect(scan.stderr).toContain('error: This PDF has no text to read');
  });

  it('says so when a page has no questions', () => {
    const result = run('import-page', ['tests/fixtures/pages/no-questions.html']);
    expect(result.stdout).toContain('No interview questions found in "Our trip to the coast".');
  });
});
