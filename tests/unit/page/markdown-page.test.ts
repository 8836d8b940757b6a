import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { markdownQuestionList } from '@/lib/page/markdown-page';
import { nodeHtmlTools } from '@/lib/page/node-html-tools';

const tools = nodeHtmlTools();

describe('markdownQuestionList', () => {
  it('reads a README question list through the page extraction', () => {
    const text = readFileSync('tests/fixtures/pages/markdown-readme-list-headings.md', 'utf8');
    const list = markdownQuestionList(text, 'README.md', tools)!;
    expect(list.title).toBe('React Interview Questions & Answers');
    expect(list.questions).toHaveLength(30);
    expect(list.questions[0]!.question).toBe('What is React?');
    expect(list.questions[0]!.outline[0]).toBe(
      'React (aka React.js or ReactJS) is an open-source front-end JavaScript library for building user interfaces based on components.',
    );
    expect(list.questions[0]!.outline.join(' ')).not.toMatch(/Back to Top/);
  });

  it('leaves a file in the pack format to the pack parser, with or without metadata', () => {
    expect(
      markdownQuestionList(readFileSync('knowledge/ml-engineer/02-coding.md', 'utf8'), '02-coding.md', tools),
    ).toBeNull();
    expect(
      markdownQuestionList('# Mine\n\n## What is a heap?\n- a tree\n\n## Why use one?\n- top k\n', 'mine.md', tools),
    ).toBeNull();
  });

  it('returns null when there is no question to find, so the pack parser can say why', () => {
    expect(markdownQuestionList('# Notes\n\nJust some text.\n', 'notes.md', tools)).toBeNull();
  });

  it('runs nothing from a hostile file', () => {
    const list = markdownQuestionList(
      '## What is XSS?\n\n<img src=x onerror="globalThis.pwned=1">Injected script.\n\n## How do you stop it?\n\n<script>globalThis.pwned=2</script>Escape output.',
      'x.md',
      tools,
    );
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
    expect(list?.questions.map((item) => item.question) ?? []).not.toContain('<script>');
  });
});
