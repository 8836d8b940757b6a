import { describe, expect, it } from 'vitest';
import { parseMarkdownPack } from '@/lib/knowledge/markdown-pack';
import { createQuestionIndex } from '@/lib/match/question-index';
import type { TranscriptLine } from '@/lib/messaging/runtime-messages';
import { nextHint } from '@/lib/session/live-hints';

const index = createQuestionIndex(
  parseMarkdownPack('## How do you handle class imbalance?\n- metrics\n## Design a fraud detection system.\n- labels').entries,
);
let seq = 0;
const say = (channel: 'interviewer' | 'candidate', text: string): TranscriptLine => ({
  sessionId: 's', seq: seq++, channel, text, startMs: seq * 1000, endMs: seq * 1000 + 800, at: seq,
});

describe('nextHint', () => {
  it('shows a hint for a new interviewer question', () => {
    expect(nextHint(index, [say('interviewer', 'so how would you handle class imbalance')], undefined)?.best?.entry.question).toBe(
      'How do you handle class imbalance?',
    );
  });

  it('keeps the current card when the same question is repeated', () => {
    const lines = [say('interviewer', 'how do you handle class imbalance')];
    const current = nextHint(index, lines, undefined)!.best!.entry.id;
    expect(nextHint(index, [...lines, say('interviewer', 'I mean the class imbalance')], current)).toBeNull();
  });

  it('never reacts to the candidate, even when they name a topic', () => {
    expect(nextHint(index, [say('candidate', 'I would design a fraud detection system')], undefined)).toBeNull();
  });

  it('keeps the card through small talk', () => {
    expect(nextHint(index, [say('interviewer', 'can you see my screen')], 'x')).toBeNull();
  });

  it('replaces the card on a new confident question', () => {
    const lines = [say('interviewer', 'how do you handle class imbalance'), say('candidate', 'I reweight'), say('interviewer', 'okay now design a fraud detection system')];
    expect(nextHint(index, lines, 'how-do-you-handle-class-imbalance')?.best?.entry.question).toBe('Design a fraud detection system.');
  });
});
