import { createEchoDetector, repeatsInterviewer } from '../audio/echo-detector';
import type { Channel } from '../messaging/runtime-messages';

export const ECHO_NOTICE =
  'Your microphone is picking up the interviewer’s audio (speakers rather than headphones?). Use headphones: Cuecard leaves out what the microphone repeats, but your own answers come through clearer without the echo.';

/** How far back an interviewer line may be for a microphone line to be its echo. */
const ECHO_WINDOW_MS = 15_000;
/** Readings of the loudness detector in a row that must agree before the user is told. */
const READINGS_TO_WARN = 2;
/** Audio between two readings: chunks of the microphone, 100 ms each. */
const CHUNKS_PER_READING = 20;

/**
 * With the tab and the microphone both captured: notices the microphone hearing the tab
 * (by loudness, or by a line that repeats the interviewer), says so once, and tells
 * which microphone lines are echo and must not count as the candidate's answer.
 */
export function createEchoGuard(now: () => number = () => Date.now()) {
  const detector = createEchoDetector();
  const interviewerLines: Array<{ text: string; at: number }> = [];
  let agreeing = 0;
  let microphoneChunks = 0;
  let warned = false;
  const warnOnce = () => (warned ? false : (warned = true));
  return {
    /** Feeds captured audio; true when the user should now be told of the echo. */
    audio(channel: Channel, samples: Float32Array): boolean {
      detector.push(channel === 'interviewer' ? 'tab' : 'microphone', samples, now());
      if (channel !== 'candidate' || ++microphoneChunks % CHUNKS_PER_READING !== 0) return false;
      agreeing = detector.read().echo ? agreeing + 1 : 0;
      return agreeing >= READINGS_TO_WARN && warnOnce();
    },
    /** A final line: whether to keep it (not an echo), and whether the user should now be told. */
    line(channel: Channel, text: string): { keep: boolean; warn: boolean } {
      const at = now();
      while (interviewerLines.length && at - interviewerLines[0]!.at > ECHO_WINDOW_MS) interviewerLines.shift();
      if (channel === 'interviewer') {
        interviewerLines.push({ text, at });
        return { keep: true, warn: false };
      }
      const echo = repeatsInterviewer(
        text,
        interviewerLines.map((line) => line.text),
      );
      return { keep: !echo, warn: echo && warnOnce() };
    },
  };
}
