import { describe, expect, it } from 'vitest';
import { parseMarkdownPack } from '@/lib/knowledge/markdown-pack';
import type { TranscriptLine } from '@/lib/messaging/runtime-messages';
import { answerCoverage, answerLines } from '@/lib/session/answer-coverage';
import { SHIPPED_PACKS } from '@/lib/knowledge/shipped-packs';
import { compilePackAliases } from '@/lib/match/match-terms';

const ML_VOCABULARY = compilePackAliases(SHIPPED_PACKS.flatMap((pack) => pack.aliases ?? []));

const [entry] = parseMarkdownPack(`## How do you handle class imbalance?
- Metrics first — PR AUC, recall at fixed precision; accuracy is misleading
- Reweight — class weights in the loss, or focal loss
- Resample — undersample negatives (then recalibrate), oversample or SMOTE with care
- Threshold — choose the operating point from costs, not 0.5
`).entries;

describe('answerCoverage', () => {
  it('ticks the points a spoken answer touched, through speech-recognition wording', () => {
    const coverage = answerCoverage(
      entry!,
      [
        'so first i would not use accuracy i would look at the p r a u c',
        'and then maybe re weight the classes in the loss function',
      ],
      ML_VOCABULARY,
    );
    expect(coverage.map((point) => point.covered)).toEqual([true, true, false, false]);
  });

  it('ticks nothing for an answer about something else', () => {
    expect(
      answerCoverage(entry!, ['i really enjoyed working with my team on the mobile app']).every(
        (point) => !point.covered,
      ),
    ).toBe(true);
  });
});

describe('answerLines', () => {
  const line = (channel: 'interviewer' | 'candidate', text: string, at: number): TranscriptLine => ({
    sessionId: 's',
    seq: at,
    channel,
    text,
    startMs: 0,
    endMs: 0,
    at,
  });
  it('takes the candidate lines between this question and the next', () => {
    const lines = [
      line('candidate', 'before', 5),
      line('interviewer', 'question', 10),
      line('candidate', 'answer one', 12),
      line('candidate', 'answer two', 15),
      line('candidate', 'next answer', 25),
    ];
    expect(answerLines(lines, 10, 20)).toEqual(['answer one', 'answer two']);
  });
});
