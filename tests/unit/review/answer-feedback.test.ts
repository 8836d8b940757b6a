import { describe, expect, it } from 'vitest';
import { parseMarkdownPack } from '@/lib/knowledge/markdown-pack';
import type { TranscriptLine } from '@/lib/messaging/runtime-messages';
import { frameCheck, sessionFeedback, speechStats, wordsOf } from '@/lib/review/answer-feedback';

const line = (channel: 'interviewer' | 'candidate', text: string, at: number, seconds: number): TranscriptLine => ({
  sessionId: 's',
  seq: at,
  channel,
  text,
  startMs: at,
  endMs: at + seconds * 1000,
  at: at + seconds * 1000,
});

describe('speechStats', () => {
  it('counts fillers per minute of speaking, "like" only as a filler, and words said three times or more', () => {
    // 30 s + 30 s of speech = 1 minute.
    const stats = speechStats([
      line('candidate', "Um, so the model, you know, was like really slow. I'd like to say the model was fine.", 0, 30),
      line(
        'candidate',
        'Basically the model looked like a cache problem, uh, a cache problem, so I added a cache.',
        40_000,
        30,
      ),
    ]);
    // um, you know, like (after "was"), basically, uh = 5; "I'd like" and "looked like" are not fillers.
    expect(stats.fillers).toEqual({ um: 1, 'you know': 1, like: 1, basically: 1, uh: 1 });
    expect(stats.fillerCount).toBe(5);
    expect(stats.spokenMs).toBe(60_000);
    expect(stats.fillersPerMinute).toBe(5);
    expect(stats.repeated).toEqual([
      { word: 'cache', count: 3 },
      { word: 'model', count: 3 },
    ]);
    expect(stats.words).toBe(
      wordsOf("Um, so the model, you know, was like really slow. I'd like to say the model was fine.").length + 17,
    );
  });

  it('says zero, not infinity, when nothing was said', () => {
    expect(speechStats([])).toMatchObject({ spokenMs: 0, fillerCount: 0, fillersPerMinute: 0, repeated: [] });
  });
});

describe('frameCheck', () => {
  it('hears which STAR steps a story has, and notices a story without a result', () => {
    const story = [
      'At my last company we had a model that leaked labels.',
      'My job was to find out why, so I rebuilt the split by time.',
    ];
    expect(frameCheck({ name: 'STAR' }, story)!.steps).toEqual([
      { step: 'Situation', heard: true },
      { step: 'Task', heard: true },
      { step: 'Action', heard: true },
      { step: 'Result', heard: false },
    ]);
    expect(
      frameCheck({ name: 'STAR' }, [...story, 'In the end AUC fell to 0.81, the true figure.'])!.steps.at(-1),
    ).toEqual({ step: 'Result', heard: true });
  });

  it('judges only frames whose steps can be heard', () => {
    expect(frameCheck({ name: 'Concept' }, ['anything'])).toBeNull();
  });
});

describe('sessionFeedback', () => {
  const pack = parseMarkdownPack(`## How do you handle class imbalance?
Id: imbalance
Category: ml-theory
- Metrics first — PR AUC, not accuracy
- Reweight — class weights in the loss
- Resample — undersample negatives

## Tell me about a time you failed.
Id: failed
Category: behavioral
- Own it — say what you did wrong
- Repair — what you fixed

## What is dropout?
Id: dropout
Category: ml-theory
- Random zeroing — of activations in training
`);
  const byId = (id: string) => pack.entries.find((entry) => entry.id === id);
  const hints = [
    { entryId: 'imbalance', question: 'How do you handle class imbalance?', at: 0 },
    { entryId: 'failed', question: 'Tell me about a time you failed.', at: 100_000 },
    { entryId: 'dropout', question: 'What is dropout?', at: 200_000 },
  ];
  const lines = [
    line('interviewer', 'how do you handle class imbalance', 0, 3),
    line('candidate', 'Um I would reweight the classes with class weights in the loss.', 5_000, 30),
    line('candidate', 'And I would pick metrics like PR AUC first, um, not accuracy.', 40_000, 30),
    line('interviewer', 'tell me about a time you failed', 100_000, 3),
    line('candidate', 'At my last job we had a launch I rushed, so I skipped the review.', 105_000, 60),
  ];
  const feedback = sessionFeedback(hints, lines, byId);

  it('gives each question its coverage, speech figures and frame steps, from the lines before the next question', () => {
    const [imbalance, failed, dropout] = feedback.questions;
    expect(imbalance!.coverage.map((point) => point.covered)).toEqual([true, true, false]);
    expect(imbalance!.coveredShare).toBeCloseTo(2 / 3);
    // um ×2 and "metrics like" (after "metrics": a filler) in one minute of speech.
    expect(imbalance!.stats.fillers).toEqual({ um: 2, like: 1 });
    expect(imbalance!.stats.fillersPerMinute).toBe(3);
    expect(imbalance!.frame).toBeNull();
    expect(failed!.coveredShare).toBe(0);
    expect(failed!.frame!.steps.find((step) => step.step === 'Result')!.heard).toBe(false);
    expect(dropout!.answered).toBe(false);
    expect(dropout!.coverage).toEqual([]);
  });

  it('sums up: answered questions, mean coverage, fillers per minute over all answers, weakest first', () => {
    expect(feedback.answered).toBe(2);
    expect(feedback.meanCoverage).toBeCloseTo((2 / 3 + 0) / 2);
    // 3 fillers in 2 minutes of answers.
    expect(feedback.fillersPerMinute).toBe(1.5);
    expect(feedback.weakest.map((question) => question.entryId)).toEqual(['failed', 'imbalance']);
  });
});
