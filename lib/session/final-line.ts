import { answersDrill } from '../drill/drill-capture';
import type { SessionEvent } from '../messaging/runtime-messages';
import type { RecognitionReply } from '../messaging/worker-messages';
import type { CaptureSession } from './capture-session';
import { ECHO_NOTICE } from './echo-guard';

export type FinalReply = Extract<RecognitionReply, { status: 'final' }>;

/**
 * The session's next line from a final recognition, numbered in order; undefined when the
 * microphone only repeated the interviewer. Says so (once) when it hears that echo.
 */
export function finalLine(session: CaptureSession, reply: FinalReply, broadcast: (event: SessionEvent) => void) {
  const heard = session.echo?.line(reply.channel, reply.text);
  if (heard?.warn) broadcast({ kind: 'notice', message: ECHO_NOTICE });
  // The microphone repeating the interviewer is not the candidate's answer: neither kept nor shown.
  if (heard && !heard.keep) return undefined;
  const line = {
    sessionId: session.id,
    seq: session.seq++,
    channel: reply.channel,
    text: reply.text,
    startMs: reply.startMs,
    endMs: reply.endMs,
    at: Date.now(),
    recognition: { decodeMs: reply.decodeMs, encoderMs: reply.encoderMs, tokens: reply.tokens },
  };
  if (answersDrill(line)) session.answered = true;
  return line;
}
