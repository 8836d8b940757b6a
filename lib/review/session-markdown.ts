import type { TranscriptLine } from '../messaging/runtime-messages';
import { clock } from '../session/clock';
import { answerFiguresText, feedbackSummaryText, weakestText, type SessionFeedback } from './answer-feedback';
import type { CardRecord, SessionRecord } from '../session/session-db';

const SPEAKER = { interviewer: 'Interviewer', candidate: 'You' } as const;

// Kept importable from here, where the session's other wording lives.
export { clock };

/**
 * A session as Markdown: when, the questions detected with their hints, then the transcript.
 * With the review's feedback, what the review shows too: the summary, and under each
 * question the figures of its answer and the key points covered and missed.
 */
export function sessionToMarkdown(
  session: SessionRecord,
  lines: readonly TranscriptLine[],
  cards: readonly CardRecord[],
  feedback?: SessionFeedback,
): string {
  const started = new Date(session.startedAt);
  const out = [`# Practice session, ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC`, ''];
  if (session.kind) out.push(`Kind: ${session.kind === 'drill' ? 'drill' : 'mock interview'}`, '');
  if (session.endedAt !== undefined) out.push(`Length: ${clock(session.endedAt - session.startedAt)}`, '');
  if (feedback && feedback.answered > 0) {
    out.push('## Summary', '', feedbackSummaryText(feedback), '');
    if (feedback.weakest.length) out.push(`Weakest: ${weakestText(feedback)}.`, '');
  }
  out.push('## Questions detected', '');
  if (cards.length === 0) out.push('None.');
  const byAt = new Map(feedback?.questions.map((question) => [question.at, question]));
  for (const hint of [...cards].sort((a, b) => a.at - b.at)) {
    out.push(`- ${clock(hint.at - session.startedAt)} — ${hint.question}`);
    const question = byAt.get(hint.at);
    if (!question) continue;
    if (question.answered) out.push(`  - ${answerFiguresText(question)}`);
    if (question.coverage.length) {
      out.push(
        `  - Key points covered: ${question.coverage.filter((point) => point.covered).length} of ${question.coverage.length}`,
      );
      for (const point of question.coverage) out.push(`    - ${point.covered ? '✓' : '✗'} ${point.point}`);
    }
  }
  out.push('', '## Transcript', '');
  if (lines.length === 0) out.push('Nothing was transcribed.');
  for (const line of lines) out.push(`**${clock(line.startMs)} ${SPEAKER[line.channel]}:** ${line.text}`, '');
  return `${out.join('\n').trimEnd()}\n`;
}
