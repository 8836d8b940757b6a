import type { TranscriptLine } from '../messaging/runtime-messages';
import type { HintRecord, SessionRecord } from './session-db';

const SPEAKER = { interviewer: 'Interviewer', candidate: 'You' } as const;

/** "mm:ss" from milliseconds into the session. */
export function clock(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

/** A session as Markdown: when, the questions detected with their hints, then the transcript. */
export function sessionToMarkdown(session: SessionRecord, lines: readonly TranscriptLine[], hints: readonly HintRecord[]): string {
  const started = new Date(session.startedAt);
  const out = [`# Practice session, ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC`, ''];
  if (session.endedAt !== undefined) out.push(`Length: ${clock(session.endedAt - session.startedAt)}`, '');
  out.push('## Questions detected', '');
  if (hints.length === 0) out.push('None.');
  for (const hint of [...hints].sort((a, b) => a.at - b.at)) out.push(`- ${clock(hint.at - session.startedAt)} — ${hint.question}`);
  out.push('', '## Transcript', '');
  if (lines.length === 0) out.push('Nothing was transcribed.');
  for (const line of lines) out.push(`**${clock(line.startMs)} ${SPEAKER[line.channel]}:** ${line.text}`, '');
  return `${out.join('\n').trimEnd()}\n`;
}
