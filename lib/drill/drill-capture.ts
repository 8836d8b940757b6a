/**
 * What capture does differently for a drill: a session started without a tab is a drill, on
 * the microphone alone; one in which nothing was answered is not kept as a session.
 */

/** A session started without a tab stream is a drill: it listens to the microphone alone. */
export function isDrillCapture(streamId: string | null): boolean {
  return streamId === null;
}

/** Whether a final line answers the drill: the candidate said something. */
export function answersDrill(line: { channel: string; text: string }): boolean {
  return line.channel === 'candidate' && line.text.trim() !== '';
}

/** A drill in which nothing was answered is not kept as a session; any other session is. */
export function keepsSession(session: { drill: boolean; answered: boolean }): boolean {
  return !session.drill || session.answered;
}

export const UNANSWERED_DRILL_NOTICE = 'Nothing was heard from you, so this drill was not saved as a session.';

/** A drill without a microphone has nothing to listen to: it stops, saying how to allow it. */
export function drillMicrophoneError(reason: string): string {
  return `The microphone could not be opened (${reason}). Allow microphone access for Cuecard in Chrome's site settings, then start the drill again.`;
}

/** The background refuses a drill asked for without the microphone. */
export const DRILL_NEEDS_MICROPHONE = 'A drill listens to your microphone: allow it and press Start again.';
