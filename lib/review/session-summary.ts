import type { SessionFeedback } from './answer-feedback';
import { clock } from '../session/clock';
import type { SessionRecord } from '../session/session-db';

/** When a session began, as people read dates: "Mon 7 Dec, 03:00" (in the user's locale). */
export function sessionDate(startedAt: number, locale?: string): string {
  return new Date(startedAt).toLocaleString(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/**
 * A session's line in the list: its kind, how many questions, the score (key points covered
 * on average over the answered ones) and its length: "Drill · 3 questions · 48 % covered · 02:30".
 */
export function sessionSummaryLine(
  session: SessionRecord,
  feedback: Pick<SessionFeedback, 'questions' | 'answered' | 'meanCoverage'>,
): string {
  const count = feedback.questions.length;
  const parts = [session.kind === 'drill' ? 'Drill' : 'Interview', `${count} question${count === 1 ? '' : 's'}`];
  const scored = feedback.questions.some((question) => question.answered && question.coverage.length > 0);
  if (scored) parts.push(`${Math.round(feedback.meanCoverage * 100)} % covered`);
  else if (count > 0) parts.push('no answers heard');
  parts.push(session.endedAt ? clock(session.endedAt - session.startedAt) : 'in progress or interrupted');
  return parts.join(' · ');
}
